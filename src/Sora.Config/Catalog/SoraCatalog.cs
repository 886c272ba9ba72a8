using System;
using System.Collections.Generic;
using System.Linq;

namespace Sora.Config.Catalog
{
    /// <summary>The schema as data: the Sora versions, keys and rules this library knows.
    /// The bundled instance (<see cref="Default"/>) is generated at build time from schema/*.toml
    /// by Sora.Config.Generator, so the runtime needs no TOML parser.</summary>
    public sealed partial class SoraCatalog
    {
        /// <summary>Where rule documentation pages live (docs/rules/&lt;ID&gt;.md in the repository).</summary>
        public const string DocsBaseUri = "https://github.com/sora-config/Sora.Config/blob/main/docs/";

        private static SoraCatalog? defaultCatalog;

        private readonly Dictionary<string, SoraKeyInfo> keysByName;
        private readonly Dictionary<string, SoraRuleInfo> rulesById;

        public SoraCatalog(IReadOnlyList<string> versions, IReadOnlyList<SoraKeyInfo> keys, IReadOnlyList<SoraRuleInfo> rules)
        {
            if (versions.Count == 0) throw new ArgumentException("A catalog needs at least one Sora version.", nameof(versions));
            Versions = versions;
            Keys = keys;
            Rules = rules;
            keysByName = keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
            rulesById = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        }

        /// <summary>The catalog generated from the bundled schema.</summary>
        public static SoraCatalog Default => defaultCatalog ??= CreateDefault();

        /// <summary>Known Sora versions, oldest first.</summary>
        public IReadOnlyList<string> Versions { get; }

        /// <summary>The newest version the schema knows: the default target.</summary>
        public string NewestVersion => Versions[Versions.Count - 1];

        /// <summary>Every key, in schema order.</summary>
        public IReadOnlyList<SoraKeyInfo> Keys { get; }

        public IReadOnlyList<SoraRuleInfo> Rules { get; }

        public bool TryGetKey(string name, out SoraKeyInfo key) => keysByName.TryGetValue(name, out key!);

        public bool TryGetRule(string id, out SoraRuleInfo rule) => rulesById.TryGetValue(id, out rule!);

        public SoraRuleInfo GetRule(string id) => rulesById.TryGetValue(id, out var rule)
            ? rule
            : throw new KeyNotFoundException($"No rule '{id}' in the catalog.");

        public bool IsKnownVersion(string version) => Versions.Contains(SoraVersions.Normalize(version) ?? version);

        /// <summary>The keys that exist in the given version, in schema order.</summary>
        public IEnumerable<SoraKeyInfo> KeysIn(string version) => Keys.Where(k => k.ExistsIn(version));

        public static Uri HelpUriFor(string id) => new Uri(DocsBaseUri + "rules/" + id + ".md");

        private static partial SoraCatalog CreateDefault();
    }
}
