namespace Sora.Config.Generator
{
    /// <summary>Names of the incremental steps, so tests can assert on their caching.</summary>
    public static class TrackingNames
    {
        /// <summary>The merged schema and the build's switches, read in one step.</summary>
        public const string Schema = "Schema";

        /// <summary>One model per <c>[GeneratedSoraConf]</c> class.</summary>
        public const string Classes = "Classes";
    }
}
