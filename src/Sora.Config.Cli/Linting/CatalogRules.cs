using System.Collections.Generic;
using System.Linq;
using Sora.Config.Catalog;

namespace Sora.Config.Cli.Linting
{
    /// <summary>Rule lookups for the CLI: every rule, its own SORA0009/SORA0010 included, is in the catalogue.</summary>
    internal static class CatalogRules
    {
        /// <summary>The rule by ID, case-insensitive.</summary>
        public static bool TryGet(string id, out SoraRuleInfo rule) => SoraCatalog.Default.TryGetRule(id.ToUpperInvariant(), out rule);

        /// <summary>Every rule, ordered by ID.</summary>
        public static IReadOnlyList<SoraRuleInfo> All() => SoraCatalog.Default.Rules.OrderBy(r => r.Id, System.StringComparer.Ordinal).ToList();
    }

    /// <summary>The rules the CLI evaluates itself (their texts are in the catalogue, schema/rules.toml).</summary>
    internal static class CliRules
    {
        public const string InvalidSuppression = "SORA0009";
        public const string Placeholder = "SORA0010";
    }
}
