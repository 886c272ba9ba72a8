using System;
using System.Collections.Generic;

namespace Sora.Config.Cli.Linting
{
    /// <summary>What the CLI shows about a rule: the catalogue's rules, plus the two findings the CLI itself
    /// reports (SORA0009 invalid suppression, SORA0010 placeholder value) as long as the schema does not define them.</summary>
    internal sealed class RuleDescriptor
    {
        public RuleDescriptor(string id, string slug, SoraConfSeverity severity, SoraText title, SoraText rationale, SoraText remediation, string exampleBad, string exampleGood, Uri helpUri, bool isProductionRule, string? source)
        {
            Id = id;
            Slug = slug;
            DefaultSeverity = severity;
            Title = title;
            Rationale = rationale;
            Remediation = remediation;
            ExampleBad = exampleBad;
            ExampleGood = exampleGood;
            HelpUri = helpUri;
            IsProductionRule = isProductionRule;
            Source = source;
        }

        public string Id { get; }

        public string Slug { get; }

        public SoraConfSeverity DefaultSeverity { get; }

        public SoraText Title { get; }

        public SoraText Rationale { get; }

        public SoraText Remediation { get; }

        public string ExampleBad { get; }

        public string ExampleGood { get; }

        public Uri HelpUri { get; }

        public bool IsProductionRule { get; }

        public string? Source { get; }

        public static RuleDescriptor From(SoraRuleInfo rule) => new RuleDescriptor(
            rule.Id, rule.Slug, rule.DefaultSeverity, rule.Title, rule.Rationale, rule.Remediation, rule.ExampleBad, rule.ExampleGood, rule.HelpUri, rule.IsProductionRule, rule.Source);

        /// <summary>The rule by ID (case-insensitive), from the catalogue first, then the CLI's own rules.</summary>
        public static bool TryGet(string id, out RuleDescriptor rule)
        {
            var upper = id.ToUpperInvariant();
            if (SoraCatalog.Default.TryGetRule(upper, out var info))
            {
                rule = From(info);
                return true;
            }
            return CliRules.ById.TryGetValue(upper, out rule!);
        }

        /// <summary>Every rule the linter can report, ordered by ID.</summary>
        public static IReadOnlyList<RuleDescriptor> All()
        {
            var list = new List<RuleDescriptor>();
            foreach (var rule in SoraCatalog.Default.Rules) list.Add(From(rule));
            foreach (var rule in CliRules.ById.Values)
            {
                if (!SoraCatalog.Default.TryGetRule(rule.Id, out _)) list.Add(rule);
            }
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            return list;
        }
    }

    /// <summary>The findings reported by the CLI rather than by the library's linter.</summary>
    internal static class CliRules
    {
        public const string InvalidSuppression = "SORA0009";
        public const string Placeholder = "SORA0010";

        public static readonly IReadOnlyDictionary<string, RuleDescriptor> ById = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal)
        {
            [InvalidSuppression] = new RuleDescriptor(
                InvalidSuppression,
                "invalid-suppression",
                SoraConfSeverity.Warning,
                new SoraText("Suppression comment without effect", "効果のない抑制コメント"),
                new SoraText(
                    "A suppression hides a finding from every later reader of the file and from CI; without a reason, with a rule ID that does not exist or away from a key line it hides nothing on purpose, or hides the wrong thing.",
                    "抑制はファイルを後から読む人や CI から指摘を隠します。理由がない、存在しないルール ID を指定している、キーの行の直前にない抑制は、意図どおりに働きません。"),
                new SoraText(
                    "Write `# sora-conf-disable-next-line SORAxxxx -- why this is fine here` on its own line, directly above the key line the finding is on.",
                    "`# sora-conf-disable-next-line SORAxxxx -- 問題ない理由` を単独の行で、指摘のあるキーの行の直前に書いてください。"),
                "# sora-conf-disable-next-line SORA1007\ndemo = true\n",
                "# sora-conf-disable-next-line SORA1007 -- internal staging host, not reachable from the internet\ndemo = true\n",
                new Uri(SoraCatalog.DocsBaseUri + "cli.md#suppressing-a-finding"),
                isProductionRule: false,
                source: null),
            [Placeholder] = new RuleDescriptor(
                Placeholder,
                "placeholder-value",
                SoraConfSeverity.Warning,
                new SoraText("Placeholder value not replaced", "置き換えられていないプレースホルダー"),
                new SoraText(
                    "Addresses from the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) and the reserved example names (example.com, .example, .invalid, .test) never reach a real server: such a value is a leftover from a template or a copied example.",
                    "ドキュメント用のアドレス範囲 (192.0.2.0/24、198.51.100.0/24、203.0.113.0/24、2001:db8::/32) や予約済みの例示用の名前 (example.com、.example、.invalid、.test) は実際のサーバーには届きません。テンプレートや例をコピーしたまま残った値です。"),
                new SoraText(
                    "Replace the value with this server's real address or host name.",
                    "値をこのサーバーの実際のアドレスまたはホスト名に置き換えてください。"),
                "ipv4_address = 192.0.2.10\n",
                "ipv4_address = 10.0.0.10\n",
                new Uri(SoraCatalog.DocsBaseUri + "cli.md#placeholders"),
                isProductionRule: false,
                source: "https://www.rfc-editor.org/rfc/rfc5737"),
        };
    }
}
