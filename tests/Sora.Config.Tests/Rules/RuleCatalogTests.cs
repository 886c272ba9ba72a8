using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Tests.Rules;

/// <summary>Every rule of the catalogue triggers on its bad example and not on its good one, and
/// the catalogue itself is complete (docs fields, IDs in their ranges, severities as the issue states).</summary>
public class RuleCatalogTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in SoraCatalog.Default.Rules) data.Add(rule.Id);
        return data;
    }

    /// <summary>The rules whose examples are sora.conf text: all but the deployment rules (SORA3xxx), whose examples are
    /// C# deployments and excerpts of their bundles (tests/Sora.Config.Deployment.Tests runs them).</summary>
    public static TheoryData<string> ConfRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in SoraCatalog.Default.Rules.Where(r => r.Scope != SoraRuleScope.Deployment)) data.Add(rule.Id);
        return data;
    }

    /// <summary>The rules the library's linter evaluates; `suppression` and `placeholder` belong to `sora-conf lint`,
    /// whose tests run their examples.</summary>
    public static TheoryData<string> LibraryRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in SoraCatalog.Default.Rules.Where(r => r.Check.Kind is not ("suppression" or "placeholder") && r.Scope != SoraRuleScope.Deployment)) data.Add(rule.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(LibraryRuleIds))]
    public void Bad_example_triggers_the_rule(string id)
    {
        var rule = SoraCatalog.Default.GetRule(id);
        var diagnostics = SoraConfLinter.Lint(SoraConfDocument.Parse(rule.GetExampleBytes(bad: true)));
        Assert.Contains(diagnostics, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(ConfRuleIds))]
    public void Good_example_does_not_trigger_the_rule(string id)
    {
        var rule = SoraCatalog.Default.GetRule(id);
        var diagnostics = SoraConfLinter.Lint(SoraConfDocument.Parse(rule.GetExampleBytes(bad: false)));
        Assert.DoesNotContain(diagnostics, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_documented_in_both_languages(string id)
    {
        var rule = SoraCatalog.Default.GetRule(id);
        foreach (var text in new[] { rule.Title, rule.Message, rule.Rationale, rule.Remediation })
        {
            Assert.False(string.IsNullOrWhiteSpace(text.English));
            Assert.False(string.IsNullOrWhiteSpace(text.Japanese));
        }
        Assert.Matches("^SORA[0-3][0-9]{3}$", id);
        // The ID range and the check's scope go together: SORA3xxx are exactly the deployment rules.
        Assert.Equal(id.StartsWith("SORA3", StringComparison.Ordinal), rule.Scope == SoraRuleScope.Deployment);
        Assert.Equal(id.StartsWith("SORA3", StringComparison.Ordinal), rule.Category == SoraRuleCategory.Deployment);
    }

    [Theory]
    [InlineData("SORA0001", SoraConfSeverity.Error)]
    [InlineData("SORA0002", SoraConfSeverity.Error)]
    [InlineData("SORA0003", SoraConfSeverity.Error)]
    [InlineData("SORA0004", SoraConfSeverity.Warning)]
    [InlineData("SORA0005", SoraConfSeverity.Warning)]
    [InlineData("SORA0006", SoraConfSeverity.Error)]
    [InlineData("SORA0007", SoraConfSeverity.Error)]
    [InlineData("SORA0008", SoraConfSeverity.Error)]
    [InlineData("SORA0009", SoraConfSeverity.Warning)]
    [InlineData("SORA0010", SoraConfSeverity.Warning)]
    [InlineData("SORA0011", SoraConfSeverity.Info)]
    [InlineData("SORA0012", SoraConfSeverity.Warning)]
    [InlineData("SORA1001", SoraConfSeverity.Warning)]
    [InlineData("SORA1002", SoraConfSeverity.Warning)]
    [InlineData("SORA1003", SoraConfSeverity.Warning)]
    [InlineData("SORA1004", SoraConfSeverity.Info)]
    [InlineData("SORA1005", SoraConfSeverity.Info)]
    [InlineData("SORA1006", SoraConfSeverity.Warning)]
    [InlineData("SORA1007", SoraConfSeverity.Warning)]
    [InlineData("SORA1008", SoraConfSeverity.Info)]
    [InlineData("SORA1009", SoraConfSeverity.Error)]
    [InlineData("SORA1010", SoraConfSeverity.Warning)]
    [InlineData("SORA1011", SoraConfSeverity.Warning)]
    [InlineData("SORA2001", SoraConfSeverity.Warning)]
    [InlineData("SORA2002", SoraConfSeverity.Warning)]
    [InlineData("SORA3001", SoraConfSeverity.Error)]
    [InlineData("SORA3002", SoraConfSeverity.Error)]
    [InlineData("SORA3003", SoraConfSeverity.Warning)]
    [InlineData("SORA3004", SoraConfSeverity.Error)]
    [InlineData("SORA3005", SoraConfSeverity.Error)]
    [InlineData("SORA3006", SoraConfSeverity.Info)]
    [InlineData("SORA3007", SoraConfSeverity.Warning)]
    [InlineData("SORA3008", SoraConfSeverity.Error)]
    [InlineData("SORA3009", SoraConfSeverity.Warning)]
    [InlineData("SORA3010", SoraConfSeverity.Error)]
    [InlineData("SORA3011", SoraConfSeverity.Info)]
    [InlineData("SORA3012", SoraConfSeverity.Warning)]
    [InlineData("SORA3013", SoraConfSeverity.Warning)]
    [InlineData("SORA3014", SoraConfSeverity.Error)]
    [InlineData("SORA3015", SoraConfSeverity.Warning)]
    [InlineData("SORA3016", SoraConfSeverity.Warning)]
    [InlineData("SORA3017", SoraConfSeverity.Warning)]
    [InlineData("SORA3020", SoraConfSeverity.Warning)]
    [InlineData("SORA3021", SoraConfSeverity.Warning)]
    [InlineData("SORA3022", SoraConfSeverity.Error)]
    [InlineData("SORA3023", SoraConfSeverity.Warning)]
    [InlineData("SORA3024", SoraConfSeverity.Error)]
    public void Default_severities_are_the_public_contract(string id, SoraConfSeverity severity)
    {
        Assert.Equal(severity, SoraCatalog.Default.GetRule(id).DefaultSeverity);
    }

    [Fact]
    public void Every_check_kind_of_the_schema_has_exactly_one_implementation()
    {
        Assert.Equal(Sora.Config.Schema.SchemaNames.CheckKinds.OrderBy(k => k, StringComparer.Ordinal), Sora.Config.Evaluation.Checks.CheckRegistry.Kinds.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(Sora.Config.Schema.SchemaNames.DeploymentCheckKinds, k => Assert.True(Sora.Config.Evaluation.Checks.CheckRegistry.TryGetDeployment(k, out _), k));
    }

    [Fact]
    public void Sora_conf_tools_never_report_deployment_rules()
    {
        // A sora.conf alone has no deployment: the linter and Validate() leave SORA3xxx to SoraDeploymentEvaluator.
        foreach (var rule in SoraCatalog.Default.Rules.Where(r => r.Scope == SoraRuleScope.Deployment))
        {
            Assert.DoesNotContain(SoraConfLinter.Lint(SoraConfDocument.Parse("turn_tls_port = 5349\nturn_tcp_listen_port = 443\n")), d => d.Id == rule.Id);
        }
        Assert.Contains(SoraCatalog.Default.Rules, r => r.Scope == SoraRuleScope.Deployment);
    }

    [Fact]
    public void Every_schema_default_is_a_valid_value_of_its_key()
    {
        foreach (var key in SoraCatalog.Default.Keys)
        {
            foreach (var value in new[] { key.Default }.Concat(key.DefaultBefore.Select(d => d.Value)))
            {
                if (value is null) continue;
                Assert.True(SoraValueCodec.TryParse(key, value, out _, out var error), $"{key.Name}: default '{value}' is invalid: {error}");
            }
        }
    }

    [Fact]
    public void Bundled_schema_loads_without_errors_through_tomlyn()
    {
        var dir = Path.Combine(RepoPaths.Root, "schema");
        var result = Sora.Config.Schema.Loading.SchemaLoader.Load(
            new[] { "versions.toml", "keys.toml", "rules.toml" }.Select(f => new Sora.Config.Schema.Loading.SchemaSource(Path.Combine(dir, f), File.ReadAllText(Path.Combine(dir, f)))));
        Assert.Empty(result.Errors);
        Assert.Equal(SoraCatalog.Default.Keys.Count, result.Schema.Keys.Count);
        Assert.Equal(SoraCatalog.Default.Rules.Count, result.Schema.Rules.Count);
    }
}
