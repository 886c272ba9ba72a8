using System.Text.RegularExpressions;
using Sora.Config.Shared;

namespace Sora.Config.Schema
{
    /// <summary>Names and enumerations of the schema format, in one place.</summary>
    public static class SchemaNames
    {
        public static readonly string[] KeyTypes = SoraNames.KeyTypes;
        public static readonly string[] ListItemTypes = SoraNames.ListItemTypes;
        public static readonly string[] Units = SoraNames.Units;
        public static readonly string[] Formats = SoraNames.Formats;
        public static readonly string[] Severities = { "error", "warning", "info" };
        public static readonly string[] CheckKinds = SoraNames.CheckKinds;
        public static readonly string[] DeploymentCheckKinds = SoraNames.DeploymentCheckKinds;
        public static readonly string[] FileDeploymentCheckKinds = SoraNames.FileDeploymentCheckKinds;
        public static readonly string[] EachTests = SoraNames.EachTests;

        /// <summary>The facts <c>inferred_facts</c> may list: <c>name</c>, <c>type</c>, <c>default</c>, <c>versions</c>.</summary>
        public static readonly string[] KeyFacts = SoraNames.KeyFacts;

        /// <summary>The Japanese words for <see cref="KeyFacts"/>, in the same order.</summary>
        public static readonly string[] KeyFactsJa = SoraNames.KeyFactsJa;

        private static readonly Regex KeyName = new Regex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);
        private static readonly Regex RuleId = new Regex("^SORA[0-3][0-9]{3}$", RegexOptions.CultureInvariant);

        public static bool IsValidKeyName(string name) => KeyName.IsMatch(name);

        public static bool IsValidRuleId(string id) => RuleId.IsMatch(id);

        /// <summary>A release line (<c>YYYY.N</c>, no patch level) as an ordinal (YYYY*100+N); -1 when malformed.</summary>
        public static int VersionOrdinal(string? version) => SoraNames.VersionOrdinal(version, releaseLineOnly: true);

        /// <summary>"name, type confirmed; default, versions inferred" (and the Japanese) for a key's inferred facts.</summary>
        public static (string English, string Japanese) Confidence(System.Collections.Generic.IEnumerable<string> inferredFacts) =>
            SoraNames.Confidence(inferredFacts);

        /// <summary>`api_loopback_address_only` → `ApiLoopbackAddressOnly`.</summary>
        public static string PascalCase(string key) => SoraNames.PascalCase(key);
    }
}
