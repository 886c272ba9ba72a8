using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Sora.Config.Schema;

namespace Sora.Config.SchemaGen
{
    /// <summary>docs/keys.md: every key by category, then the keys × versions matrix.</summary>
    internal static class KeysPage
    {
        public static string Render(SchemaModel schema)
        {
            var sb = new StringBuilder();
            DocsGenerator.Banner(sb);
            var versions = schema.Versions.Select(v => v.Name).ToList();
            var categories = Categories(schema);

            sb.Append("# sora.conf keys / sora.conf のキー\n\n");
            sb.Append("Every `sora.conf` key known to the Sora.Config schema, grouped by category, with its type, default, range, ")
              .Append("the Sora versions it exists in and a description. ")
              .Append(schema.Keys.Count.ToString(CultureInfo.InvariantCulture)).Append(" keys; known Sora versions: ")
              .Append(string.Join(", ", versions)).Append(" (newest: ").Append(schema.NewestVersion).Append(").\n\n");
            sb.Append("Sora.Config のスキーマが知っている `sora.conf` のすべてのキーを分類ごとに示します (型・既定値・範囲・存在する Sora バージョン・説明)。")
              .Append("キー数 ").Append(schema.Keys.Count.ToString(CultureInfo.InvariantCulture)).Append("、既知の Sora バージョン: ")
              .Append(string.Join(", ", versions)).Append(" (最新: ").Append(schema.NewestVersion).Append(")。\n\n");
            RenderConfidenceSummary(sb, schema);
            sb.Append("A value written in `code` is sora.conf text, exactly as it appears after `key = `. ")
              .Append("Where the schema says a fact is *inferred*, it was not stated by the Sora documentation.  \n");
            sb.Append("`code` で示した値は sora.conf にそのまま書くテキストです。*inferred* (推定) とある項目は Sora のドキュメントに明記されていない推定です。\n\n");
            sb.Append("See also / 関連: [Keys by Sora version / Sora バージョン別のキー](#keys-by-sora-version), [rules / ルール](rules/README.md), [key audit: sources and confidence / キーの出典と確度の記録](keys-audit.md).\n\n");

            sb.Append("## Contents / 目次\n\n");
            sb.Append("| Category / 分類 | Keys / キー |\n| --- | --- |\n");
            foreach (var (category, keys) in categories)
            {
                sb.Append("| ").Append(Markdown.Code(category)).Append(" | ")
                  .Append(string.Join(", ", keys.Select(k => "[" + Markdown.Code(k.Name) + "](#" + k.Name + ")")))
                  .Append(" |\n");
            }
            sb.Append('\n');

            foreach (var (category, keys) in categories)
            {
                sb.Append("## Category / 分類: ").Append(Markdown.Code(category)).Append("\n\n");
                foreach (var key in keys) RenderKey(sb, key, versions);
            }

            RenderMatrix(sb, schema, versions);
            return sb.ToString();
        }

        /// <summary>How many keys have every fact confirmed, and how many have each fact confirmed.</summary>
        private static void RenderConfidenceSummary(StringBuilder sb, SchemaModel schema)
        {
            string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            int total = schema.Keys.Count;
            int full = schema.Keys.Count(k => k.InferredFacts.Count == 0);
            var perFact = SchemaNames.KeyFacts.Select(f => (Fact: f, Count: schema.Keys.Count(k => !k.InferredFacts.Contains(f)))).ToList();
            sb.Append("**Confidence / 確度.** For each key the schema records whether its name, type, default and versions are ")
              .Append("*confirmed* by a public source or *inferred* (row \"Confidence\" of each key). ")
              .Append("Fully confirmed (all four): **").Append(N(full)).Append(" of ").Append(N(total)).Append("** keys. Confirmed per fact: ")
              .Append(string.Join(", ", perFact.Select(p => p.Fact + " " + N(p.Count)))).Append(" of ").Append(N(total)).Append(". ")
              .Append("A type counts as confirmed only when a source states it; Sora's documentation shows values, not kvconf types.  \n");
            sb.Append("スキーマは各キーのキー名・型・既定値・バージョンが公開資料で確認済みか推定かを記録しています (各キーの「確度」の行)。")
              .Append("4 項目すべて確認済みのキー: **").Append(N(total)).Append(" 件中 ").Append(N(full)).Append(" 件**。項目別の確認済み件数: ")
              .Append(string.Join("、", perFact.Select((p, i) => SchemaNames.KeyFactsJa[i] + " " + N(p.Count)))).Append(" (").Append(N(total)).Append(" 件中)。")
              .Append("型は資料に明記されている場合だけ確認済みとします (Sora のドキュメントは値を示しますが、kvconf の型は示していません)。\n\n");
        }

