namespace Sora.Config.Tests.Rules;

/// <summary>Production and version rules on effective values: positions, cross-key conditions,
/// profiles, severity overrides and targeted versions.</summary>
public class ProductionRuleTests
{
    private const string Safe =
        "api_loopback_address_only = true\n" +
        "signaling_loopback_address_only = true\n" +
        "ipv4_address = 10.0.0.10\n" +
        "turn_fqdn = turn.sora.internal\n" +
        "turn_tls = true\n" +
        "turn_tls_fqdn = turns.sora.internal\n" +
        "turn_tcp_listen_port = 3478\n" +
        "turn_tcp_port = 443\n" +
        "turn_tls_port = 443\n" +
        "auth_webhook_url = https://auth.sora.internal/sora\n";

    private static IReadOnlyList<SoraConfDiagnostic> Lint(string text, SoraConfEvaluationOptions? options = null) =>
        SoraConfLinter.Lint(SoraConfDocument.Parse(text, "sora.conf"), options);

    [Fact]
    public void Production_guide_configuration_has_no_findings()
    {
        Assert.Empty(Lint(Safe));
    }

    [Fact]
    public void Empty_file_reports_the_defaults_that_are_unsafe()
    {
        var ids = Lint("").Select(d => d.Id).ToArray();
        Assert.Equal(new[] { "SORA1001", "SORA1002", "SORA1004", "SORA1008" }, ids.OrderBy(x => x, StringComparer.Ordinal));
        Assert.All(Lint(""), d => Assert.Equal(0, d.Line));
    }

    [Fact]
    public void Finding_on_a_written_key_spans_the_line()
    {
        var d = Assert.Single(Lint(Safe.Replace("api_loopback_address_only = true", "api_loopback_address_only = false")), x => x.Id == "SORA1001");
        Assert.Equal((1, 1, 1, 34), (d.Line, d.Column, d.EndLine, d.EndColumn));
        Assert.Equal("api_loopback_address_only", d.Key);
        Assert.Contains("false", d.Message);
    }

    [Fact]
    public void Finding_on_an_unset_key_points_at_its_commented_template_line()
    {
        var d = Assert.Single(Lint("# A sample\n# api_loopback_address_only = true\n" + Safe.Replace("api_loopback_address_only = true\n", "")), x => x.Id == "SORA1001");
        Assert.Equal(2, d.Line);
    }

    [Fact]
    public void Turn_tls_without_any_host_name_is_reported_and_turn_fqdn_alone_is_enough()
    {
        Assert.Contains(Lint("turn_tls = true\n"), d => d.Id == "SORA1003" && d.Line == 1);
        Assert.DoesNotContain(Lint("turn_tls = true\nturn_fqdn = turn.sora.internal\n"), d => d.Id == "SORA1003");
        Assert.DoesNotContain(Lint("turn = false\nturn_tls = true\n"), d => d.Id == "SORA1003");
    }

    [Theory]
    [InlineData("http://hooks.sora.internal/a", true)]
    [InlineData("http://10.0.0.5/a", true)]
    [InlineData("http://127.0.0.1:8080/a", false)]
    [InlineData("http://localhost/a", false)]
    [InlineData("http://[::1]:8080/a", false)]
    [InlineData("https://hooks.sora.internal/a", false)]
    public void Plain_http_only_to_loopback(string url, bool reported)
    {
        var diagnostics = Lint($"event_webhook_url = {url}\n");
        Assert.Equal(reported, diagnostics.Any(d => d.Id == "SORA1006" && d.Key == "event_webhook_url" && d.Column == 21));
    }

