using Sora.Config.Deployment;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Tests.Deployment;

/// <summary>The deployment rules on facts such as a parser of operators' files gives (issue 13): the cases a typed model
/// cannot produce (a loopback upstream, a unit without LimitNOFILE), findings located in those files, and suppression
/// comments in them.</summary>
public class FactsRuleTests
{
    private static readonly SoraFactSource Nginx = new("/etc/nginx/nginx.conf", 30, 17, 31);

    /// <summary>The facts of the guide's layout, as read from files: clean.</summary>
    private static SoraDeploymentFacts Facts(string conf = "ipv4_address = 10.0.10.10\nturn_tcp_port = 443\nturn_tls = true\nturn_tls_fqdn = sora-turns.sora.internal\nturn_tls_port = 443\napi_loopback_address_only = true\nsignaling_loopback_address_only = true\n")
    {
        var host = new SoraHostFacts(SoraConfDocument.Parse(conf, "/home/sora/sora/etc/sora.conf"));
        var nginx = new SoraNginxFacts
        {
            Version = new SoraFact<Version>(new Version(1, 22, 1)),
            PrereadPort = new SoraFact<int>(443, new SoraFactSource("/etc/nginx/nginx.conf", 20)),
            DefaultRoute = new SoraFact<SoraEndpoint>(new SoraEndpoint("10.0.10.10", 3478), Nginx),
            TurnTlsUpstream = new SoraFact<SoraEndpoint>(new SoraEndpoint("10.0.10.10", 3478), new SoraFactSource("/etc/nginx/nginx.conf", 40, 20)),
            SignalingUpstream = new SoraFact<SoraEndpoint>(new SoraEndpoint("127.0.0.1", 5000)),
        };
        nginx.ListenPorts.Add(nginx.PrereadPort);
        nginx.SniRoutes.Add(new SoraSniRoute(new SoraFact<string>("sora.sora.internal", new SoraFactSource("/etc/nginx/nginx.conf", 28)), SoraSniTarget.Signaling));
        nginx.SniRoutes.Add(new SoraSniRoute(new SoraFact<string>("sora-turns.sora.internal", new SoraFactSource("/etc/nginx/nginx.conf", 29)), SoraSniTarget.TurnTls));
        host.Nginx = nginx;
        host.MaxConnections = new SoraFact<long>(2000);
        var unit = new SoraUnitFacts("/etc/systemd/system/sora.service");
        unit.Settings.Add(new SoraUnitSetting("Service", "User", "sora", new SoraFactSource(unit.Path, 9)));
        unit.Settings.Add(new SoraUnitSetting("Service", "LimitNOFILE", "65536", new SoraFactSource(unit.Path, 12)));
        unit.Settings.Add(new SoraUnitSetting("Service", "ExecStart", "/home/sora/sora/bin/sora foreground", new SoraFactSource(unit.Path, 10)));
        unit.Settings.Add(new SoraUnitSetting("Service", "Restart", "on-failure", new SoraFactSource(unit.Path, 11)));
        host.Unit = unit;
        var facts = new SoraDeploymentFacts();
        facts.Hosts.Add(host);
        return facts;
    }

    private static List<SoraConfDiagnostic> Run(SoraDeploymentFacts facts) => SoraDeploymentEvaluator.Evaluate(facts).ToList();

    [Fact]
    public void The_guide_layout_read_from_files_is_clean() => Assert.Empty(Run(Facts()));

    [Theory]
    [InlineData("127.0.0.1", 3478, "a loopback address: Firefox then fails")]
    [InlineData("localhost", 3478, "a loopback address")]
    [InlineData("10.0.10.11", 3478, "but Sora listens for TURN-TCP on 10.0.10.10:3478")]
    [InlineData("10.0.10.10", 3479, "but Sora listens for TURN-TCP on 10.0.10.10:3478")]
    public void A_TURN_TCP_upstream_other_than_ipv4_address_and_the_listen_port_is_an_error_at_its_line(string host, int port, string says)
    {
        var facts = Facts();
        facts.Hosts[0].Nginx!.DefaultRoute = new SoraFact<SoraEndpoint>(new SoraEndpoint(host, port), Nginx);
        var f = Assert.Single(Run(facts));
        Assert.Equal(("SORA3001", SoraConfSeverity.Error, "/etc/nginx/nginx.conf", 30, 17, 31), (f.Id, f.Severity, f.Path!, f.Line, f.Column, f.EndColumn));
        Assert.Contains(says, f.GetMessage(null));
    }

    [Fact]
    public void A_TURN_TLS_host_without_its_SNI_route_is_an_error()
    {
        var facts = Facts();
        facts.Hosts[0].Nginx!.SniRoutes.RemoveAt(1);
        var f = Assert.Single(Run(facts));
        Assert.Equal(("SORA3004", "turn_tls_fqdn", "/home/sora/sora/etc/sora.conf", 4), (f.Id, f.Key!, f.Path!, f.Line));
    }

