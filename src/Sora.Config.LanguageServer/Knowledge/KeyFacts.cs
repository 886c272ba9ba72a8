using System.Collections.Generic;
using System.Linq;
using Sora.Config.Catalog;
using Sora.Config.Values;

namespace Sora.Config.LanguageServer.Knowledge
{
    /// <summary>What the catalogue says about a key, as labelled rows in English or Japanese: the one rendering behind
    /// <c>sora-conf explain</c> (plain text) and the language server's hover and completion documentation (Markdown).</summary>
    internal static class KeyFacts
    {
        /// <summary>The key's facts for <paramref name="version"/>, in the order <c>explain</c> prints them.</summary>
        public static List<(string Label, string Value)> Rows(SoraKeyInfo key, string version, SoraCatalog catalog, bool ja)
        {
            string L(string english, string japanese) => ja ? japanese : english;
            var rows = new List<(string, string)>();
            rows.Add((L("Category", "カテゴリ"), key.Category));
            var @default = key.DefaultFor(version);
            rows.Add((L("Default", "既定値"), (@default is null
                ? L($"none (Sora {version} sets nothing by default)", $"なし (Sora {version} は既定値を持ちません)")
                : $"{@default} (Sora {version})") + InferredMark(key, SoraKeyFacts.Default, ja)));
            foreach (var before in key.DefaultBefore)
                rows.Add(("", L($"{before.Value} before Sora {before.Key}", $"Sora {before.Key} より前は {before.Value}")));
            if (key.Min != null || key.Max != null) rows.Add((L("Range", "範囲"), $"{key.Min ?? "…"} .. {key.Max ?? "…"}"));
            if (key.Units.Count > 0)
            {
                var units = string.Join(", ", key.Units.Select(UnitName));
                if (key.DefaultUnit is { } du) units += L($" (preferred: {UnitName(du)})", $" (推奨: {UnitName(du)})");
                rows.Add((L("Units", "単位"), units));
            }
            if (key.Candidates.Count > 0) rows.Add((L("Values", "候補"), string.Join(", ", key.Candidates)));
            rows.Add((L("Versions", "バージョン"), Versions(key, catalog, ja) + InferredMark(key, SoraKeyFacts.Versions, ja)));
            if (key.IsDeprecatedIn(version)) rows.Add((L("Status", "状態"), key.IsLegacy ? L("legacy migration switch", "移行用のレガシースイッチ") : L($"deprecated since {key.Deprecated}", $"{key.Deprecated} から非推奨")));
            if (!key.ExistsIn(version)) rows.Add((L("Note", "注意"), L($"not available in Sora {version}", $"Sora {version} にはありません")));
            if (key.IsSecret) rows.Add((L("Secret", "秘密情報"), L("yes: its value never appears in messages", "はい: 値はメッセージに表示されません")));
            if (key.Example != null) rows.Add((L("Example", "例"), $"{key.Name} = {key.Example}"));
            // Confirmed or inferred, fact by fact (SoraKeyInfo.InferredFacts), then why.
            rows.Add((L("Confidence", "確度"), L(key.Confidence.English, key.Confidence.Japanese)));
            if (key.Inferred != null) rows.Add((L("Inferred", "推定の根拠"), key.Inferred));
            if (key.Notes != null) rows.Add((L("Notes", "メモ"), key.Notes));
            rows.Add((L("Source", "出典"), key.Source));
            foreach (var also in key.Also) rows.Add(("", also));
            var rules = catalog.Rules.Where(r => Mentions(r, key.Name)).Select(r => $"{r.Id} {r.Slug}").ToList();
            if (rules.Count > 0) rows.Add((L("Rules", "ルール"), string.Join(", ", rules)));
            return rows;
        }

        /// <summary>" [inferred]" after a row whose fact no source confirms (the Confidence row says which and why).</summary>
        private static string InferredMark(SoraKeyInfo key, SoraKeyFacts fact, bool ja) => key.IsConfirmed(fact) ? "" : ja ? " [推定]" : " [inferred]";

        /// <summary>The Sora versions that have the key.</summary>
        public static string Versions(SoraKeyInfo key, SoraCatalog catalog, bool ja)
        {
            string L(string english, string japanese) => ja ? japanese : english;
            var from = key.Since ?? catalog.Versions[0];
            if (key.Removed != null) return L($"{from} up to {key.Removed} (removed in {key.Removed})", $"{from} から {key.Removed} まで ({key.Removed} で削除)");
            return key.Since is null
                ? L($"every known version ({catalog.Versions[0]} – {catalog.NewestVersion})", $"既知のすべてのバージョン ({catalog.Versions[0]} – {catalog.NewestVersion})")
                : L($"since {key.Since}", $"{key.Since} から");
        }

        /// <summary>The type line: <c>port</c>, <c>string, host name</c>.</summary>
        public static string TypeText(SoraKeyInfo key) => key.TypeName + (key.Format is null ? "" : ", " + key.Format.Replace('_', ' '));

        public static string UnitName(SoraTimeUnit unit) => unit switch
        {
            SoraTimeUnit.Millisecond => "ms",
            SoraTimeUnit.Second => "s",
            SoraTimeUnit.Minute => "min",
            _ => "h",
        };

        private static bool Mentions(SoraRuleInfo rule, string key)
        {
            var check = rule.Check;
            if (check.At == key || check.Keys.Contains(key)) return true;
            if (check.When.Any(p => p.Key == key)) return true;
            return check.Listeners.Any(l => l.Key == key || l.RangeMin == key || l.RangeMax == key || l.When.Any(p => p.Key == key));
        }
    }
}
