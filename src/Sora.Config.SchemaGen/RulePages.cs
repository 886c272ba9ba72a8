using System.Collections.Generic;
using System.Linq;
using System.Text;
using Sora.Config.Schema;

namespace Sora.Config.SchemaGen
{
    /// <summary>docs/rules/&lt;ID&gt;.md for schema rules and SDK-usage diagnostics, and docs/rules/README.md.</summary>
    internal static class RulePages
    {
        public const string BadHeading = "### Bad / 悪い例";
        public const string GoodHeading = "### Good / 良い例";

        public static string RenderRule(RuleModel rule)
        {
            var sb = new StringBuilder();
            DocsGenerator.Banner(sb);
            Title(sb, rule.Id, rule.Title, rule.TitleJa);

            sb.Append("| Field / 項目 | Value / 値 |\n| --- | --- |\n");
            Row(sb, "ID", Markdown.Code(rule.Id) + " (" + Markdown.Code(rule.Slug) + ")");
            Row(sb, "Default severity / 既定の重大度", DocsGenerator.SeverityText(rule.Severity));
            if (rule.AcceptedSeverity != null)
                Row(sb, "In a file Sora still reads / Sora が読み込めるファイルでは", DocsGenerator.SeverityText(rule.AcceptedSeverity));
            Row(sb, "Category / 分類", CategoryText(rule.Id));
            Row(sb, "Applies to / 対象バージョン", AppliesText(rule));
            if (rule.Source != null) Row(sb, "Source / 出典", Markdown.Link(rule.Source));
            sb.Append('\n');

            sb.Append("## Message / メッセージ\n\n");
            sb.Append("- English: ").Append(Markdown.Code(DocsGenerator.Text(rule.Message))).Append('\n');
            sb.Append("- 日本語: ").Append(Markdown.Code(DocsGenerator.Text(rule.MessageJa))).Append("\n\n");
            sb.Append("Placeholders such as `{key}` and `{detail}` are filled in when the diagnostic is reported. / ")
              .Append("`{key}` や `{detail}` などのプレースホルダーは診断の報告時に置き換えられます。\n\n");

            Section(sb, "## Rationale / 理由", rule.Rationale, rule.RationaleJa);
            Section(sb, "## Remediation / 対処", rule.Remediation, rule.RemediationJa);

            if (IsDeployment(rule))
            {
                DeploymentExamples(sb, rule);
                Footer(sb);
                return sb.ToString();
            }

            sb.Append("## Examples / 例\n\n");
            sb.Append("The bad example triggers ").Append(rule.Id).Append("; the good one does not. / 悪い例は ")
              .Append(rule.Id).Append(" を発生させ、良い例は発生させません。\n\n");
            if (rule.ExampleEncoding == "latin1")
            {
                sb.Append("These examples are **bytes**, one per character shown (`é` stands for the byte 0xE9, which is not UTF-8 on its own). / ")
                  .Append("この例は**バイト列**で、表示された 1 文字が 1 バイトを表します (`é` は単独では UTF-8 ではないバイト 0xE9)。\n\n");
            }
            var used = new SortedSet<string>(System.StringComparer.Ordinal);
            Example(sb, BadHeading, rule.ExampleBad, used);
            Example(sb, GoodHeading, rule.ExampleGood, used);
            InvisibleNote(sb, used);

            if (rule.Fixes.Count > 0)
            {
                sb.Append("## Quick fixes / クイック修正\n\n");
                sb.Append("Offered by the IDE's code fixes (C# and sora.conf files) and the language server. / IDE のコード修正 (C# と sora.conf ファイル) と言語サーバーが提示します。\n\n");
                foreach (var fix in rule.Fixes)
                {
                    sb.Append("- ").Append(fix.Value is null
                        ? "Set " + Markdown.Code(fix.Key) + " (a value only you can give) / " + Markdown.Code(fix.Key) + " を設定する (値は利用者が決めます)"
                        : "Set " + Markdown.Code(fix.Key + " = " + fix.Value) + " / " + Markdown.Code(fix.Key + " = " + fix.Value) + " を設定する").Append('\n');
                }
                sb.Append('\n');
            }

            if (!string.IsNullOrWhiteSpace(rule.CSharpBad) || !string.IsNullOrWhiteSpace(rule.CSharpGood))
            {
                sb.Append("## C# examples / C# の例\n\n");
                if (!string.IsNullOrWhiteSpace(rule.CSharpBad))
                {
                    sb.Append("### Bad (C#) / 悪い例 (C#)\n\n");
                    Markdown.Fence(sb, "csharp", rule.CSharpBad!);
                    sb.Append('\n');
                }
                if (!string.IsNullOrWhiteSpace(rule.CSharpGood))
                {
                    sb.Append("### Good (C#) / 良い例 (C#)\n\n");
                    Markdown.Fence(sb, "csharp", rule.CSharpGood!);
                    sb.Append('\n');
                }
            }

            Footer(sb);
            return sb.ToString();
        }

