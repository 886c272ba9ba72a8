namespace Sora.Config.Schema
{
    /// <summary>The whole schema: versions (oldest first), keys and rules, in file order.</summary>
    public sealed record SchemaModel(
        EquatableArray<VersionModel> Versions,
        EquatableArray<KeyModel> Keys,
        EquatableArray<RuleModel> Rules)
    {
        public string NewestVersion => Versions.Count == 0 ? "" : Versions[Versions.Count - 1].Name;
    }

    public sealed record VersionModel(string Name, string? Released);

    /// <summary>One sora.conf key. Values (default, min, max) are kept as sora.conf text. <see cref="InferredFacts"/> lists
    /// which of <c>name</c>, <c>type</c>, <c>default</c>, <c>versions</c> are inferred rather than confirmed by a source
    /// (empty: all confirmed); <see cref="Inferred"/> says why.</summary>
    public sealed record KeyModel(
        string Name,
        string Type,
        string? ItemType,
        string? Default,
        EquatableArray<VersionedDefault> DefaultBefore,
        string? Min,
        string? Max,
        EquatableArray<string> Units,
        string? DefaultUnit,
        EquatableArray<string> Candidates,
        string Category,
        string? Since,
        string? Deprecated,
        string? Removed,
        bool Legacy,
        bool Secret,
        string Description,
        string DescriptionJa,
        string Source,
        EquatableArray<string> Also,
        string? Inferred,
        EquatableArray<string> InferredFacts,
        string? Example,
        string? Notes,
        string? Format);

    /// <summary>"Before <see cref="Version"/> the default was <see cref="Value"/>".</summary>
    public sealed record VersionedDefault(string Version, string Value);

    public sealed record RuleModel(
        string Id,
        string Slug,
        string Severity,
        string Title,
        string TitleJa,
        string Message,
        string MessageJa,
        string Rationale,
        string RationaleJa,
        string Remediation,
        string RemediationJa,
        string? Source,
        string? AppliesFrom,
        string? AppliesUntil,
        string ExampleBad,
        string ExampleGood,
        string? CSharpBad,
        string? CSharpGood,
        CheckModel Check,
        EquatableArray<FixModel> Fixes,
        string? AcceptedSeverity,
        string? ExampleEncoding);

    /// <summary>A quick fix of a rule: set <see cref="Key"/> to <see cref="Value"/> (sora.conf text), or, without a value,
    /// set the key to something only the user can give (a host name).</summary>
    public sealed record FixModel(string Key, string? Value);

    /// <summary>How a rule is evaluated; see docs/schema-format.md. <see cref="Min"/> and <see cref="Max"/> are the limits
    /// of the deployment kinds that have one (a number, or an nginx version), as written.</summary>
    public sealed record CheckModel(
        string Kind,
        string? At,
        string? Test,
        EquatableArray<string> Keys,
        EquatableArray<PredicateModel> When,
        EquatableArray<ListenerModel> Listeners,
        string? Min = null,
        string? Max = null);

    /// <summary><see cref="Op"/> is one of <c>is</c>, <c>is_not</c>, <c>set</c>, <c>unset</c>.</summary>
    public sealed record PredicateModel(string Key, string Op, string? Value);

    /// <summary>A port listener: one key, or a range of two keys (min, max).</summary>
    public sealed record ListenerModel(string? Key, string? RangeMin, string? RangeMax, EquatableArray<PredicateModel> When);
}