    [Fact]
    public void A_certificate_that_does_not_name_a_routed_host_is_an_error_and_one_not_read_is_said()
    {
        var facts = Facts();
        var routes = facts.Hosts[0].Nginx!.SniRoutes;
        var cert = new SoraCertificateFacts(new SoraFact<string>("/etc/ssl/sora.pem"), new[] { "sora.sora.internal", "*.other.internal" });
        var turns = routes[1];
        routes[0] = new SoraSniRoute(routes[0].ServerName, SoraSniTarget.Signaling, cert);
        routes[1] = new SoraSniRoute(turns.ServerName, SoraSniTarget.TurnTls, cert);
        var f = Assert.Single(Run(facts));
        Assert.Equal(("SORA3005", 29), (f.Id, f.Line));
        Assert.Contains("does not cover sora-turns.sora.internal (TURN-TLS)", f.GetMessage(null));
        Assert.Contains("it names sora.sora.internal, *.other.internal", f.GetMessage(null));

        routes[1] = new SoraSniRoute(turns.ServerName, SoraSniTarget.TurnTls, new SoraCertificateFacts(new SoraFact<string>("/etc/ssl/wild.pem"), new[] { "*.sora.internal" }));
        Assert.Empty(Run(facts));
        routes[1] = new SoraSniRoute(turns.ServerName, SoraSniTarget.TurnTls, new SoraCertificateFacts(new SoraFact<string>("/etc/ssl/gone.pem"), null, "the file does not exist here"));
        var unchecked_ = Assert.Single(Run(facts));
        Assert.Equal(("SORA3006", SoraConfSeverity.Info), (unchecked_.Id, unchecked_.Severity));
        Assert.Contains("/etc/ssl/gone.pem was not checked (the file does not exist here)", unchecked_.GetMessage(null));
    }

    [Theory]
    [InlineData(null, "SORA3008", "LimitNOFILE is not set, so Sora runs with systemd's default soft limit of 1024")]
    [InlineData("lots", "SORA3008", "LimitNOFILE=lots is not a limit systemd reads")]
    [InlineData("4096", "SORA3008", "4096")]
    [InlineData("1024:524288", "SORA3008", "a soft limit of 1024")]
    [InlineData("infinity", "SORA3009", "unbounded or above 1048576")]
    [InlineData("1048577", "SORA3009", "unbounded or above 1048576")]
    [InlineData("65536:4096", "SORA3009", "soft limit above the hard one")]
    public void The_units_file_limit_is_read_as_systemd_reads_it(string? limit, string id, string says)
    {
        var facts = Facts();
        var unit = facts.Hosts[0].Unit!;
        unit.Settings.RemoveAt(1);
        if (limit != null) unit.Settings.Add(new SoraUnitSetting("Service", "LimitNOFILE", limit, new SoraFactSource(unit.Path, 12)));
        var f = Assert.Single(Run(facts));
        Assert.Equal(id, f.Id);
        Assert.Contains(says, f.GetMessage(null));
        Assert.Equal(unit.Path, f.Path);
    }

    [Fact]
    public void LimitNOFILE_in_the_wrong_section_counts_as_not_set()
    {
        var facts = Facts();
        var unit = facts.Hosts[0].Unit!;
        unit.Settings.RemoveAt(1);
        unit.Settings.Add(new SoraUnitSetting("Unit", "LimitNOFILE", "65536"));
        Assert.Equal("SORA3008", Assert.Single(Run(facts)).Id);
    }

    [Fact]
    public void A_unit_without_User_runs_Sora_as_root()
    {
        var facts = Facts();
        facts.Hosts[0].Unit!.Settings.RemoveAt(0);
        var f = Assert.Single(Run(facts));
        Assert.Equal(("SORA3016", "/etc/systemd/system/sora.service", 0), (f.Id, f.Path!, f.Line));
    }

    [Fact]
    public void Sysctl_keys_set_twice_with_different_values_are_reported_at_the_second()
    {
        var facts = Facts();
        var sysctl = facts.Hosts[0].Sysctl;
        sysctl.Add(new SoraSysctlSetting("net.core.rmem_max", "26214400", new SoraFactSource("/etc/sysctl.d/99-sora.conf", 3)));
        sysctl.Add(new SoraSysctlSetting("net.core.rmem_max", "26214400", new SoraFactSource("/etc/sysctl.d/99-sora.conf", 4)));
        Assert.Empty(Run(facts));
        sysctl.Add(new SoraSysctlSetting("net.core.rmem_max", "212992", new SoraFactSource("/etc/sysctl.d/99-sora.conf", 5)));
        var f = Assert.Single(Run(facts));
        Assert.Equal(("SORA3017", 5), (f.Id, f.Line));
        sysctl.Add(new SoraSysctlSetting("net.ipv4.udp_mem", "1 2", new SoraFactSource("/etc/sysctl.d/99-sora.conf", 6)));
        Assert.Equal(2, Run(facts).Count(x => x.Id == "SORA3017"));
    }