        /// <summary>A SORA3xxx rule: evaluated on a deployment (SoraDeployment, SoraCluster), not on a sora.conf alone.</summary>
        internal static bool IsDeployment(RuleModel rule) => System.Array.IndexOf(SchemaNames.DeploymentCheckKinds, rule.Check.Kind) >= 0;

        /// <summary>A deployment rule's examples: the C# model first (what the user writes), then the excerpt of the bundle
        /// file each renders.</summary>
        private static void DeploymentExamples(StringBuilder sb, RuleModel rule)
        {
            sb.Append("## Examples / 例\n\n");
            if (rule.CSharpBad is null)
            {
                sb.Append("Only files written by hand trigger ").Append(rule.Id).Append(" (`sora-conf lint sora.conf --nginx … --systemd-unit … --sysctl …`, or `--host`): a bundle rendered from the typed model never does. ")
                  .Append("/ ").Append(rule.Id).Append(" は手書きのファイルでだけ発生します (`sora-conf lint sora.conf --nginx … --systemd-unit … --sysctl …` または `--host`)。型付きモデルから出力したバンドルでは発生しません。\n\n");
            }
            else
            {
                sb.Append("The bad deployment triggers ").Append(rule.Id).Append(" in `Validate()` and at build time (`[SoraDeploymentOutput]`); the good one does not. ")
                  .Append("Below each is an excerpt of the bundle it renders (`…` stands for text left out). / 悪いデプロイは `Validate()` とビルド時 (`[SoraDeploymentOutput]`) に ")
                  .Append(rule.Id).Append(" を発生させ、良いデプロイは発生させません。それぞれの下は、出力されるバンドルの抜粋です (`…` は省略部分)。\n\n");
            }
            foreach (var (heading, csharp, excerpt) in new[] { ("### Bad / 悪い例", rule.CSharpBad, rule.ExampleBad), ("### Good / 良い例", rule.CSharpGood, rule.ExampleGood) })
            {
                sb.Append(heading).Append("\n\n");
                int newline = excerpt.IndexOf('\n');
                var file = excerpt.Substring(2, newline - 2).Trim();
                var language = file.EndsWith("nginx.conf", System.StringComparison.Ordinal) || file.StartsWith("/etc/nginx/", System.StringComparison.Ordinal) ? "nginx" : file.EndsWith("logrotate/sora", System.StringComparison.Ordinal) ? "text" : "ini";
                if (csharp is null)
                {
                    // A hand-written file is the example itself: its excerpt comes first, then which file it is from.
                    Markdown.Fence(sb, language, excerpt.Substring(newline + 1));
                    sb.Append('\n').Append("Excerpt of `").Append(file).Append("` / `").Append(file).Append("` の抜粋\n\n");
                    continue;
                }
                Markdown.Fence(sb, "csharp", csharp);
                sb.Append('\n');
                sb.Append("Excerpt of `").Append(file).Append("` / `").Append(file).Append("` の抜粋:\n\n");
                Markdown.Fence(sb, language, excerpt.Substring(newline + 1));
                sb.Append('\n');
            }
        }

        public static string RenderUsage(UsageDiagnostic d)
        {
            var sb = new StringBuilder();
            DocsGenerator.Banner(sb);
            Title(sb, d.Id, d.Title, d.TitleJa);

            sb.Append("| Field / 項目 | Value / 値 |\n| --- | --- |\n");
            Row(sb, "ID", Markdown.Code(d.Id));
            Row(sb, "Default severity / 既定の重大度", DocsGenerator.SeverityText("error"));
            Row(sb, "Category / 分類", CategoryText(d.Id));
            Row(sb, "Reported by / 報告元", d.ReportedBy == UsageReporter.Analyzers
                ? "the Sora.Config analyzers, at the class in C# source (diagnostic category `Sora.Config.Usage`; `#pragma warning disable`, `[SuppressMessage]` and `.editorconfig` severities apply) / Sora.Config のアナライザー (C# ソース中のクラスの位置に報告。`#pragma warning disable`・`[SuppressMessage]`・`.editorconfig` の重大度設定が有効)"
                : "the Sora.Config source generator (diagnostic category `Sora.Config.Usage`) / Sora.Config のソースジェネレーター");
            sb.Append('\n');

            sb.Append("## Message / メッセージ\n\n");
            sb.Append(Markdown.Code(d.Message)).Append("\n\n");
            if (d.Message == "{0}")
            {
                sb.Append("The whole message is the schema loader's description of the problem, prefixed by the file, line and column. / ")
                  .Append("メッセージ全体がスキーマローダーによる問題の説明で、ファイル・行・列が前に付きます。\n\n");
            }
            else
            {
                sb.Append("`{0}`, `{1}`… are filled in when the diagnostic is reported. / `{0}`、`{1}` などは診断の報告時に置き換えられます。\n\n");
            }

            Section(sb, "## Explanation / 説明", d.Explanation, d.ExplanationJa);
            Section(sb, "## How to fix / 修正方法", d.Fix, d.FixJa);

            sb.Append("## Examples / 例\n\n");
            sb.Append("The bad example triggers ").Append(d.Id).Append("; the good one does not. / 悪い例は ")
              .Append(d.Id).Append(" を発生させ、良い例は発生させません。\n\n");
            sb.Append(BadHeading).Append("\n\n");
            Markdown.Fence(sb, d.BadLanguage, d.Bad);
            sb.Append('\n');
            sb.Append(GoodHeading).Append("\n\n");
            Markdown.Fence(sb, d.GoodLanguage, d.Good);
            sb.Append('\n');

            Footer(sb);
            return sb.ToString();
        }

