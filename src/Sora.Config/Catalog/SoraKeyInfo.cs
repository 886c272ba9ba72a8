using System;
using System.Collections.Generic;
using Sora.Config.Shared;
using Sora.Config.Values;

namespace Sora.Config.Catalog
{
    /// <summary>One sora.conf key as the schema describes it. Default, Min and Max are sora.conf text.</summary>
    public sealed class SoraKeyInfo
    {
        internal SoraKeyInfo(
            string name, SoraValueType type, SoraValueType? itemType, string? @default, IReadOnlyList<KeyValuePair<string, string>> defaultBefore,
            string? min, string? max, IReadOnlyList<SoraTimeUnit> units, SoraTimeUnit? defaultUnit, IReadOnlyList<string> candidates,
            string category, string? since, string? deprecated, string? removed, bool legacy, bool secret,
            string description, string descriptionJa, string source, IReadOnlyList<string> also, string? inferred, SoraKeyFacts inferredFacts,
            string? example, string? notes, string? format)
        {
            Format = format;
            Name = name;
            Type = type;
            ItemType = itemType;
            Default = @default;
            DefaultBefore = defaultBefore;
            Min = min;
            Max = max;
            Units = units;
            DefaultUnit = defaultUnit;
            Candidates = candidates;
            Category = category;
            Since = since;
            Deprecated = deprecated;
            Removed = removed;
            sinceOrdinal = SoraNames.LowerBound(since);
            removedOrdinal = SoraNames.UpperBound(removed);
            deprecatedOrdinal = SoraNames.UpperBound(deprecated);
            IsLegacy = legacy;
            IsSecret = secret;
            Description = new SoraText(description, descriptionJa);
            Source = source;
            Also = also;
            Inferred = inferred;
            InferredFacts = inferredFacts;
            var confidence = SoraNames.Confidence(FactNames(inferredFacts));
            Confidence = new SoraText(confidence.English, confidence.Japanese);
            Example = example;
            Notes = notes;
        }

        public string Name { get; }

        public SoraValueType Type { get; }

        /// <summary>The item type of a <see cref="SoraValueType.List"/> key.</summary>
        public SoraValueType? ItemType { get; }

        /// <summary>The default of the newest known version, as sora.conf text; null when Sora sets nothing.</summary>
        public string? Default { get; }

        /// <summary>Older defaults: (version, value) = "before that version the default was value".</summary>
        public IReadOnlyList<KeyValuePair<string, string>> DefaultBefore { get; }

        public string? Min { get; }

        public string? Max { get; }

        public IReadOnlyList<SoraTimeUnit> Units { get; }

        public SoraTimeUnit? DefaultUnit { get; }

        public IReadOnlyList<string> Candidates { get; }

        public string Category { get; }

        public string? Since { get; }

        public string? Deprecated { get; }

        public string? Removed { get; }

        public bool IsLegacy { get; }

        /// <summary>The value is never shown in messages, exceptions or ToString().</summary>
        public bool IsSecret { get; }

        public SoraText Description { get; }

        public string Source { get; }

        public IReadOnlyList<string> Also { get; }

        /// <summary>What about this key is an inference rather than a documented fact, and why; null when all is documented.</summary>
        public string? Inferred { get; }

        /// <summary>Which of the key's name, type, default and versions are inferred rather than confirmed by a public
        /// source; <see cref="SoraKeyFacts.None"/> when all four are confirmed. <see cref="Inferred"/> says why.</summary>
        public SoraKeyFacts InferredFacts { get; }

        /// <summary>The confidence as a line of text: "name, type confirmed; default, versions inferred" (and the Japanese).</summary>
        public SoraText Confidence { get; }

        /// <summary>True when every fact in <paramref name="facts"/> is confirmed by a source (none of them inferred).
        /// <c>IsConfirmed(SoraKeyFacts.Default | SoraKeyFacts.Versions)</c> asks for both; <see cref="SoraKeyFacts.None"/> is always confirmed.</summary>
        public bool IsConfirmed(SoraKeyFacts facts) => (InferredFacts & facts) == 0;

        /// <summary>True when the name, type, default and versions are all confirmed by a source.</summary>
        public bool IsFullyConfirmed => InferredFacts == SoraKeyFacts.None;

        public string? Example { get; }

        public string? Notes { get; }

        /// <summary>A refinement of a string key (<c>host_name</c>, <c>origin</c>, <c>path</c>): checked on top of kvconf's
        /// type; a value that fails it is questionable (Sora accepts it, but it cannot work), never invalid. Null for none.</summary>
        public string? Format { get; }

        /// <summary>The C# property name generated for the key.</summary>
        public string PropertyName => SoraNames.PascalCase(Name);

        /// <summary>The type as the schema spells it (<c>port</c>, <c>list of ipv4</c>, …); see also <see cref="Format"/>.</summary>
        public string TypeName => Type == SoraValueType.List && ItemType is { } item
            ? "list of " + SoraValueTypes.Name(item)
            : SoraValueTypes.Name(Type);

