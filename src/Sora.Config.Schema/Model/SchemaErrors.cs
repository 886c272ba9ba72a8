namespace Sora.Config.Schema
{
    /// <summary>The SORA9xxx IDs the schema loader reports (the generator surfaces them as diagnostics).</summary>
    public static class SchemaErrors
    {
        /// <summary>TOML syntax error, unknown field, wrong field type or an invalid value in a schema file.</summary>
        public const string Malformed = "SORA9002";

        /// <summary>A key, rule or version defined twice with different content.</summary>
        public const string ConflictingDuplicate = "SORA9003";

        /// <summary>A key name that cannot become a C# property name, or two keys that map to the same one.</summary>
        public const string InvalidKeyName = "SORA9004";
    }
}