        private static List<(string Category, List<KeyModel> Keys)> Categories(SchemaModel schema)
        {
            var result = new List<(string, List<KeyModel>)>();
            var index = new Dictionary<string, List<KeyModel>>(System.StringComparer.Ordinal);
            foreach (var key in schema.Keys)
            {
                if (!index.TryGetValue(key.Category, out var list))
                {
                    list = new List<KeyModel>();
                    index.Add(key.Category, list);
                    result.Add((key.Category, list));
                }
                list.Add(key);
            }
            return result;
        }

        private static void RenderKey(StringBuilder sb, KeyModel key, List<string> versions)
        {
            sb.Append("### ").Append(key.Name).Append("\n\n");
            sb.Append(DocsGenerator.Text(key.Description)).Append("  \n");
            sb.Append(DocsGenerator.Text(key.DescriptionJa)).Append("\n\n");
            sb.Append("| Field / 項目 | Value / 値 |\n| --- | --- |\n");
            Row(sb, "Key / キー", Markdown.Code(key.Name));
            Row(sb, "Type / 型", TypeText(key));
            Row(sb, "Default / 既定値", DefaultText(key));
            var range = RangeText(key);
            if (range != null) Row(sb, "Range / 範囲", range);
            if (key.Units.Count > 0)
            {
                var units = string.Join(", ", key.Units.Select(Markdown.Code));
                if (key.DefaultUnit != null) units += " (documented unit / ドキュメント上の単位: " + Markdown.Code(key.DefaultUnit) + ")";
                Row(sb, "Units / 単位", units);
            }
            if (key.Candidates.Count > 0) Row(sb, "Candidates / 候補", string.Join(", ", key.Candidates.Select(Markdown.Code)));
            Row(sb, "Sora versions / バージョン", VersionText(key, versions));
            if (key.Legacy) Row(sb, "Legacy / レガシー", "yes: a migration switch that keeps old behaviour / 旧動作を残す移行用スイッチ");
            Row(sb, "Secret / 秘密", key.Secret
                ? "yes: the value is never shown in messages or `ToString()` / はい: 値はメッセージや `ToString()` に表示されない"
                : "no / いいえ");
            if (key.Example != null) Row(sb, "Example / 例", Markdown.Code(key.Name + " = " + key.Example));
            var sources = new List<string> { Markdown.Link(key.Source) };
            sources.AddRange(key.Also.Select(Markdown.Link));
            Row(sb, "Source / 出典", string.Join("<br>", sources));
            var confidence = SchemaNames.Confidence(key.InferredFacts);
            Row(sb, "Confidence / 確度", confidence.English + "<br>" + confidence.Japanese);
            if (key.Inferred != null) Row(sb, "Inferred (why) / 推定の根拠", Markdown.Cell(DocsGenerator.Text(key.Inferred)));
            if (key.Notes != null) Row(sb, "Notes / 備考", Markdown.Cell(DocsGenerator.Text(key.Notes)));
            sb.Append('\n');
        }

        private static void Row(StringBuilder sb, string field, string value) =>
            sb.Append("| ").Append(field).Append(" | ").Append(value).Append(" |\n");