        /// <summary>The value type items are checked against: the item type for lists, else the type.</summary>
        internal SoraValueType ScalarType => Type == SoraValueType.List && ItemType is { } item ? item : Type;

        /// <summary>True when the key exists in the given Sora version.</summary>
        public bool ExistsIn(string version) => ExistsIn(SoraNames.VersionOrdinal(version));

        /// <summary><see cref="ExistsIn(string)"/> for a version already made an ordinal: an evaluation asks it of every key.</summary>
        internal bool ExistsIn(int version) => SoraNames.ExistsIn(sinceOrdinal, removedOrdinal, version);

        // The version bounds as ordinals, so asking about a version does not parse them again.
        private readonly int sinceOrdinal;
        private readonly int removedOrdinal;
        private readonly int deprecatedOrdinal;

        /// <summary>True when the key is deprecated (or a legacy migration switch) in the given version.</summary>
        public bool IsDeprecatedIn(string version) => IsDeprecatedIn(SoraNames.VersionOrdinal(version));

        internal bool IsDeprecatedIn(int version) => SoraNames.IsDeprecatedIn(deprecatedOrdinal, IsLegacy, version);

        /// <summary>The default Sora applies in the given version, as sora.conf text.</summary>
        public string? DefaultFor(string version)
        {
            int v = SoraNames.VersionOrdinal(version);
            string? best = null;
            int bestOrdinal = int.MaxValue;
            foreach (var pair in DefaultBefore)
            {
                int before = SoraNames.VersionOrdinal(pair.Key);
                if (v < before && before < bestOrdinal)
                {
                    best = pair.Value;
                    bestOrdinal = before;
                }
            }
            return best ?? Default;
        }

        public override string ToString() => $"{Name} ({TypeName})";

        /// <summary>The schema spellings (<c>name</c>, <c>type</c>, …) of a set of facts, in schema order.</summary>
        internal static IEnumerable<string> FactNames(SoraKeyFacts facts)
        {
            for (int i = 0; i < SoraNames.KeyFacts.Length; i++)
            {
                if (((int)facts & (1 << i)) != 0) yield return SoraNames.KeyFacts[i];
            }
        }

        private SoraKeyBounds? bounds;

        /// <summary>Min and Max read once (they are schema text); values are checked against these on every parse.</summary>
        internal SoraKeyBounds Bounds => bounds ??= new SoraKeyBounds(this);
    }

    /// <summary>A key's Min and Max as numbers: as doubles for int, port and float keys, in milliseconds for intervals.</summary>
    internal sealed class SoraKeyBounds
    {
        public SoraKeyBounds(SoraKeyInfo key)
        {
            if (key.ScalarType == SoraValueType.Interval)
            {
                if (key.Min != null) MinMs = SoraValueCodec.IntervalMs(key.Min);
                if (key.Max != null) MaxMs = SoraValueCodec.IntervalMs(key.Max);
            }
            else
            {
                if (key.Min != null) Min = double.Parse(key.Min, System.Globalization.CultureInfo.InvariantCulture);
                if (key.Max != null) Max = double.Parse(key.Max, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        public double? Min { get; }

        public double? Max { get; }

        public long? MinMs { get; }

        public long? MaxMs { get; }
    }

    internal static class SoraValueTypes
    {
        /// <summary>The schema's spelling of a type (<c>ipv4</c>, <c>interval</c>, …).</summary>
        public static string Name(SoraValueType type) => SoraNames.KeyTypes[(int)type];

        public static string UnitName(SoraTimeUnit unit) => SoraNames.Units[(int)unit];

        /// <summary>The type of a schema spelling; false when it is not one.</summary>
        public static bool TryParse(string? name, out SoraValueType type)
        {
            int i = name is null ? -1 : System.Array.IndexOf(SoraNames.KeyTypes, name);
            type = (SoraValueType)System.Math.Max(i, 0);
            return i >= 0;
        }

        public static bool TryParseUnit(string text, out SoraTimeUnit unit) => TryParseUnit(text.AsSpan(), out unit);

        /// <summary>A unit spelt exactly as Sora accepts it (case-sensitive).</summary>
        public static bool TryParseUnit(ReadOnlySpan<char> text, out SoraTimeUnit unit)
        {
            unit = default;
            switch (text.Length)
            {
                case 1 when text[0] == 's': unit = SoraTimeUnit.Second; return true;
                case 1 when text[0] == 'h': unit = SoraTimeUnit.Hour; return true;
                case 2 when text[0] == 'm' && text[1] == 's': unit = SoraTimeUnit.Millisecond; return true;
                case 3 when text[0] == 'm' && text[1] == 'i' && text[2] == 'n': unit = SoraTimeUnit.Minute; return true;
                default: return false;
            }
        }
    }
}
