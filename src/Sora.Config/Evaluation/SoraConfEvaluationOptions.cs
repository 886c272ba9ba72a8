using System.Collections.Generic;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;

namespace Sora.Config.Evaluation
{
    /// <summary>What to evaluate against: the targeted Sora version, the profile and per-rule severities.</summary>
    public sealed class SoraConfEvaluationOptions
    {
        /// <summary>The defaults (newest version, production profile, catalogue severities). A new instance
        /// each time: the options are mutable, and a shared one could be changed for every caller.</summary>
        public static SoraConfEvaluationOptions Default => new SoraConfEvaluationOptions();

        /// <summary>The targeted Sora version (<c>YYYY.N</c>); null = the newest the catalog knows.</summary>
        public string? SoraVersion { get; set; }

        public SoraConfProfile Profile { get; set; } = SoraConfProfile.Production;

        /// <summary>Per-rule severity overrides; a null severity turns the rule off.</summary>
        public IReadOnlyDictionary<string, SoraConfSeverity?>? Severities { get; set; }

        /// <summary>The catalog to use; null = <see cref="SoraCatalog.Default"/>.</summary>
        public SoraCatalog? Catalog { get; set; }

        internal SoraCatalog EffectiveCatalog => Catalog ?? SoraCatalog.Default;

        internal string EffectiveVersion => SoraVersions.Normalize(SoraVersion) ?? EffectiveCatalog.NewestVersion;

        /// <summary>The severity a rule runs with, or null when it is off (profile or override).</summary>
        internal SoraConfSeverity? SeverityOf(SoraRuleInfo rule)
        {
            if (Severities != null && Severities.TryGetValue(rule.Id, out var overridden)) return overridden;
            if (Profile == SoraConfProfile.Development && rule.IsProductionRule) return null;
            return rule.DefaultSeverity;
        }
    }

    /// <summary>Which part of a setting a finding points at.</summary>
    public enum SoraFindingTarget
    {
        /// <summary>The whole line (key and value).</summary>
        Line,
        Key,
        Value,
    }

    /// <summary>A rule result about a key, before it is given a position in a file or in C# code.</summary>
    public sealed class SoraRuleFinding
    {
        internal SoraRuleFinding(SoraRuleInfo rule, SoraConfSeverity severity, string message, string? key, SoraFindingTarget target)
        {
            Rule = rule;
            Severity = severity;
            Message = message;
            Key = key;
            Target = target;
        }

        public SoraRuleInfo Rule { get; }

        public string RuleId => Rule.Id;

        public SoraConfSeverity Severity { get; }

        public string Message { get; }

        /// <summary>The key the finding is reported at (null for file-level findings).</summary>
        public string? Key { get; }

        public SoraFindingTarget Target { get; }

        public override string ToString() => $"{RuleId} {Key}: {Message}";
    }
}
