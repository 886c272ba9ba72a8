using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Cli.Linting;
using Sora.Config.Cli.Output;
using Sora.Config.Catalog;
using Sora.Config.Values;

namespace Sora.Config.Cli.Commands
{
    /// <summary><c>sora-conf explain &lt;key|rule-id&gt;</c>: a key's type, default, range, units, versions,
    /// description and which of its facts are confirmed or inferred, or a rule's rationale, remediation and examples. Japanese when the UI culture is ja.</summary>
    internal static class ExplainCommand
    {
        public static Command Create()
        {
            var name = new Argument<string>("key-or-rule") { Description = "A sora.conf key (api_port), a rule ID (SORA1001) or a rule slug (api-not-loopback-only)." };
            var version = CommonOptions.SoraVersion();
            var command = new Command("explain", "Describe a sora.conf key or a rule.") { name, version };
            command.SetAction(parse =>
            {
                using var stdout = CommonOptions.Stdout();
                Run(parse.GetValue(name)!, CommonOptions.ResolveVersion(parse.GetValue(version)), stdout);
                return ExitCodes.Success;
            });
            return command;
        }

        private static bool Ja => CliCatalog.Japanese;

        private static string L(string english, string japanese) => Ja ? japanese : english;

        private static void Run(string name, string version, TextWriter o)
        {
            if (CliCatalog.Current.TryGetKey(name, out var key))
            {
                ExplainKey(key, version, o);
                return;
            }
            var catalog = CliCatalog.Current;
            var rule = catalog.TryGetRule(name.ToUpperInvariant(), out var byId) ? byId : catalog.Rules.FirstOrDefault(r => r.Slug == name);
            if (rule != null)
            {
                ExplainRule(rule, o);
                return;
            }
            var suggestion = catalog.SuggestKey(name, version) ?? catalog.SuggestRule(name);
            throw new CliException($"'{name}' is neither a sora.conf key nor a rule ID" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + " (`sora-conf keys` lists every key)");
        }

        private static void ExplainKey(SoraKeyInfo key, string version, TextWriter o)
        {
            o.WriteLine($"{key.Name} ({key.TypeName}{(key.Format is null ? "" : ", " + key.Format.Replace('_', ' '))})");
            o.WriteLine();
            o.WriteLine(key.Description.ToString());
            o.WriteLine();
            Row(o, L("Category", "カテゴリ"), key.Category);
            var @default = key.DefaultFor(version);
            Row(o, L("Default", "既定値"), (@default is null
                ? L($"none (Sora {version} sets nothing by default)", $"なし (Sora {version} は既定値を持ちません)")
                : $"{@default} (Sora {version})") + InferredMark(key, SoraKeyFacts.Default));
            foreach (var before in key.DefaultBefore)
                Row(o, "", L($"{before.Value} before Sora {before.Key}", $"Sora {before.Key} より前は {before.Value}"));
            if (key.Min != null || key.Max != null) Row(o, L("Range", "範囲"), $"{key.Min ?? "…"} .. {key.Max ?? "…"}");
            if (key.Units.Count > 0)
            {
                var units = string.Join(", ", key.Units.Select(UnitName));
                if (key.DefaultUnit is { } du) units += L($" (preferred: {UnitName(du)})", $" (推奨: {UnitName(du)})");
                Row(o, L("Units", "単位"), units);
            }
            if (key.Candidates.Count > 0) Row(o, L("Values", "候補"), string.Join(", ", key.Candidates));
            Row(o, L("Versions", "バージョン"), Versions(key) + InferredMark(key, SoraKeyFacts.Versions));
            if (key.IsDeprecatedIn(version)) Row(o, L("Status", "状態"), key.IsLegacy ? L("legacy migration switch", "移行用のレガシースイッチ") : L($"deprecated since {key.Deprecated}", $"{key.Deprecated} から非推奨"));
            if (!key.ExistsIn(version)) Row(o, L("Note", "注意"), L($"not available in Sora {version}", $"Sora {version} にはありません"));
            if (key.IsSecret) Row(o, L("Secret", "秘密情報"), L("yes: its value never appears in messages", "はい: 値はメッセージに表示されません"));
            if (key.Example != null) Row(o, L("Example", "例"), $"{key.Name} = {key.Example}");
            Row(o, L("Confidence", "確度"), L(key.Confidence.English, key.Confidence.Japanese));
            if (key.Inferred != null) Row(o, L("Inferred", "推定の根拠"), key.Inferred);
            if (key.Notes != null) Row(o, L("Notes", "メモ"), key.Notes);
            Row(o, L("Source", "出典"), key.Source);
            foreach (var also in key.Also) Row(o, "", also);
            var rules = CliCatalog.Current.Rules.Where(r => Mentions(r, key.Name)).Select(r => $"{r.Id} {r.Slug}").ToList();
            if (rules.Count > 0) Row(o, L("Rules", "ルール"), string.Join(", ", rules));
        }