    [Fact]
    public void Port_collisions_cover_api_signaling_turn_and_cluster_range()
    {
        Assert.Contains(Lint("api_port = 5000\n"), d => d.Id == "SORA1009" && d.Key == "api_port" && d.Message.Contains("signaling_port"));
        Assert.Contains(Lint("signaling_port = 3478\n"), d => d.Id == "SORA1009");
        Assert.DoesNotContain(Lint("signaling_port = 3478\nturn_tcp = false\n"), d => d.Id == "SORA1009");
        Assert.Contains(Lint("cluster = true\napi_port = 49015\n"), d => d.Id == "SORA1009" && d.Message.Contains("cluster_listen_min_port"));
        Assert.DoesNotContain(Lint("api_port = 49015\n"), d => d.Id == "SORA1009");
    }

    [Fact]
    public void Development_profile_turns_production_rules_off_but_keeps_file_errors()
    {
        var options = new SoraConfEvaluationOptions { Profile = SoraConfProfile.Development };
        var ids = Lint("demo = true\napi_port = x\n", options).Select(d => d.Id).ToArray();
        Assert.Equal(new[] { "SORA0003" }, ids);
    }

    [Fact]
    public void Changing_the_default_options_affects_no_other_caller()
    {
        SoraConfEvaluationOptions.Default.Profile = SoraConfProfile.Development;
        Assert.Equal(SoraConfProfile.Production, SoraConfEvaluationOptions.Default.Profile);
        Assert.Contains(Lint("demo = true\n"), d => d.Id == "SORA1007");
    }

    [Fact]
    public void Severity_overrides_change_or_turn_off_a_rule()
    {
        var options = new SoraConfEvaluationOptions
        {
            Severities = new Dictionary<string, SoraConfSeverity?> { ["SORA1007"] = SoraConfSeverity.Error, ["SORA1004"] = null },
        };
        var diagnostics = Lint("demo = true\n", options);
        Assert.Equal(SoraConfSeverity.Error, Assert.Single(diagnostics, d => d.Id == "SORA1007").Severity);
        Assert.DoesNotContain(diagnostics, d => d.Id == "SORA1004");
    }

    [Fact]
    public void Key_removed_in_the_targeted_version_is_reported_and_ignored()
    {
        var newest = Lint("e2ee = true\n");
        var d = Assert.Single(newest, x => x.Id == "SORA2001");
        Assert.Contains("2024.2", d.Message);
        Assert.DoesNotContain(Lint("e2ee = true\n", new SoraConfEvaluationOptions { SoraVersion = "2024.1" }), x => x.Id == "SORA2001");
    }

    [Fact]
    public void Key_added_after_the_targeted_version_is_reported()
    {
        var d = Assert.Single(Lint("data_channel_rpc = true\n", new SoraConfEvaluationOptions { SoraVersion = "2025.1" }), x => x.Id == "SORA2001");
        Assert.Contains("2025.2", d.Message);
        Assert.DoesNotContain(Lint("data_channel_rpc = true\n"), x => x.Id == "SORA2001");
    }

    [Fact]
    public void Legacy_switch_is_reported_as_deprecated()
    {
        Assert.Contains(Lint("legacy_recording = false\n", new SoraConfEvaluationOptions { SoraVersion = "2024.2" }), x => x.Id == "SORA2002");
    }

    [Fact]
    public void Defaults_follow_the_targeted_version()
    {
        Assert.True(SoraCatalog.Default.TryGetKey("legacy_recording", out var key));
        Assert.Equal("true", key.DefaultFor("2024.1"));
        Assert.Equal("false", key.DefaultFor("2024.2"));
    }

    [Fact]
    public void Invalid_value_takes_part_in_no_rule()
    {
        var diagnostics = Lint("api_loopback_address_only = yes\n");
        Assert.Contains(diagnostics, d => d.Id == "SORA0003");
        Assert.DoesNotContain(diagnostics, d => d.Id == "SORA1001");
    }

    [Fact]
    public void Japanese_messages_under_the_ja_ui_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("ja-JP");
            var d = Assert.Single(Lint("demo = true\n"), x => x.Id == "SORA1007");
            Assert.Contains("デモページ", d.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
