using System.Text;
using System.Text.RegularExpressions;

namespace Sora.Config.Schema
{
    /// <summary>Names and enumerations of the schema format, in one place.</summary>
    public static class SchemaNames
    {
        public static readonly string[] KeyTypes = { "bool", "int", "port", "float", "string", "enum", "interval", "ipv4", "ipv6", "url", "fqdn", "path", "list" };
        public static readonly string[] ListItemTypes = { "string", "enum", "ipv4", "ipv6" };
        public static readonly string[] Units = { "ms", "s", "min", "h" };
        public static readonly string[] Severities = { "error", "warning", "info" };
        public static readonly string[] CheckKinds = { "file", "value", "unknown_key", "inline_comment", "version", "deprecated", "condition", "each", "distinct_ports", "suppression", "placeholder" };
        public static readonly string[] EachTests = { "plain_http_to_non_loopback" };

        private static readonly Regex KeyName = new Regex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);
        private static readonly Regex VersionName = new Regex(@"^(\d{4})\.(\d{1,2})$", RegexOptions.CultureInvariant);
        private static readonly Regex RuleId = new Regex("^SORA[0-2][0-9]{3}$", RegexOptions.CultureInvariant);

        public static bool IsValidKeyName(string name) => KeyName.IsMatch(name);

        public static bool IsValidRuleId(string id) => RuleId.IsMatch(id);

        /// <summary>"2024.2" → 20242 style ordinal; -1 when malformed.</summary>
        public static int VersionOrdinal(string? version)
        {
            if (version is null) return -1;
            var m = VersionName.Match(version);
            return m.Success ? int.Parse(m.Groups[1].Value) * 100 + int.Parse(m.Groups[2].Value) : -1;
        }

        /// <summary>`api_loopback_address_only` → `ApiLoopbackAddressOnly`.</summary>
        public static string PascalCase(string key)
        {
            var sb = new StringBuilder(key.Length);
            foreach (var part in key.Split('_'))
            {
                if (part.Length == 0) continue;
                sb.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
            }
            return sb.ToString();
        }
    }
}
