using System;
using System.Collections.Generic;

namespace Sora.Config.Cli.Linting
{
    /// <summary>What the CLI shows about a rule of the catalogue.</summary>
    internal sealed class RuleDescriptor
    {
        public RuleDescriptor(string id, string slug, SoraConfSeverity severity, SoraText title, SoraText rationale, SoraText remediation, string exampleBad, string exampleGood, Uri helpUri, bool isProductionRule, string? source)
        {
            Id = id;
            Slug = slug;
            DefaultSeverity = severity;
            Title = title;
            Rationale = rationale;
            Remediation = remediation;
            ExampleBad = exampleBad;
            ExampleGood = exampleGood;
            HelpUri = helpUri;
            IsProductionRule = isProductionRule;
            Source = source;
        }

        public string Id { get; }

        public string Slug { get; }

        public SoraConfSeverity DefaultSeverity { get; }

        public SoraText Title { get; }

        public SoraText Rationale { get; }

        public SoraText Remediation { get; }

        public string ExampleBad { get; }

        public string ExampleGood { get; }

        public Uri HelpUri { get; }

        public bool IsProductionRule { get; }

        public string? Source { get; }

        public static RuleDescriptor From(SoraRuleInfo rule) => new RuleDescriptor(
            rule.Id, rule.Slug, rule.DefaultSeverity, rule.Title, rule.Rationale, rule.Remediation, rule.ExampleBad, rule.ExampleGood, rule.HelpUri, rule.IsProductionRule, rule.Source);

        /// <summary>The rule by ID (case-insensitive), from the catalogue.</summary>
        public static bool TryGet(string id, out RuleDescriptor rule)
        {
            if (SoraCatalog.Default.TryGetRule(id.ToUpperInvariant(), out var info))
            {
                rule = From(info);
                return true;
            }
            rule = null!;
            return false;
        }

        /// <summary>Every rule the linter can report, ordered by ID.</summary>
        public static IReadOnlyList<RuleDescriptor> All()
        {
            var list = new List<RuleDescriptor>();
            foreach (var rule in SoraCatalog.Default.Rules) list.Add(From(rule));
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            return list;
        }
    }

    /// <summary>The rules the CLI evaluates itself (their texts are in the catalogue, schema/rules.toml).</summary>
    internal static class CliRules
    {
        public const string InvalidSuppression = "SORA0009";
        public const string Placeholder = "SORA0010";
    }
}
