using System;
using System.Collections.Generic;
using Sora.Config.Diagnostics;
using Sora.Config.Shared;

namespace Sora.Config.Catalog
{
    /// <summary>One rule of the catalogue (schema/rules.toml).</summary>
    public sealed class SoraRuleInfo
    {
        internal SoraRuleInfo(
            string id, string slug, SoraConfSeverity severity, SoraText title, SoraText message, SoraText rationale, SoraText remediation,
            string? source, string? appliesFrom, string? appliesUntil, string exampleBad, string exampleGood, string? csharpBad, string? csharpGood,
            SoraRuleCheck check, IReadOnlyList<SoraRuleFix> fixes, SoraConfSeverity? acceptedSeverity, bool latin1Examples)
        {
            _latin1Examples = latin1Examples;
            Fixes = fixes;
            AcceptedSeverity = acceptedSeverity;
            Id = id;
            Slug = slug;
            DefaultSeverity = severity;
            Title = title;
            Message = message;
            Rationale = rationale;
            Remediation = remediation;
            Source = source;
            AppliesFrom = appliesFrom;
            AppliesUntil = appliesUntil;
            appliesFromOrdinal = SoraNames.LowerBound(appliesFrom);
            appliesUntilOrdinal = SoraNames.UpperBound(appliesUntil);
            ExampleBad = exampleBad;
            ExampleGood = exampleGood;
            CSharpBad = csharpBad;
            CSharpGood = csharpGood;
            Check = check;
            Category = CategoryOf(id);
            Scope = ScopeOf(check.Kind);
        }

        public string Id { get; }

        public string Slug { get; }

        public SoraConfSeverity DefaultSeverity { get; }

        /// <summary>The severity of a finding of this rule in a file Sora still accepts (rules.toml <c>accepted_severity</c>):
        /// an error means Sora refuses the file, so where the same rule also describes something Sora reads (wrongly), it
        /// is reported at this lower severity. Null when every finding of the rule is a refusal.</summary>
        public SoraConfSeverity? AcceptedSeverity { get; }

        public SoraText Title { get; }

        /// <summary>The message template; placeholders {key}, {value}, {default}, {detail}, {other}, {version}.</summary>
        public SoraText Message { get; }

        public SoraText Rationale { get; }

        public SoraText Remediation { get; }

        public string? Source { get; }

        public string? AppliesFrom { get; }

        public string? AppliesUntil { get; }

        public string ExampleBad { get; }

        public string ExampleGood { get; }

        private readonly bool _latin1Examples;

        /// <summary>An example as the bytes of a sora.conf file: its text as UTF-8, or, for a rule about bytes that are not
        /// UTF-8 (rules.toml <c>example_encoding = "latin1"</c>), one byte per character.</summary>
        /// <param name="bad">True for <see cref="ExampleBad"/>, false for <see cref="ExampleGood"/>.</param>
        public byte[] GetExampleBytes(bool bad)
        {
            var text = bad ? ExampleBad : ExampleGood;
            if (!_latin1Examples) return System.Text.Encoding.UTF8.GetBytes(text);
            var bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) bytes[i] = checked((byte)text[i]);
            return bytes;
        }

        public string? CSharpBad { get; }

        public string? CSharpGood { get; }

        public SoraRuleCheck Check { get; }

        /// <summary>The settings that make the rule's finding go away (rules.toml <c>fixes</c>), for quick fixes.</summary>
        public IReadOnlyList<SoraRuleFix> Fixes { get; }

        /// <summary>The ID range the rule belongs to (a public contract: SORA0xxx, 1xxx, 2xxx, 3xxx).</summary>
        public SoraRuleCategory Category { get; }

        /// <summary>What the rule's check looks at; decides which tools can report it (a typed object has no file lines).</summary>
        public SoraRuleScope Scope { get; }

        /// <summary>SORA1xxx: production safety rules, off in the development profile.</summary>
        public bool IsProductionRule => Category == SoraRuleCategory.Production;

        /// <summary>The rule's documentation page (made once: every finding's report links to it).</summary>
        public Uri HelpUri => helpUri ??= SoraCatalog.HelpUriFor(Id);

        private Uri? helpUri;

        public bool AppliesTo(string version) => AppliesTo(SoraNames.VersionOrdinal(version));

        /// <summary><see cref="AppliesTo(string)"/> for a version already made an ordinal.</summary>
        internal bool AppliesTo(int version) => SoraNames.ExistsIn(appliesFromOrdinal, appliesUntilOrdinal, version);

        private readonly int appliesFromOrdinal;
        private readonly int appliesUntilOrdinal;

        public override string ToString() => $"{Id} {Title.English}";