    [Fact]
    public void A_Sora_listener_on_a_port_nginx_owns_is_an_error()
    {
        var facts = Facts("ipv4_address = 10.0.10.10\nturn_tcp_port = 443\nturn_tls = true\nturn_tls_fqdn = sora-turns.sora.internal\nturn_tls_port = 443\napi_loopback_address_only = true\nsignaling_loopback_address_only = true\napi_port = 8443\n");
        facts.Hosts[0].Nginx!.ListenPorts.Add(new SoraFact<int>(8443));
        var f = Assert.Single(Run(facts));
        Assert.Equal(("SORA3014", "api_port", 8), (f.Id, f.Key!, f.Line));
        Assert.Contains("api_port includes port 8443, which nginx listens on", f.GetMessage(null));
    }

    [Fact]
    public void Suppression_comments_of_the_files_suppress_the_finding_on_their_line_with_the_reason()
    {
        var facts = Facts();
        facts.Hosts[0].Nginx!.DefaultRoute = new SoraFact<SoraEndpoint>(new SoraEndpoint("127.0.0.1", 3478), Nginx);
        facts.Suppressions.Add(new SoraFactSuppression("/etc/nginx/nginx.conf", 30, new[] { "SORA3001" }, "test rig without Firefox"));
        var result = SoraDeploymentEvaluator.Analyze(facts);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("test rig without Firefox", Assert.Single(result.Suppressed).Reason);
        // No reason, another line or another rule: nothing is suppressed.
        foreach (var other in new[] { new SoraFactSuppression("/etc/nginx/nginx.conf", 30, new[] { "SORA3001" }, " "), new SoraFactSuppression("/etc/nginx/nginx.conf", 31, new[] { "SORA3001" }, "x"), new SoraFactSuppression("/etc/nginx/nginx.conf", 30, new[] { "SORA3002" }, "x") })
        {
            facts.Suppressions.Clear();
            facts.Suppressions.Add(other);
            Assert.Single(SoraDeploymentEvaluator.Evaluate(facts));
        }
        // Off when the options say so.
        facts.Suppressions.Clear();
        facts.Suppressions.Add(new SoraFactSuppression("/etc/nginx/nginx.conf", 30, new[] { "SORA3001" }, "x"));
        Assert.Single(SoraDeploymentEvaluator.Evaluate(facts, new SoraConfEvaluationOptions { InlineSuppressions = false }));
    }

    [Fact]
    public void A_sora_conf_suppression_comment_suppresses_a_deployment_finding_on_its_key()
    {
        var text = "ipv4_address = 10.0.10.10\nturn_tcp_port = 443\nturn_tls = true\nturn_tls_fqdn = sora-turns.sora.internal\n# sora-conf-disable-next-line SORA3002 -- TURN-TLS goes through a load balancer on 5349\nturn_tls_port = 5349\napi_loopback_address_only = true\nsignaling_loopback_address_only = true\n";
        var result = SoraDeploymentEvaluator.Analyze(Facts(text));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(("SORA3002", 6), (Assert.Single(result.Suppressed).Diagnostic.Id, result.Suppressed[0].Diagnostic.Line));
    }

    [Fact]
    public void Rules_whose_facts_are_unknown_do_not_run()
    {
        var facts = Facts();
        facts.Hosts[0].Nginx = null;
        facts.Hosts[0].Unit = null;
        facts.Hosts[0].MaxConnections = null;
        Assert.Empty(Run(facts));
        var bare = new SoraDeploymentFacts();
        bare.Hosts.Add(new SoraHostFacts(SoraConfDocument.Parse("")));
        Assert.Empty(Run(bare));
    }

    [Theory]
    [InlineData("10.0.0.1:3478", "10.0.0.1", 3478)]
    [InlineData("[2001:db8::1]:443", "2001:db8::1", 443)]
    [InlineData("localhost:80", "localhost", 80)]
    public void Endpoints_parse(string text, string host, int port)
    {
        Assert.True(SoraEndpoint.TryParse(text, out var e));
        Assert.Equal((host, port), (e!.Host, e.Port));
        Assert.Equal(text, e.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.1")]
    [InlineData("2001:db8::1:443")]
    [InlineData("host:99999")]
    [InlineData("host:")]
    public void Not_endpoints_do_not_parse(string text) => Assert.False(SoraEndpoint.TryParse(text, out _));
}
