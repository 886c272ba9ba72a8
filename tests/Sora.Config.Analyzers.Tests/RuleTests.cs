using static Sora.Config.Analyzers.Tests.Sources;

namespace Sora.Config.Analyzers.Tests;

/// <summary>Every catalogue rule that applies to C# values: triggers (exact span), does not trigger, fix.</summary>
public sealed class RuleTests
{
    [Fact]
    public Task SORA0003_port_out_of_range_at_the_value() => SoraTest.VerifyAsync(Conf(", ApiPort = {|SORA0003:70000|}"));

    [Fact]
    public Task SORA0003_ipv6_address_for_an_ipv4_key() => SoraTest.VerifyAsync(Conf(", TurnTcpListenPort = 3478", "        conf.Ipv4Address = {|SORA0003:IPAddress.Parse(\"2001:db8::1\")|};\n"));

    [Fact]
    public Task SORA0003_valid_values_do_not_trigger() => SoraTest.VerifyAsync(Conf(
        ", ApiPort = 3001, WebhookResponseTimeout = TimeSpan.FromSeconds(5), ConnectionUpdatedWebhookInterval = new TimeSpan(0, 1, 0), AuthWebhookUrl = new Uri(\"https://auth.sora.internal/sora\")"));

    /// <summary>A TimeSpan no unit of the key can write: the message shows it in the key's smallest unit, in the
    /// terms the user wrote, not as TimeSpan text.</summary>
    [Fact]
    public async Task SORA0003_a_TimeSpan_no_unit_can_write_is_shown_in_the_smallest_unit()
    {
        var findings = await Analysis.RunAsync(Conf(", WebhookResponseTimeout = TimeSpan.FromMilliseconds(1500.5)"));
        var finding = Assert.Single(findings, d => d.Id == "SORA0003");
        Assert.Contains("'1500.5 ms' is not an interval: '1500.5' is not a whole number", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task SORA0005_inline_comment_in_a_string_at_the_value() => SoraTest.VerifyAsync(Conf(", Label = {|SORA0005:\"edge-1 # tokyo\"|}"));

    [Fact]
    public Task SORA0005_does_not_trigger_without_a_hash() => SoraTest.VerifyAsync(Conf(", Label = \"edge-1\""));

    [Fact]
    public Task SORA1001_false_in_the_initializer() => SoraTest.VerifyAsync(
        Conf("").Replace("ApiLoopbackAddressOnly = true", "{|SORA1001:ApiLoopbackAddressOnly = false|}"));

    [Fact]
    public Task SORA1001_fix_sets_true() => SoraTest.VerifyFixAsync(
        Conf("").Replace("ApiLoopbackAddressOnly = true", "{|SORA1001:ApiLoopbackAddressOnly = false|}"),
        Conf(""));

    [Fact]
    public Task SORA1001_in_a_later_assignment_and_its_fix() => SoraTest.VerifyFixAsync(
        Conf("", "        {|SORA1001:conf.ApiLoopbackAddressOnly = false|};\n"),
        Conf("", "        conf.ApiLoopbackAddressOnly = true;\n"));

    [Fact]
    public Task SORA1001_never_set_fix_adds_the_property_to_the_initializer() => SoraTest.VerifyFixAsync(
        Conf("").Replace("new ProductionConf { ApiLoopbackAddressOnly = true, ", "{|SORA1001:new ProductionConf { ").Replace("\" };", "\" }|};"),
        Conf("").Replace("ApiLoopbackAddressOnly = true, ", "").Replace("\" };", "\", ApiLoopbackAddressOnly = true };"));

    [Fact]
    public Task SORA1001_unknown_value_does_not_trigger() => SoraTest.VerifyAsync(Conf("", "        conf.ApiLoopbackAddressOnly = flag;\n"));

    [Fact]
    public Task SORA1002_false_and_fix() => SoraTest.VerifyFixAsync(
        Conf("").Replace("SignalingLoopbackAddressOnly = true", "{|SORA1002:SignalingLoopbackAddressOnly = false|}"),
        Conf(""));

    /// <summary>SORA1003 needs turn_fqdn unset too, so SORA1008 (TURN without turn_fqdn) fires at the creation as well.</summary>
    private static string WithoutTurnFqdn(string source) => source
        .Replace(", TurnFqdn = \"turn.sora.internal\"", "")
        .Replace("new ProductionConf {", "{|SORA1008:new ProductionConf {")
        .Replace(" };\n", " }|};\n");

    [Fact]
    public Task SORA1003_turn_tls_without_host_name() => SoraTest.VerifyAsync(WithoutTurnFqdn(Conf(", {|SORA1003:TurnTls = true|}")));

    [Fact]
    public Task SORA1003_does_not_trigger_with_a_host_name() => SoraTest.VerifyAsync(WithoutTurnFqdn(Conf(", TurnTls = true, TurnTlsFqdn = \"turns.sora.internal\"")));

    [Fact]
    public Task SORA1003_does_not_trigger_with_turn_fqdn() => SoraTest.VerifyAsync(Conf(", TurnTls = true"));

    [Fact]
    public Task SORA1003_fix_adds_TurnTlsFqdn_after_TurnTls() => SoraTest.VerifyFixAsync(
        WithoutTurnFqdn(Conf(", {|SORA1003:TurnTls = true|}, Label = \"edge\"")),
        // The placeholder is selected for renaming, and reported until it is replaced.
        WithoutTurnFqdn(Conf(", TurnTls = true, TurnTlsFqdn = {|SORA0010:\"host.example.com\"|}, Label = \"edge\"")),
        equivalenceKey: "SoraConf.Set.TurnTlsFqdn");

    [Fact]
    public Task SORA1003_fix_adds_a_statement_after_an_assignment() => SoraTest.VerifyFixAsync(
        WithoutTurnFqdn(Conf("", "        {|SORA1003:conf.TurnTls = true|};\n")),
        WithoutTurnFqdn(Conf("", "        conf.TurnTls = true;\n        conf.TurnTlsFqdn = {|SORA0010:\"host.example.com\"|};\n")),
        equivalenceKey: "SoraConf.Set.TurnTlsFqdn");

    [Fact]
    public Task SORA1003_fix_turns_TurnTls_off() => SoraTest.VerifyFixAsync(
        WithoutTurnFqdn(Conf(", {|SORA1003:TurnTls = true|}")),
        WithoutTurnFqdn(Conf(", TurnTls = false")),
        equivalenceKey: "SoraConf.Set.TurnTls=false");

    [Fact]
    public Task SORA1004_unknown_address_is_not_reported_as_not_set() => SoraTest.VerifyAsync(
        Conf("").Replace("Ipv4Address = IPAddress.Parse(\"10.0.0.10\")", "Ipv4Address = address"));

    [Fact]
    public Task SORA1004_not_set_at_the_creation() => SoraTest.VerifyAsync(
        Conf("").Replace(", Ipv4Address = IPAddress.Parse(\"10.0.0.10\")", "").Replace("new ProductionConf {", "{|SORA1004:new ProductionConf {").Replace("\" };", "\" }|};"));

    [Fact]
    public Task SORA1005_ipv6_and_fix() => SoraTest.VerifyFixAsync(Conf(", {|SORA1005:Ipv6 = true|}"), Conf(", Ipv6 = false"), index: 0);

    [Fact]
    public Task SORA1006_plain_http_webhook() => SoraTest.VerifyAsync(Conf(", AuthWebhookUrl = {|SORA1006:new Uri(\"http://auth.sora.internal/sora\")|}"));

    [Fact]
    public Task SORA1006_https_or_loopback_does_not_trigger() => SoraTest.VerifyAsync(
        Conf(", AuthWebhookUrl = new Uri(\"https://auth.sora.internal/sora\"), SessionWebhookUrl = new Uri(\"http://127.0.0.1:8080/s\"), EventWebhookUrl = uri"));

    [Fact]
    public Task SORA1007_demo_set_false() => SoraTest.VerifyFixAsync(Conf(", {|SORA1007:Demo = true|}"), Conf(", Demo = false"), equivalenceKey: "SoraConf.Set.Demo=false");

    [Fact]
    public Task SORA1007_demo_remove_the_assignment() => SoraTest.VerifyFixAsync(Conf(", {|SORA1007:Demo = true|}"), Conf(""), equivalenceKey: "SoraConf.RemoveAssignment.Demo");

    [Fact]
    public Task SORA1007_remove_a_statement() => SoraTest.VerifyFixAsync(
        Conf("", "        {|SORA1007:conf.Demo = true|};\n"),
        Conf(""),
        equivalenceKey: "SoraConf.RemoveAssignment.Demo");

    [Fact]
    public Task SORA1007_demo_false_does_not_trigger() => SoraTest.VerifyAsync(Conf(", Demo = false"));

    [Fact]
    public Task SORA1008_turn_without_fqdn_at_the_creation() => SoraTest.VerifyAsync(
        Conf("").Replace(", TurnFqdn = \"turn.sora.internal\"", "").Replace("new ProductionConf {", "{|SORA1008:new ProductionConf {").Replace(" };", " }|};"));

    [Fact]
    public Task SORA1008_turn_off_does_not_trigger() => SoraTest.VerifyAsync(Conf(", Turn = false").Replace(", TurnFqdn = \"turn.sora.internal\"", ""));

    [Fact]
    public Task SORA1009_port_collision_at_the_value() => SoraTest.VerifyAsync(Conf(", ApiPort = {|SORA1009:5000|}"));

    [Fact]
    public Task SORA1009_distinct_ports_do_not_trigger() => SoraTest.VerifyAsync(Conf(", ApiPort = 3000, SignalingPort = 5000"));

    [Fact]
    public Task SORA1009_unknown_port_does_not_trigger() => SoraTest.VerifyAsync(Conf(", SignalingPort = 5000", "        conf.ApiPort = flag ? 5000 : 3000;\n"));

    [Fact]
    public Task SORA1010_auth_webhook_log_and_fix() => SoraTest.VerifyFixAsync(Conf(", {|SORA1010:AuthWebhookLog = false|}"), Conf(", AuthWebhookLog = true"), index: 0);

    [Fact]
    public Task SORA1011_skip_redact_and_fix() => SoraTest.VerifyFixAsync(Conf(", {|SORA1011:SkipRedactSensitiveData = true|}"), Conf(", SkipRedactSensitiveData = false"), index: 0);

    [Fact]
    public Task SORA1012_webhook_insecure_and_fix() => SoraTest.VerifyFixAsync(Conf(", {|SORA1012:WebhookInsecure = true|}"), Conf(", WebhookInsecure = false"), index: 0);

    [Fact]
    public Task SORA1013_cors_origin() => SoraTest.VerifyAsync(Conf(", {|SORA1013:ApiCorsOrigin = new Uri(\"http://127.0.0.1:5000\")|}"));

    [Fact]
    public Task SORA1013_not_set_does_not_trigger() => SoraTest.VerifyAsync(Conf(", ApiCorsOrigin = null"));

    [Fact]
    public Task SORA2002_legacy_switch() => SoraTest.VerifyAsync(Conf(", {|SORA2002:LegacySignalingError = true|}"));

    [Fact]
    public Task SORA2002_legacy_switch_with_an_unknown_but_non_null_value() => SoraTest.VerifyAsync(Conf("", "        {|SORA2002:conf.LegacySignalingError = flag|};\n"));

    [Fact]
    public Task SORA2002_maybe_null_value_is_not_reported() => SoraTest.VerifyAsync(Conf("", "        conf.LegacySignalingError = maybe;\n"));
}