        private static string TypeText(KeyModel key) =>
            (key.Type == "list" && key.ItemType != null
                ? Markdown.Code("list") + " of " + Markdown.Code(key.ItemType) + " (comma-separated / カンマ区切り)"
                : Markdown.Code(key.Type))
            + (key.Format is null ? "" : ", format " + Markdown.Code(key.Format) + " (checked by SORA0012 / SORA0012 で検査)");

        private static string DefaultText(KeyModel key)
        {
            var text = key.Default is null
                ? "none (Sora sets nothing, or the default is not documented) / なし (Sora が値を設定しない、または既定値が文書化されていない)"
                : Markdown.Cell(Markdown.Code(key.Default));
            foreach (var before in key.DefaultBefore)
            {
                text += "<br>before / " + before.Version + " より前: " + Markdown.Cell(Markdown.Code(before.Value));
            }
            return text;
        }

        private static string? RangeText(KeyModel key)
        {
            if (key.Min != null && key.Max != null) return Markdown.Code(key.Min) + " – " + Markdown.Code(key.Max) + " (inclusive / 両端を含む)";
            if (key.Min != null) return "≥ " + Markdown.Code(key.Min);
            if (key.Max != null) return "≤ " + Markdown.Code(key.Max);
            return null;
        }

        /// <summary>Whether the key exists in <paramref name="version"/>: since ≤ V &lt; removed.</summary>
        internal static bool ExistsIn(KeyModel key, string version)
        {
            var v = DocsGenerator.Ordinal(version);
            if (key.Since != null && DocsGenerator.Ordinal(key.Since) > v) return false;
            if (key.Removed != null && DocsGenerator.Ordinal(key.Removed) <= v) return false;
            return true;
        }

        internal static bool DeprecatedIn(KeyModel key, string version) =>
            key.Deprecated != null && DocsGenerator.Ordinal(key.Deprecated) <= DocsGenerator.Ordinal(version);

        private static string VersionText(KeyModel key, List<string> versions)
        {
            var parts = new List<string>();
            if (key.Since is null && key.Removed is null) parts.Add("all known versions / 既知のすべてのバージョン");
            else
            {
                var present = versions.Where(v => ExistsIn(key, v)).ToList();
                var span = present.Count == 0 ? "none of the known versions / 既知のバージョンにはない"
                    : present.Count == 1 ? present[0]
                    : present[0] + " – " + present[present.Count - 1];
                parts.Add(span);
                if (key.Since != null) parts.Add("since / 追加: " + key.Since);
                if (key.Removed != null) parts.Add("removed in / 削除: " + key.Removed);
            }
            if (key.Deprecated != null) parts.Add("deprecated from / 非推奨: " + key.Deprecated);
            return string.Join("; ", parts);
        }

        private static void RenderMatrix(StringBuilder sb, SchemaModel schema, List<string> versions)
        {
            sb.Append("## Keys by Sora version\n\n");
            sb.Append("Sora バージョン別のキー。✓ = the key exists in that version / そのバージョンに存在する; ")
              .Append("✓ᵈ = exists but deprecated / 存在するが非推奨; — = absent / 存在しない.\n\n");
            sb.Append("| Key / キー |");
            foreach (var v in versions) sb.Append(' ').Append(v).Append(" |");
            sb.Append("\n| --- |");
            foreach (var _ in versions) sb.Append(" :-: |");
            sb.Append('\n');
            foreach (var key in schema.Keys)
            {
                sb.Append("| [").Append(Markdown.Code(key.Name)).Append("](#").Append(key.Name).Append(") |");
                foreach (var v in versions)
                {
                    sb.Append(' ').Append(!ExistsIn(key, v) ? "—" : DeprecatedIn(key, v) ? "✓ᵈ" : "✓").Append(" |");
                }
                sb.Append('\n');
            }
            sb.Append("| **Keys / キー数** |");
            foreach (var v in versions)
            {
                sb.Append(" **").Append(schema.Keys.Count(k => ExistsIn(k, v)).ToString(CultureInfo.InvariantCulture)).Append("** |");
            }
            sb.Append('\n');
        }
    }
}
