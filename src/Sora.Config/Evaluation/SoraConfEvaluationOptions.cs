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

        /// <summary>Honour own-line suppression comments in files (default true).</summary>
        public bool InlineSuppressions { get; set; } = true;

        internal SoraCatalog EffectiveCatalog => Catalog ?? SoraCatalog.Default;

        internal string EffectiveVersion => SoraVersions.Normalize(SoraVersion) ?? EffectiveCatalog.NewestVersion;

        /// <summary>The severity a finding of the rule gets, or null when the rule is off (profile or override). An
        /// <paramref name="accepted"/> finding (Sora still reads the file) takes the rule's accepted severity unless the
        /// options set one.</summary>
        internal SoraConfSeverity? SeverityOf(SoraRuleInfo rule, bool accepted = false)
        {
            if (Severities != null && Severities.TryGetValue(rule.Id, out var overridden)) return overridden;
            if (Profile == SoraConfProfile.Development && rule.IsProductionRule) return null;
            return accepted && rule.AcceptedSeverity is { } lower ? lower : rule.DefaultSeverity;
        }
    }
}
