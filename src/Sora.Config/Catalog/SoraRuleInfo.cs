using System;
using System.Collections.Generic;
using Sora.Config.Diagnostics;

namespace Sora.Config.Catalog
{
    /// <summary>One rule of the catalogue (schema/rules.toml).</summary>
    public sealed class SoraRuleInfo
    {
        public SoraRuleInfo(
            string id, string slug, SoraConfSeverity severity, SoraText title, SoraText message, SoraText rationale, SoraText remediation,
            string? source, string? appliesFrom, string? appliesUntil, string exampleBad, string exampleGood, string? csharpBad, string? csharpGood,
            SoraRuleCheck check)
        {
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
            ExampleBad = exampleBad;
            ExampleGood = exampleGood;
            CSharpBad = csharpBad;
            CSharpGood = csharpGood;
            Check = check;
        }

        public string Id { get; }

        public string Slug { get; }

        public SoraConfSeverity DefaultSeverity { get; }

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

        public string? CSharpBad { get; }

        public string? CSharpGood { get; }

        public SoraRuleCheck Check { get; }

        /// <summary>SORA1xxx: production safety rules, off in the development profile.</summary>
        public bool IsProductionRule => Id.StartsWith("SORA1", StringComparison.Ordinal);

        public Uri HelpUri => SoraCatalog.HelpUriFor(Id);

        public bool AppliesTo(string version)
        {
            int v = SoraVersions.Ordinal(version);
            return (AppliesFrom is null || SoraVersions.Ordinal(AppliesFrom) <= v) && (AppliesUntil is null || v < SoraVersions.Ordinal(AppliesUntil));
        }

        public override string ToString() => $"{Id} {Title.English}";
    }

    /// <summary>How a rule is evaluated (see docs/schema-format.md).</summary>
    public sealed class SoraRuleCheck
    {
        public SoraRuleCheck(string kind, string? at, string? test, IReadOnlyList<string> keys, IReadOnlyList<SoraPredicate> when, IReadOnlyList<SoraPortListener> listeners)
        {
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
    }

    /// <summary>A condition on a key's effective value: <c>is</c>, <c>is_not</c>, <c>set</c> or <c>unset</c>.</summary>
    public sealed class SoraPredicate
    {
        public SoraPredicate(string key, string op, string? value)
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
        public SoraPortListener(string? key, string? rangeMin, string? rangeMax, IReadOnlyList<SoraPredicate> when)
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