        public static string RenderIndex(SchemaModel schema)
        {
            var sb = new StringBuilder();
            DocsGenerator.Banner(sb);
            sb.Append("# Sora.Config rules / Sora.Config のルール\n\n");
            sb.Append("Every diagnostic ID Sora.Config reports. The IDs are a public contract and are never reused. ")
              .Append("SORA0xxx: the file and its values; SORA1xxx: production safety (off in the `development` profile); ")
              .Append("SORA2xxx: Sora version compatibility; SORA3xxx: the deployment around Sora (nginx, the systemd unit, kernel settings, certificates, clusters), reported by `SoraDeployment.Validate()` and at build time for `[SoraDeploymentOutput]` ([deploying.md](../deploying.md)); ")
              .Append("SORA9xxx: SDK usage errors, reported by the source generator (schema files, compiler) or the analyzers (a `[GeneratedSoraConf]` class).  \n");
            sb.Append("Sora.Config が報告するすべての診断 ID です。ID は公開の契約であり、再利用されません。")
              .Append("SORA0xxx: ファイルと値、SORA1xxx: 本番環境の安全性 (`development` プロファイルでは無効)、")
              .Append("SORA2xxx: Sora バージョンの互換性、SORA3xxx: Sora の周りのデプロイ (nginx、systemd のユニット、カーネルの設定、証明書、クラスター。`SoraDeployment.Validate()` と `[SoraDeploymentOutput]` のビルド時に報告、[deploying.md](../deploying.md))、")
              .Append("SORA9xxx: ソースジェネレーター (スキーマファイル、コンパイラー) またはアナライザー (`[GeneratedSoraConf]` のクラス) が報告する SDK の使い方の誤り。\n\n");

            sb.Append("**What a severity means.** *error*: Sora refuses the file or crashes on it (or the setup cannot work, such as two listeners on one port); ")
              .Append("the file rules are checked against kvconf's own verdicts on thousands of files. *warning*: Sora starts, but something does not work as written or is unsafe in production. ")
              .Append("*info*: worth knowing, often intended. A rule with an accepted severity reports findings in a file Sora still reads at that lower severity.  \n");
            sb.Append("**重大度の意味。** *error*: Sora がファイルを拒否する、または読み込み中にクラッシュする (あるいは同じポートを使う二つのリスナーのように構成が動かない)。")
              .Append("ファイルのルールは数千のファイルについて kvconf 自身の判定と照合しています。*warning*: Sora は起動するが、書いたとおりに動かないか本番環境で安全でない。")
              .Append("*info*: 知っておくべきことで、意図的なことも多い。受理時の重大度を持つルールは、Sora が読み込めるファイルでの指摘をその低い重大度で報告します。\n\n");
            sb.Append("## Rules from the schema / スキーマのルール\n\n");
            sb.Append("| ID | Severity / 重大度 | Title | タイトル |\n| --- | --- | --- | --- |\n");
            foreach (var rule in schema.Rules)
            {
                IndexRow(sb, rule.Id, rule.AcceptedSeverity is null ? rule.Severity : rule.Severity + " (accepted: " + rule.AcceptedSeverity + ")", rule.Title, rule.TitleJa);
            }
            sb.Append('\n');

            sb.Append("## SDK usage diagnostics / SDK の使い方の診断\n\n");
            sb.Append("| ID | Severity / 重大度 | Title | タイトル |\n| --- | --- | --- | --- |\n");
            foreach (var d in UsageDiagnostics.All) IndexRow(sb, d.Id, "error", d.Title, d.TitleJa);
            sb.Append('\n');
            sb.Append("The rule catalogue is `schema/rules.toml` (format: [schema-format.md](../schema-format.md)); the keys are in [keys.md](../keys.md).  \n");
            sb.Append("ルールの定義は `schema/rules.toml` (形式: [schema-format.md](../schema-format.md))、キーの一覧は [keys.md](../keys.md) にあります。\n");
            return sb.ToString();
        }

