using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Sora.Config.Catalog;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Evaluation
{
    /// <summary>Evaluates the rule catalogue on a set of written settings. This is the only
    /// implementation of the key-level and production rules: the file linter, the generated
    /// classes' Validate(), the analyzers and the CLI all call it.</summary>
    public static class SoraRuleEngine
    {
        /// <summary>Evaluates every key-level rule (SORA0003–0005, SORA1xxx, SORA2xxx) on the settings
        /// as written (first occurrence of each key; keys trimmed as Sora trims them).</summary>
        public static IReadOnlyList<SoraRuleFinding> Evaluate(IEnumerable<KeyValuePair<string, string>> written, SoraConfEvaluationOptions? options = null) =>
            Evaluate(written, options, null);

        /// <summary>As <see cref="Evaluate(IEnumerable{KeyValuePair{string, string}}, SoraConfEvaluationOptions?)"/>;
        /// when <paramref name="parsedValues"/> is given, it receives every value this evaluation parsed (null when
        /// invalid), so <see cref="Sora.Config.IO.SoraConfFile"/> need not parse each value a second time.</summary>
        /// <remarks>With <paramref name="keyLevelOnly"/>, only the checks of each written key run (SORA0003/0004/0005,
        /// SORA2001/2002), not the rules on effective values: what a file parser needs for its warnings.</remarks>
        internal static IReadOnlyList<SoraRuleFinding> Evaluate(IEnumerable<KeyValuePair<string, string>> written, SoraConfEvaluationOptions? options, Dictionary<string, object?>? parsedValues, bool keyLevelOnly = false)
        {
            options ??= SoraConfEvaluationOptions.Default;
            var catalog = options.EffectiveCatalog;
            var version = options.EffectiveVersion;
            var findings = new List<SoraRuleFinding>();
            // Every key of the catalogue ends up here (written or default): sized once, not grown.
            var values = new Dictionary<string, Effective>(catalog.Keys.Count + 8, StringComparer.Ordinal);

            void Report(string ruleId, string? key, SoraFindingTarget target, Func<SoraText, string> format)
            {
                if (!catalog.TryGetRule(ruleId, out var rule) || !rule.AppliesTo(version)) return;
                var severity = options.SeverityOf(rule);
                if (severity is null) return;
                findings.Add(new SoraRuleFinding(rule, severity.Value, format(rule.Message), key, target));
            }

            // The lambdas below format messages only when a rule reports. Each copies what it needs into a
            // variable of its own block: capturing the loop's variables would allocate a closure per key.
            foreach (var pair in written)
            {
                var name = pair.Key;
                var text = pair.Value;
                if (values.ContainsKey(name)) continue;
                if (!catalog.TryGetKey(name, out var key))
                {
                    var unknown = name;
                    var suggestion = Suggest(catalog, unknown, version);
                    Report("SORA0004", unknown, SoraFindingTarget.Key, m => Fill(m, unknown, version: version, detail: suggestion is null ? "" : Pick(m, $"; did you mean '{suggestion}'?", $"。'{suggestion}' の誤りではありませんか")));
                    continue;
                }
                if (!key.ExistsIn(version))
                {
                    var (absent, absentKey) = (name, key);
                    Report("SORA2001", absent, SoraFindingTarget.Key, m => Fill(m, absent, detail: NotInVersion(m, absentKey, version)));
                    values[name] = Effective.Ignored;
                    continue;
                }
                if (key.IsDeprecatedIn(version))
                {
                    var (deprecated, deprecatedKey) = (name, key);
                    Report("SORA2002", deprecated, SoraFindingTarget.Key, m => Fill(m, deprecated, detail: Deprecation(m, deprecatedKey)));
                }

                int hash = IndexOfInlineComment(text);
                if (hash >= 0)
                {
                    var commented = name;
                    var comment = key.IsSecret ? "#…" : text.Substring(hash);
                    Report("SORA0005", commented, SoraFindingTarget.Value, m => Fill(m, commented, detail: comment));
                }

                if (SoraValueCodec.TryParse(key, text, out var parsed, out var error))
                {
                    values[name] = new Effective(SoraValueCodec.Format(key, parsed!), parsed, written: true, valid: true);
                    if (parsedValues != null) parsedValues[name] = parsed;
                }
                else
                {
                    var (invalid, why) = (name, error!);
                    Report("SORA0003", invalid, SoraFindingTarget.Value, m => Fill(m, invalid, detail: Pick(m, why.Text.English, why.Text.Japanese)));
                    values[name] = Effective.Invalid;
                    if (parsedValues != null) parsedValues[name] = null;
                }
            }

            if (keyLevelOnly) return findings;
            var context = new Context(catalog, version, values);
            foreach (var rule in catalog.Rules)
            {
                switch (rule.Check.Kind)
                {
                    case "condition": EvaluateCondition(rule, context, Report); break;
                    case "each": EvaluateEach(rule, context, Report); break;
                    case "distinct_ports": EvaluatePorts(rule, context, Report); break;
                }
            }
            return findings;
        }

        private static void EvaluateCondition(SoraRuleInfo rule, Context context, Action<string, string?, SoraFindingTarget, Func<SoraText, string>> report)
        {
            if (!context.HoldsAll(rule.Check.When)) return;
            var at = rule.Check.At!;
            if (!context.Catalog.TryGetKey(at, out var key) || !key.ExistsIn(context.Version)) return;
            var value = context.Get(at);
            report(rule.Id, at, SoraFindingTarget.Line, m => Fill(m, at, value: Shown(key, value, m), @default: key.DefaultFor(context.Version) ?? ""));
        }

        private static void EvaluateEach(SoraRuleInfo rule, Context context, Action<string, string?, SoraFindingTarget, Func<SoraText, string>> report)
        {
            if (!context.HoldsAll(rule.Check.When)) return;
            foreach (var name in rule.Check.Keys)
            {
                var value = context.Get(name);
                if (!value.Valid || value.Parsed is null) continue;
                if (rule.Check.Test == "plain_http_to_non_loopback" && value.Parsed is Uri uri && uri.Scheme == "http" && !IsLoopback(uri.Host))
                {
                    report(rule.Id, name, SoraFindingTarget.Value, m => Fill(m, name, detail: uri.Host));
                }
            }
        }

        private static void EvaluatePorts(SoraRuleInfo rule, Context context, Action<string, string?, SoraFindingTarget, Func<SoraText, string>> report)
        {
            var taken = new List<(string Key, long Low, long High)>();
            foreach (var listener in rule.Check.Listeners)
            {
                if (!context.HoldsAll(listener.When)) continue;
                var lowKey = listener.Key ?? listener.RangeMin!;
                var highKey = listener.Key ?? listener.RangeMax!;
                if (!(context.Get(lowKey).Parsed is long low) || !(context.Get(highKey).Parsed is long high)) continue;
                foreach (var other in taken)
                {
                    long overlap = Math.Max(low, other.Low);
                    if (overlap <= Math.Min(high, other.High))
                    {
                        var otherKey = other.Key;
                        // Report at the listener the user wrote, so the finding lands on a line they can change.
                        var at = context.Get(lowKey).Written || !context.Get(otherKey).Written ? lowKey : otherKey;
                        var than = at == lowKey ? otherKey : lowKey;
                        report(rule.Id, at, SoraFindingTarget.Value, m => Fill(m, at, value: overlap.ToString(System.Globalization.CultureInfo.InvariantCulture), other: than));
                    }
                }
                taken.Add((listener.Key ?? listener.RangeMin + ".." + listener.RangeMax, low, high));
            }
        }

        internal static bool IsLoopback(string host)
        {
            var h = host.Trim('[', ']');
            if (h.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
            return IPAddress.TryParse(h, out var ip) && IPAddress.IsLoopback(ip);
        }

        /// <summary>Where a value ends in what looks like an inline comment: whitespace then '#'.</summary>
        internal static int IndexOfInlineComment(string text) => KvconfGrammar.IndexOfInlineComment(text.AsSpan());

        private static string Shown(SoraKeyInfo key, Effective value, SoraText template)
        {
            if (key.IsSecret) return "(secret)";
            if (value.Text != null) return value.Text;
            return Pick(template, "not set", "未設定");
        }

        private static string NotInVersion(SoraText template, SoraKeyInfo key, string version)
        {
            if (key.Removed != null && SoraVersions.Ordinal(key.Removed) <= SoraVersions.Ordinal(version))
                return Pick(template, $"was removed in Sora {key.Removed} (targeted: {version}); Sora ignores it", $" Sora {key.Removed} で削除されました (対象: {version})。Sora はこの設定を無視します");
            return Pick(template, $"appears in Sora {key.Since} (targeted: {version}); Sora {version} ignores it", $" Sora {key.Since} で追加されたキーです (対象: {version})。Sora {version} はこの設定を無視します");
        }

        private static string Deprecation(SoraText template, SoraKeyInfo key)
        {
            var removal = key.Removed is null ? "" : Pick(template, $" and is removed in Sora {key.Removed}", $"。Sora {key.Removed} で削除されます");
            return key.IsLegacy
                ? Pick(template, $"is a migration switch that keeps old behaviour{removal}", $"古い動作を残すための移行用スイッチです{removal}")
                : Pick(template, $"is deprecated since Sora {key.Deprecated}{removal}", $" Sora {key.Deprecated} から非推奨です{removal}");
        }

        /// <summary>The closest known key, for did-you-mean (case-insensitive match first, then edit distance ≤ 3).</summary>
        internal static string? Suggest(SoraCatalog catalog, string name, string version)
        {
            var bare = name.Trim('\uFEFF');
            int limit = Math.Min(3, Math.Max(1, bare.Length / 3));
            string? best = null;
            int bestDistance = limit + 1;
            // Two rows of the edit-distance table, reused for every candidate.
            var prev = new int[bare.Length + 1];
            var cur = new int[bare.Length + 1];
            foreach (var key in catalog.Keys)
            {
                if (!key.ExistsIn(version)) continue;
                if (string.Equals(key.Name, bare, StringComparison.OrdinalIgnoreCase)) return key.Name;
                int d = Distance(key.Name, bare, bestDistance - 1, ref prev, ref cur);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = key.Name;
                }
            }
            return best;
        }

        /// <summary>Levenshtein distance, or int.MaxValue as soon as it must exceed <paramref name="limit"/>
        /// (a row whose smallest cell is past the limit cannot lead back under it).</summary>
        private static int Distance(string a, string b, int limit, ref int[] prev, ref int[] cur)
        {
            if (Math.Abs(a.Length - b.Length) > limit) return int.MaxValue;
            for (int j = 0; j <= b.Length; j++) prev[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                int rowMin = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int cell = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                    cur[j] = cell;
                    if (cell < rowMin) rowMin = cell;
                }
                if (rowMin > limit) return int.MaxValue;
                (prev, cur) = (cur, prev);
            }
            return prev[b.Length] <= limit ? prev[b.Length] : int.MaxValue;
        }

        /// <summary>Picks the language that matches the template (the catalog chose it by UI culture).</summary>
        private static string Pick(SoraText template, string english, string japanese) => SoraText.UseJapanese ? japanese : english;

        internal static string Fill(SoraText template, string? key, string? value = null, string? @default = null, string? detail = null, string? other = null, string? version = null)
        {
            return template.Current
                .Replace("{key}", key ?? "")
                .Replace("{value}", value ?? "")
                .Replace("{default}", @default ?? "")
                .Replace("{detail}", detail ?? "")
                .Replace("{other}", other ?? "")
                .Replace("{version}", version ?? "");
        }

        /// <summary>A key's effective value: written (valid or not), else the version's default.</summary>
        private readonly struct Effective
        {
            public static readonly Effective Invalid = new Effective(null, null, written: true, valid: false);
            public static readonly Effective Ignored = new Effective(null, null, written: false, valid: false);

            public Effective(string? text, object? parsed, bool written, bool valid)
            {
                Text = text;
                Parsed = parsed;
                Written = written;
                Valid = valid;
            }

            public string? Text { get; }

            public object? Parsed { get; }

            public bool Written { get; }

            public bool Valid { get; }
        }

        private sealed class Context
        {
            private readonly Dictionary<string, Effective> written;
            private readonly CatalogCache cache;

            public Context(SoraCatalog catalog, string version, Dictionary<string, Effective> written)
            {
                Catalog = catalog;
                Version = version;
                this.written = written;
                cache = CatalogCache.For(catalog);
            }

            public SoraCatalog Catalog { get; }

            public string Version { get; }

            public Effective Get(string name)
            {
                if (written.TryGetValue(name, out var value) && (value.Written || value.Valid)) return value;
                return cache.Default(Version, name);
            }

            /// <summary>All predicates hold (a plain loop: LINQ's All allocated a delegate and an enumerator per rule).</summary>
            public bool HoldsAll(IReadOnlyList<SoraPredicate> predicates)
            {
                for (int i = 0; i < predicates.Count; i++)
                {
                    if (!Holds(predicates[i])) return false;
                }
                return true;
            }

            /// <summary>A predicate on effective values; an invalid value takes part in none.</summary>
            public bool Holds(SoraPredicate p)
            {
                var value = Get(p.Key);
                if (!value.Valid) return false;
                switch (p.Op)
                {
                    case "set": return value.Written;
                    case "unset": return value.Text is null;
                    case "is": return value.Text != null && value.Text == cache.Canonical(p);
                    case "is_not": return value.Text is null || value.Text != cache.Canonical(p);
                    default: return false;
                }
            }
        }

        /// <summary>What depends only on the catalog (and version), computed once instead of on every evaluation:
        /// each default parsed and formatted, each predicate's value in canonical spelling. A catalog is immutable.</summary>
        private sealed class CatalogCache
        {
            private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SoraCatalog, CatalogCache> Caches =
                new System.Runtime.CompilerServices.ConditionalWeakTable<SoraCatalog, CatalogCache>();

            private readonly SoraCatalog catalog;
            private readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentDictionary<string, Effective>> defaults =
                new System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentDictionary<string, Effective>>(StringComparer.Ordinal);
            private readonly System.Collections.Concurrent.ConcurrentDictionary<SoraPredicate, string?> canonical =
                new System.Collections.Concurrent.ConcurrentDictionary<SoraPredicate, string?>();

            private CatalogCache(SoraCatalog catalog) => this.catalog = catalog;

            public static CatalogCache For(SoraCatalog catalog) => Caches.GetValue(catalog, c => new CatalogCache(c));

            /// <summary>The effective value of a key that is not written: the version's default, parsed.</summary>
            public Effective Default(string version, string name)
            {
                var perVersion = defaults.GetOrAdd(version, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, Effective>(StringComparer.Ordinal));
                if (perVersion.TryGetValue(name, out var value)) return value;
                value = new Effective(null, null, written: false, valid: true);
                if (catalog.TryGetKey(name, out var key) && key.ExistsIn(version) && key.DefaultFor(version) is { } text
                    && SoraValueCodec.TryParse(key, text, out var parsed, out _))
                {
                    value = new Effective(SoraValueCodec.Format(key, parsed!), parsed, written: false, valid: true);
                }
                perVersion[name] = value;
                return value;
            }

            public string? Canonical(SoraPredicate p)
            {
                if (canonical.TryGetValue(p, out var c)) return c;
                c = catalog.TryGetKey(p.Key, out var key) && SoraValueCodec.TryCanonicalize(key, p.Value ?? "", out var spelled) ? spelled : p.Value;
                canonical[p] = c;
                return c;
            }
        }
    }
}
