namespace Sora.Config.Generator
{
    /// <summary>Names of the incremental steps, so tests can assert on their caching.</summary>
    public static class TrackingNames
    {
        public const string SchemaFiles = "SchemaFiles";
        public const string Schema = "Schema";
        public const string Settings = "Settings";
        public const string Classes = "Classes";
    }
}
