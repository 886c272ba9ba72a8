namespace Sora.Config.Analyzers
{
    /// <summary>Names of the <c>Diagnostic.Properties</c> the analyzers attach for the code fixes.
    /// (Compiled into both the analyzer and the code-fix assembly.)</summary>
    internal static class SoraProperties
    {
        /// <summary>The sora.conf key the finding is about.</summary>
        public const string Key = "SoraKey";

        /// <summary>The C# property of the key on the analyzed class.</summary>
        public const string Property = "SoraProperty";

        /// <summary>Where the finding is: one of the <c>Site*</c> values.</summary>
        public const string Site = "SoraSite";

        /// <summary>The settings that each make the finding go away, one per line: <c>Property=value</c> (a C# literal to
        /// write: true/false), or <c>Property=</c> when only the user can give the value (a host name).</summary>
        public const string Remedies = "SoraRemedies";

        /// <summary>"true" when the key's default (targeted version) is its remedy: removing the assignment fixes it.</summary>
        public const string DefaultIsSafe = "SoraDefaultIsSafe";

        /// <summary>An element of an object initializer (<c>Demo = true</c> inside <c>new C { … }</c>).</summary>
        public const string SiteInitializer = "initializer";

        /// <summary>An assignment statement (<c>conf.Demo = true;</c>).</summary>
        public const string SiteAssignment = "assignment";

        /// <summary>The object creation: the key is never set.</summary>
        public const string SiteCreation = "creation";

        /// <summary>Inside a string literal passed to Parse/TryParse.</summary>
        public const string SiteText = "text";

        /// <summary>Inside a sora.conf AdditionalFile.</summary>
        public const string SiteFile = "file";
    }
}
