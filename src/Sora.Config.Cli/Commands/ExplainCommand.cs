using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Cli.Linting;
using Sora.Config.Cli.Output;
using Sora.Config.Catalog;
using Sora.Config.LanguageServer.Knowledge;

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
            o.WriteLine($"{key.Name} ({KeyFacts.TypeText(key)})");
            o.WriteLine();
            o.WriteLine(key.Description.ToString());
            o.WriteLine();
            // The same facts, in the same words, as the language server's hover (KeyFacts).
            foreach (var (label, value) in KeyFacts.Rows(key, version, CliCatalog.Current, Ja)) Row(o, label, value);
        }

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
    }
}
