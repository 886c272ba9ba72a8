using System.Globalization;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using static Sora.Config.Analyzers.Tests.Sources;

namespace Sora.Config.Analyzers.Tests;

/// <summary>Severity configuration, suppression, profiles, the bail-out, localization and the catalogue sync.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task Editorconfig_severity_none_turns_a_rule_off()
    {
        var test = new SoraTest { TestCode = Conf(", Demo = true") };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.SORA1007.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task Pragma_suppresses() => SoraTest.VerifyAsync(Conf(", Demo = true").Replace("        var conf", "#pragma warning disable SORA1007 // demo pages wanted in this test\n        var conf"));

    [Fact]
    public Task SuppressMessage_suppresses() => SoraTest.VerifyAsync(Conf(", Demo = true").Replace("    ProductionConf M(", "    [System.Diagnostics.CodeAnalysis.SuppressMessage(\"Sora.Config.Production\", \"SORA1007\", Justification = \"test\")]\n    ProductionConf M("));

    [Fact]
    public Task Development_profile_attribute_turns_production_rules_off() => SoraTest.VerifyAsync(
        Conf(", Demo = true, ApiPort = {|SORA0003:70000|}", attribute: "[GeneratedSoraConf(Profile = SoraConfProfile.Development)]").Replace("ApiLoopbackAddressOnly = true", "ApiLoopbackAddressOnly = false"));

    [Fact]
    public async Task Development_profile_msbuild_property_turns_production_rules_off()
    {
        var test = new SoraTest { TestCode = "using Sora.Config;\nclass C { SoraConf M() => new SoraConf { Demo = true }; }\n" };
        test.WithBuildProperty("SoraConfProfile", "Development");
        await test.RunAsync();
    }

    [Fact]
    public Task Ready_made_SoraConf_is_analyzed() => SoraTest.VerifyAsync(
        "using Sora.Config;\nclass C { SoraConf M() { SoraConf conf = {|SORA1001:{|SORA1002:{|SORA1004:{|SORA1008:new() { }|}|}|}|}; return conf; } }\n");

    [Fact]
    public Task Field_holder_assignments_in_the_same_method_count() => SoraTest.VerifyAsync(
        "using System.Net;\nusing Sora.Config;\nclass C\n{\n    SoraConf? conf;\n    void M()\n    {\n        conf = new SoraConf { " + Safe + " };\n        {|SORA1007:conf.Demo = true|};\n    }\n}\n");

    [Fact]
    public async Task Nothing_without_a_Sora_Config_reference()
    {
        var test = new SoraTest(withSoraConfig: false) { TestCode = "class ProductionConf { public bool? Demo { get; set; } }\nclass C { object M() => new ProductionConf { Demo = true }; }\n" };
        await test.RunAsync();
        var diagnostics = await Analysis.RunAsync("class C { object M() => new object(); }", withSoraConfig: false);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Messages_are_Japanese_under_ja_JP_and_carry_the_specifics()
    {
        var diagnostics = await Analysis.RunAsync(Conf(", ApiPort = 70000, Demo = true"));
        var port = Assert.Single(diagnostics, d => d.Id == "SORA0003");
        var japanese = port.GetMessage(new CultureInfo("ja-JP"));
        Assert.StartsWith("'api_port' の値が不正です: ", japanese);
        Assert.Contains("70000", japanese);
        Assert.Contains("0..65535", japanese);
        Assert.StartsWith("Invalid value for 'api_port': ", port.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains("70000", port.GetMessage(new CultureInfo("en-US")));
        // The same text the runtime's engine words for ja (one implementation).
        var settings = new[] { new KeyValuePair<string, string>("api_port", "70000") };
        using (SoraText.InCulture(new CultureInfo("ja-JP")))
        {
            Assert.Equal(Assert.Single(SoraRuleEngine.Evaluate(settings), f => f.RuleId == "SORA0003").Message, japanese);
        }
        var demo = Assert.Single(diagnostics, d => d.Id == "SORA1007");
        Assert.Equal("demo が true のため、Sora が同梱のデモページを配信します", demo.GetMessage(new CultureInfo("ja-JP")));
        Assert.Equal("デモページが有効", demo.Descriptor.Title.ToString(new CultureInfo("ja-JP")));
        Assert.Equal("Demo pages enabled", demo.Descriptor.Title.ToString(new CultureInfo("en-US")));
        Assert.Equal("https://github.com/sora-config/Sora.Config/blob/main/docs/rules/SORA1007.md", demo.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void Every_catalogue_rule_has_a_descriptor_that_matches_it()
    {
        var catalog = SoraCatalog.Default;
        Assert.Equal(Repo.AnalyzerRules.Select(r => r.Id).OrderBy(x => x), new SoraConfAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(x => x));
        foreach (var rule in Repo.AnalyzerRules)
        {
            var d = SoraDescriptors.ById[rule.Id];
            var severity = rule.DefaultSeverity switch { SoraConfSeverity.Error => DiagnosticSeverity.Error, SoraConfSeverity.Warning => DiagnosticSeverity.Warning, _ => DiagnosticSeverity.Info };
            Assert.Equal(severity, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault);
            var category = rule.Id[4] switch { '0' => "Sora.Config.Validity", '1' => "Sora.Config.Production", _ => "Sora.Config.Compatibility" };
            Assert.Equal(category, d.Category);
            Assert.Equal(SoraCatalog.HelpUriFor(rule.Id).AbsoluteUri, d.HelpLinkUri);
            Assert.Equal(rule.Title.English, d.Title.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(rule.Title.Japanese, d.Title.ToString(new CultureInfo("ja")));
            Assert.Equal(rule.Rationale.English, d.Description.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(rule.Rationale.Japanese, d.Description.ToString(new CultureInfo("ja-JP")));
        }
    }

    [Fact]
    public void Resx_files_hold_exactly_the_schema_titles_and_rationales()
    {
        var dir = Path.Combine(Repo.Root, "src", "Sora.Config.Analyzers");
        foreach (var (file, japanese) in new[] { ("Resources.resx", false), ("Resources.ja.resx", true) })
        {
            var data = XDocument.Load(Path.Combine(dir, file)).Root!.Elements("data").ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Element("value")!);
            var expected = new Dictionary<string, string> { ["MessageFormat"] = "{0}" };
            foreach (var rule in Repo.AnalyzerRules)
            {
                expected[rule.Id + "_Title"] = japanese ? rule.Title.Japanese : rule.Title.English;
                expected[rule.Id + "_Description"] = japanese ? rule.Rationale.Japanese : rule.Rationale.English;
            }
            Assert.Equal(expected.OrderBy(p => p.Key), data.OrderBy(p => p.Key));
        }
    }

    [Fact]
    public void Release_tracking_lists_every_rule_with_its_category_and_severity()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "src", "Sora.Config.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(Repo.Root, "src", "Sora.Config.Analyzers", "AnalyzerReleases.Shipped.md")))
            .Where(l => l.StartsWith("SORA", StringComparison.Ordinal)).Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
        foreach (var d in new SoraConfAnalyzer().SupportedDiagnostics)
        {
            var row = Assert.Single(lines, l => l[0] == d.Id);
            Assert.Equal(d.Category, row[1]);
            Assert.Equal(d.DefaultSeverity.ToString(), row[2]);
        }
        Assert.Equal(lines.Count, new SoraConfAnalyzer().SupportedDiagnostics.Length);
    }
}

internal static class Repo
{
    public static string Root { get; } = Find();

    /// <summary>The catalogue rules the analyzers report: all but the CLI's own checks of comments in a file
    /// (suppression comments, SORA0009) and of documentation placeholder values (SORA0010), which the runtime's
    /// engine and linter do not evaluate.</summary>
    public static IEnumerable<SoraRuleInfo> AnalyzerRules => SoraCatalog.Default.Rules.Where(r => r.Check.Kind is not ("suppression" or "placeholder"));

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sora.Config.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
