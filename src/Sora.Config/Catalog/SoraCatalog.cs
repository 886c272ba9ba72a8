using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Sora.Config.Shared;

namespace Sora.Config.Catalog
{
    /// <summary>The schema as data: the Sora versions, keys and rules this library knows.
    /// The bundled instance (<see cref="Default"/>) is generated at build time from schema/*.toml
    /// by Sora.Config.Generator, so the runtime needs no TOML parser. A project that adds schema files of its own
    /// gets the merged catalogue on its generated classes (<c>ISoraConf.Catalog</c>).</summary>
    public sealed partial class SoraCatalog
    {
        /// <summary>Where rule documentation pages live (docs/rules/&lt;ID&gt;.md in the repository). A property, not a
        /// constant: a constant's value is copied into the code that uses it, so a moved documentation site would not
        /// reach code built against an older version of this library.</summary>
        public static string DocsBaseUri => "https://github.com/sora-config/Sora.Config/blob/main/docs/";

        private static SoraCatalog? defaultCatalog;

        private readonly Dictionary<string, SoraKeyInfo> keysByName;
        private readonly Dictionary<string, SoraRuleInfo> rulesById;

        internal SoraCatalog(IReadOnlyList<string> versions, IReadOnlyList<SoraKeyInfo> keys, IReadOnlyList<SoraRuleInfo> rules)
        {
            if (versions.Count == 0) throw new ArgumentException("A catalog needs at least one Sora version.", nameof(versions));
            Versions = versions;
            Keys = keys;
            Rules = rules;
            keysByName = keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
            rulesById = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        }

        /// <summary>The catalog generated from the bundled schema.</summary>
        /// <remarks>Always the same instance, whichever thread asks first.</remarks>
        public static SoraCatalog Default
        {
            get
            {
                var catalog = Volatile.Read(ref defaultCatalog);
                if (catalog != null) return catalog;
                // Threads racing on first use may each build one; only the first stored is ever returned.
                Interlocked.CompareExchange(ref defaultCatalog, CreateDefault(), null);
                return defaultCatalog!;
            }
        }

        /// <summary>Known Sora versions, oldest first.</summary>
        public IReadOnlyList<string> Versions { get; }

        /// <summary>The newest version the schema knows: the default target.</summary>
        public string NewestVersion => Versions[Versions.Count - 1];

        /// <summary>Every key, in schema order.</summary>
        public IReadOnlyList<SoraKeyInfo> Keys { get; }

        public IReadOnlyList<SoraRuleInfo> Rules { get; }

        public bool TryGetKey(string name, [MaybeNullWhen(false)] out SoraKeyInfo key) => keysByName.TryGetValue(name, out key);

        public bool TryGetRule(string id, [MaybeNullWhen(false)] out SoraRuleInfo rule) => rulesById.TryGetValue(id, out rule);

        public SoraRuleInfo GetRule(string id) => rulesById.TryGetValue(id, out var rule)
            ? rule
            : throw new KeyNotFoundException($"No rule '{id}' in the catalog.");

        /// <summary>True when the version's release line (<c>2024.2.1</c> → <c>2024.2</c>) is one the catalog knows.</summary>
        public bool IsKnownVersion(string version) => Versions.Contains(SoraVersions.Normalize(version) ?? version);

        /// <summary>The keys that exist in the given version, in schema order.</summary>
        public IEnumerable<SoraKeyInfo> KeysIn(string version) => Keys.Where(k => k.ExistsIn(version));

        /// <summary>The key of <paramref name="version"/> that <paramref name="name"/> most likely misspells: a
        /// case-insensitive match first, then the smallest edit distance (at most 3, and at most a third of the name);
        /// null when none is that close. A leading byte order mark is ignored.</summary>
        public string? SuggestKey(string name, string? version = null)
        {
            var target = version ?? NewestVersion;
            return NameSuggestion.Closest(Keys.Where(k => k.ExistsIn(target)).Select(k => k.Name), name);
        }

        /// <summary>The rule whose ID or slug <paramref name="name"/> most likely misspells (the same measure as
        /// <see cref="SuggestKey"/>); its ID, or null.</summary>
        public string? SuggestRule(string name)
        {
            var match = NameSuggestion.Closest(Rules.Select(r => r.Id).Concat(Rules.Select(r => r.Slug)), name);
            return match is null ? null : Rules.FirstOrDefault(r => r.Id == match || r.Slug == match)?.Id;
        }

        public static Uri HelpUriFor(string id) => new Uri(DocsBaseUri + "rules/" + id + ".md");

        private static partial SoraCatalog CreateDefault();
    }
}