        /// <summary>" [inferred]" after a row whose fact no source confirms (the Confidence row says why).</summary>
        private static string InferredMark(SoraKeyInfo key, SoraKeyFacts fact) => key.IsConfirmed(fact) ? "" : L(" [inferred]", " [推定]");

        private static void ExplainRule(SoraRuleInfo rule, TextWriter o)
        {
            var severity = FileLinter.SeverityName(rule.DefaultSeverity);
            o.WriteLine($"{rule.Id} {rule.Slug} ({severity}{(rule.IsProductionRule ? L(", production profile only", "、production プロファイルのみ") : "")})");
            o.WriteLine();
            o.WriteLine(rule.Title.ToString());
            o.WriteLine();
            o.WriteLine(L("Why:", "理由:"));
            o.WriteLine("  " + rule.Rationale.ToString());
            o.WriteLine();
            o.WriteLine(L("Fix:", "対処:"));
            o.WriteLine("  " + rule.Remediation.ToString());
            o.WriteLine();
            o.WriteLine(L("Triggers the rule:", "このルールに該当する例:"));
            o.Write(Indent(SarifOutput.Visible(rule.ExampleBad)));
            o.WriteLine();
            o.WriteLine(L("Does not:", "該当しない例:"));
            o.Write(Indent(SarifOutput.Visible(rule.ExampleGood)));
            o.WriteLine();
            if (rule.Source != null) Row(o, L("Source", "出典"), rule.Source);
            Row(o, L("Help", "ヘルプ"), rule.HelpUri.AbsoluteUri);
        }

        private static void Row(TextWriter o, string label, string value)
        {
            var head = label.Length == 0 ? "" : label + ":";
            o.WriteLine("  " + head + new string(' ', Math.Max(1, 13 - Width(head))) + value);
        }

        /// <summary>Display width in a terminal: CJK and full-width characters take two cells.</summary>
        private static int Width(string text)
        {
            int width = 0;
            foreach (var c in text) width += c >= '\u1100' && (c <= '\u115F' || (c >= '\u2E80' && c <= '\uA4CF') || (c >= '\uAC00' && c <= '\uD7A3') || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFF00' && c <= '\uFF60') || (c >= '\uFFE0' && c <= '\uFFE6')) ? 2 : 1;
            return width;
        }

        private static string Indent(string text) => string.Concat(text.TrimEnd('\n').Split('\n').Select(l => "    " + l + "\n"));

        private static string Versions(SoraKeyInfo key)
        {
            var catalog = CliCatalog.Current;
            var from = key.Since ?? catalog.Versions[0];
            if (key.Removed != null) return L($"{from} up to {key.Removed} (removed in {key.Removed})", $"{from} から {key.Removed} まで ({key.Removed} で削除)");
            return key.Since is null
                ? L($"every known version ({catalog.Versions[0]} – {catalog.NewestVersion})", $"既知のすべてのバージョン ({catalog.Versions[0]} – {catalog.NewestVersion})")
                : L($"since {key.Since}", $"{key.Since} から");
        }

        internal static string UnitName(SoraTimeUnit unit) => unit switch
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