        private static void IndexRow(StringBuilder sb, string id, string severity, string title, string titleJa) =>
            sb.Append("| [").Append(id).Append("](").Append(id).Append(".md) | ").Append(severity).Append(" | ")
              .Append(Markdown.Cell(title)).Append(" | ").Append(Markdown.Cell(titleJa)).Append(" |\n");

        private static void Title(StringBuilder sb, string id, string title, string titleJa)
        {
            sb.Append("# ").Append(id).Append(": ").Append(title).Append("\n\n");
            sb.Append("**").Append(titleJa).Append("**\n\n");
        }

        private static void Row(StringBuilder sb, string field, string value) =>
            sb.Append("| ").Append(field).Append(" | ").Append(value).Append(" |\n");

        private static void Section(StringBuilder sb, string heading, string english, string japanese)
        {
            sb.Append(heading).Append("\n\n");
            sb.Append(DocsGenerator.Text(english)).Append("\n\n");
            sb.Append(DocsGenerator.Text(japanese)).Append("\n\n");
        }

        private static void Example(StringBuilder sb, string heading, string text, ISet<string> used)
        {
            sb.Append(heading).Append("\n\n");
            var local = new SortedSet<string>(System.StringComparer.Ordinal);
            var shown = Markdown.ShowInvisible(text, local);
            used.UnionWith(local);
            // With placeholders the block is no longer the literal file text, so it is not labelled ini.
            Markdown.Fence(sb, local.Count == 0 ? "ini" : "text", shown);
            sb.Append('\n');
        }

        private static void InvisibleNote(StringBuilder sb, ISet<string> used)
        {
            if (used.Count == 0) return;
            var english = new List<string>();
            var japanese = new List<string>();
            foreach (var placeholder in used)
            {
                var known = Markdown.Invisibles.FirstOrDefault(i => i.Placeholder == placeholder);
                english.Add(Markdown.Code(placeholder) + " stands for " + (known.Placeholder is null ? "the character " + placeholder.Trim('<', '>') : known.English));
                japanese.Add(Markdown.Code(placeholder) + " は " + (known.Placeholder is null ? "文字 " + placeholder.Trim('<', '>') : known.Japanese));
            }
            sb.Append("> **Note:** the examples contain characters that would be invisible here, so they are shown as placeholders: ")
              .Append(string.Join("; ", english)).Append(". The real file holds the character itself, not the placeholder text.  \n");
            sb.Append("> **注:** 例には表示されない文字が含まれるため、プレースホルダーで示しています: ")
              .Append(string.Join("、", japanese)).Append(" を表します。実際のファイルにはプレースホルダーの文字列ではなく、その文字そのものが入ります。\n\n");
        }

        private static void Footer(StringBuilder sb)
        {
            sb.Append("---\n\n[All rules / ルール一覧](README.md) · [Keys / キー](../keys.md)\n");
        }

        internal static string CategoryText(string id)
        {
            if (id.StartsWith("SORA0", System.StringComparison.Ordinal))
                return "SORA0xxx: file and value errors, on in every profile / ファイルと値のエラー (すべてのプロファイルで有効)";
            if (id.StartsWith("SORA1", System.StringComparison.Ordinal))
                return "SORA1xxx: production safety, off in the `development` profile / 本番環境の安全性 (`development` プロファイルでは無効)";
            if (id.StartsWith("SORA2", System.StringComparison.Ordinal))
                return "SORA2xxx: Sora version compatibility / Sora バージョンの互換性";
            if (id.StartsWith("SORA3", System.StringComparison.Ordinal))
                return "SORA3xxx: the deployment around Sora (nginx, systemd, kernel, certificates, clusters), on in every profile / Sora の周りのデプロイ (nginx、systemd、カーネル、証明書、クラスター)、すべてのプロファイルで有効";
            if (id.StartsWith("SORA9", System.StringComparison.Ordinal))
                return "SORA9xxx: SDK usage errors / SDK の使い方の誤り";
            return "other / その他";
        }

        private static string AppliesText(RuleModel rule)
        {
            if (rule.AppliesFrom != null && rule.AppliesUntil != null)
                return "Sora " + rule.AppliesFrom + " up to, not including, " + rule.AppliesUntil + " / " + rule.AppliesFrom + " 以上 " + rule.AppliesUntil + " 未満";
            if (rule.AppliesFrom != null)
                return "Sora " + rule.AppliesFrom + " and later / " + rule.AppliesFrom + " 以降";
            if (rule.AppliesUntil != null)
                return "Sora versions before " + rule.AppliesUntil + " / " + rule.AppliesUntil + " より前";
            return "all Sora versions / すべての Sora バージョン";
        }
    }
}
