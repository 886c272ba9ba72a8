using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Sora.Config.Schema;

namespace Sora.Config.Generator
{
    /// <summary>SORA9xxx: SDK usage errors the generator reports (each with a help page).</summary>
    internal static class GeneratorDiagnostics
    {
        private const string Category = "Sora.Config.Usage";

        public static readonly DiagnosticDescriptor NotPartial = Create("SORA9001", "[GeneratedSoraConf] class must be partial",
            "The class '{0}' has [GeneratedSoraConf] but is not declared partial; add the 'partial' modifier so the generator can add its members");

        public static readonly DiagnosticDescriptor MalformedSchema = Create("SORA9002", "Malformed sora.conf schema file",
            "{0}");

        public static readonly DiagnosticDescriptor ConflictingSchema = Create("SORA9003", "Conflicting definitions in sora.conf schema files",
            "{0}");

        public static readonly DiagnosticDescriptor InvalidKeyName = Create("SORA9004", "Schema key cannot become a C# property",
            "{0}");

        public static readonly DiagnosticDescriptor UnknownVersion = Create("SORA9005", "Unknown or malformed SoraVersion",
            "SoraVersion '{0}' is {1}; known versions: {2}");

        public static readonly DiagnosticDescriptor CompilerTooOld = Create("SORA9006", "Compiler older than Sora.Config supports",
            "Sora.Config's generator needs a C# compiler of Roslyn {0} or later (the .NET 9.0.300 SDK / Visual Studio 17.14 or later); this compiler is {1}");

        public static readonly DiagnosticDescriptor NoSchema = Create("SORA9007", "No sora.conf schema found",
            "The class '{0}' has [GeneratedSoraConf] but the compilation has no sora.conf schema files; the Sora.Config package adds them unless SoraConfIncludeBundledSchema is false");

        public static readonly DiagnosticDescriptor MemberClash = Create("SORA9008", "Generated member clashes with a declared member",
            "The class '{0}' already declares a member named '{1}', which the generator would emit for the sora.conf key '{2}'; rename the member");

        private static DiagnosticDescriptor Create(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
                helpLinkUri: "https://github.com/sora-config/Sora.Config/blob/main/docs/rules/" + id + ".md");

        public static Location LocationOf(SchemaLocation at)
        {
            var position = new LinePosition(System.Math.Max(0, at.Line - 1), System.Math.Max(0, at.Column - 1));
            return Location.Create(at.Path, new TextSpan(0, 0), new LinePositionSpan(position, position));
        }
    }
}