        private static SoraRuleCategory CategoryOf(string id) => id.Length > 4 ? id[4] switch
        {
            '1' => SoraRuleCategory.Production,
            '2' => SoraRuleCategory.Compatibility,
            '3' => SoraRuleCategory.Deployment,
            _ => SoraRuleCategory.Validity,
        } : SoraRuleCategory.Validity;

        private static SoraRuleScope ScopeOf(string kind) =>
            Array.IndexOf(SoraNames.FileCheckKinds, kind) >= 0 ? SoraRuleScope.File
            : Array.IndexOf(SoraNames.EntryCheckKinds, kind) >= 0 ? SoraRuleScope.Entry
            : Array.IndexOf(SoraNames.DeploymentCheckKinds, kind) >= 0 ? SoraRuleScope.Deployment
            : SoraRuleScope.Configuration;
    }

    /// <summary>The ID ranges of the catalogue.</summary>
    public enum SoraRuleCategory
    {
        /// <summary>SORA0xxx: what Sora refuses or silently misreads in the file and its values.</summary>
        Validity,

        /// <summary>SORA1xxx: Shiguredo's production checklist (off in the development profile).</summary>
        Production,

        /// <summary>SORA2xxx: compatibility with the targeted Sora version.</summary>
        Compatibility,

        /// <summary>SORA3xxx: the deployment around Sora (nginx, systemd, kernel, logs, clusters).</summary>
        Deployment,
    }

    /// <summary>What a rule's check looks at.</summary>
    public enum SoraRuleScope
    {
        /// <summary>The file itself: lines, bytes, comments, duplicates. Only a file (or text) has these.</summary>
        File,

        /// <summary>One written setting on its own: its value, its key, how it is spelt.</summary>
        Entry,

        /// <summary>The configuration as a whole: effective values (defaults included), versions, cross-key conditions.</summary>
        Configuration,

        /// <summary>The deployment around Sora (SORA3xxx): nginx, the systemd unit, kernel settings, certificates and the
        /// nodes of a cluster, with each host's sora.conf. Evaluated only by
        /// <see cref="Evaluation.SoraDeploymentEvaluator"/>, on a deployment's facts.</summary>
        Deployment,
    }

    /// <summary>How a rule is evaluated (see docs/schema-format.md).</summary>
    public sealed class SoraRuleCheck
    {
        internal SoraRuleCheck(string kind, string? at, string? test, IReadOnlyList<string> keys, IReadOnlyList<SoraPredicate> when, IReadOnlyList<SoraPortListener> listeners,
            string? min = null, string? max = null)
        {
            Min = min;
            Max = max;
            Kind = kind;
            At = at;
            Test = test;
            Keys = keys;
            When = when;
            Listeners = listeners;
        }

        public string Kind { get; }

        public string? At { get; }

        public string? Test { get; }

        public IReadOnlyList<string> Keys { get; }

        public IReadOnlyList<SoraPredicate> When { get; }

        public IReadOnlyList<SoraPortListener> Listeners { get; }

        /// <summary>The lower limit of a deployment check that has one (rules.toml <c>check.min</c>): a number, or an nginx
        /// version such as <c>1.11.5</c>; null otherwise.</summary>
        public string? Min { get; }

        /// <summary>The upper limit of a deployment check that has one (rules.toml <c>check.max</c>); null otherwise.</summary>
        public string? Max { get; }
    }

    /// <summary>A quick fix of a rule: set <see cref="Key"/> to <see cref="Value"/> (sora.conf text); a null value means a
    /// value only the user can give (a host name).</summary>
    public sealed class SoraRuleFix
    {
        internal SoraRuleFix(string key, string? value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; }

        public string? Value { get; }

        public override string ToString() => Key + " = " + (Value ?? "…");
    }

    /// <summary>A condition on a key's effective value: <c>is</c>, <c>is_not</c>, <c>set</c> or <c>unset</c>.</summary>
    public sealed class SoraPredicate
    {
        internal SoraPredicate(string key, string op, string? value)
        {
            Key = key;
            Op = op;
            Value = value;
        }

        public string Key { get; }

        public string Op { get; }

        public string? Value { get; }
    }

    /// <summary>A listener of the port-collision rule: one port key, or a range (min key, max key).</summary>
    public sealed class SoraPortListener
    {
        internal SoraPortListener(string? key, string? rangeMin, string? rangeMax, IReadOnlyList<SoraPredicate> when)
        {
            Key = key;
            RangeMin = rangeMin;
            RangeMax = rangeMax;
            When = when;
        }

        public string? Key { get; }

        public string? RangeMin { get; }

        public string? RangeMax { get; }

        public IReadOnlyList<SoraPredicate> When { get; }
    }
}
