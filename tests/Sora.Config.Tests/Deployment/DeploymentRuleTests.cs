using System.Net;
using Sora.Config.Deployment;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Tests.Deployment;

/// <summary>The deployment rules (SORA3xxx) on typed deployments: a clean one has none, and each rule is triggered by the
/// change it is about, with its finding placed in the bundle file it concerns. The rules' own C# examples run in
/// tests/Sora.Config.Deployment.Tests; hand-built facts (what a parser of operators' files gives) are in FactsRuleTests.</summary>
public class DeploymentRuleTests
{
    [Fact]
    public void The_guide_layout_has_no_deployment_finding_but_the_unread_certificate()
    {
        var findings = Models.DeploymentFindings(Models.Host());
        var only = Assert.Single(findings);
        Assert.Equal("SORA3006", only.Id);
        Assert.Equal(SoraConfSeverity.Info, only.Severity);
        Assert.Contains("/etc/ssl/sora/fullchain.pem was not checked", only.GetMessage(null));
        Assert.Equal("nginx/nginx.conf", only.Path);
        Assert.Empty(Models.Ids(Models.Cluster(3)));
    }

    public static TheoryData<string, string> Triggers() => new()
    {
        { "SORA3001", "ipv4_address unset" },
        { "SORA3002", "turn_tls_port 5349" },
        { "SORA3002", "turn_tls_port unset" },
        { "SORA3003", "turn_tcp_port 3478" },
        { "SORA3003", "turn_tls off" },
        { "SORA3004", "same host names" },
        { "SORA3007", "20000 connections" },
        { "SORA3008", "LimitNOFILE 1024" },
        { "SORA3009", "LimitNOFILE 4194304" },
        { "SORA3010", "nginx 1.10.3" },
        { "SORA3011", "nginx 1.18.0" },
        { "SORA3012", "signaling on every address" },
        { "SORA3012", "API on every address" },
        { "SORA3013", "API without authentication" },
        { "SORA3014", "TURN-TCP listener on 443" },
        { "SORA3015", "example.com signaling host" },
        { "SORA3016", "root" },
        { "SORA3017", "rmem_default above rmem_max" },
        { "SORA3017", "udp_mem descending" },
        { "SORA3001", "turn_tcp off" },
    };

    private static SoraDeployment Variant(string change)
    {
        var conf = Models.Conf();
        var d = Models.Host(conf);
        switch (change)
        {
            case "ipv4_address unset": conf.Ipv4Address = null; break;
            case "turn_tls_port 5349": conf.TurnTlsPort = 5349; break;
            case "turn_tls_port unset": conf.TurnTlsPort = null; break;
            case "turn_tcp_port 3478": conf.TurnTcpPort = 3478; break;
            case "turn_tls off": conf.TurnTls = false; break;
            case "same host names": conf.TurnTlsFqdn = "sora.sora.internal"; break;
            case "20000 connections": d.MaxConnections = 20000; break;
            case "LimitNOFILE 1024": d.FileDescriptorLimit = 1024; break;
            case "LimitNOFILE 4194304": d.FileDescriptorLimit = 4194304; break;
            case "nginx 1.10.3": d.NginxVersion = new Version(1, 10, 3); break;
            case "nginx 1.18.0": d.NginxVersion = new Version(1, 18, 0); break;
            case "signaling on every address": conf.SignalingLoopbackAddressOnly = false; break;
            case "API on every address": conf.ApiLoopbackAddressOnly = null; break;
            case "API without authentication": d.Api = new SoraApiProxy(); break;
            case "TURN-TCP listener on 443": conf.TurnTcpListenPort = 443; break;
            case "example.com signaling host": d.SignalingHost = "sora.example.com"; break;
            case "root": d.User = "root"; break;
            case "rmem_default above rmem_max": d.Kernel = new SoraKernelTuning { ReceiveBufferDefault = 33554432 }; break;
            case "udp_mem descending": d.Kernel = new SoraKernelTuning { UdpMemory = new SoraUdpMemory(262144, 131072, 65536) }; break;
            case "turn_tcp off": conf.TurnTcp = false; break;
            default: throw new ArgumentException(change);
        }
        return d;
    }

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Each_rule_is_triggered_by_the_change_it_is_about(string id, string change)
    {
        var findings = Models.DeploymentFindings(Variant(change));
        var finding = Assert.Single(findings, f => f.Id == id);
        // Placed in the bundle: a file of it, and a line unless it is about a sora.conf key that is not written.
        var bundle = Variant(change).Render();
        Assert.Contains(finding.Path, bundle.Files.Keys);
        bool unwritten = finding.Key != null && !bundle.Files["sora.conf"].Contains(finding.Key + " = ");
        Assert.True(finding.Line > 0 || (unwritten && finding.Path == "sora.conf"), finding.ToString());
        Assert.DoesNotContain("{", finding.GetMessage(null));
        Assert.DoesNotContain("{", finding.GetMessage(new System.Globalization.CultureInfo("ja")));
        Assert.NotEqual(finding.GetMessage(null), finding.GetMessage(new System.Globalization.CultureInfo("ja")));
    }

    [Fact]
    public void A_finding_about_sora_conf_is_on_the_key_line_of_the_bundle_sora_conf()
    {
        var conf = Models.Conf();
        conf.TurnTlsPort = 5349;
        var d = Models.Host(conf);
        var finding = Assert.Single(d.Validate(), f => f.Id == "SORA3002");
        var lines = d.Render().Files["sora.conf"].Split('\n');
        Assert.Equal("sora.conf", finding.Path);
        Assert.Equal("turn_tls_port = 5349", lines[finding.Line - 1]);
        Assert.Equal("turn_tls_port", finding.Key);
        Assert.Equal($"sora.conf:{finding.Line}:1: error SORA3002: turn_tls_port is 5349: clients try TURN-TLS on port 5349, but only nginx on port 443 terminates TLS for TURN (Sora does not)", finding.ToString());
    }

    [Fact]
    public void A_finding_about_nginx_is_on_its_line_of_nginx_conf()
    {
        var conf = Models.Conf();
        conf.Ipv4Address = null;
        var d = Models.Host(conf);
        var nginx = d.Render().Files["nginx/nginx.conf"].Split('\n');
        var f = Assert.Single(d.Validate(), x => x.Id == "SORA3001");
        // ipv4_address is not written, so the finding cannot be on its line: it is on the route that needs it.
        Assert.Equal("nginx/nginx.conf", f.Path);
        Assert.Equal("        default ipv4-address-not-set.invalid:3478;", nginx[f.Line - 1]);
        Assert.Equal("ipv4_address", f.Key);

        d.NginxVersion = new Version(1, 10, 3);
        var version = Assert.Single(d.Validate(), x => x.Id == "SORA3010");
        Assert.Equal("nginx/nginx.conf", version.Path);
        Assert.StartsWith("# Written for nginx 1.10.3", nginx.Length > 0 ? d.Render().Files["nginx/nginx.conf"].Split('\n')[version.Line - 1] : "");
    }

    [Fact]
    public void Validate_returns_the_conf_findings_too_placed_on_the_bundle_sora_conf()
    {
        var conf = Models.Conf();
        conf.Demo = true;
        var d = Models.Host(conf);
        var demo = Assert.Single(d.Validate(), f => f.Id == "SORA1007");
        Assert.Equal("sora.conf", demo.Path);
        Assert.Equal("demo = true", d.Render().Files["sora.conf"].Split('\n')[demo.Line - 1]);
        // The class's own profile applies: development turns SORA1xxx off, not the deployment rules.
        var dev = d.Validate(new SoraConfEvaluationOptions { Profile = SoraConfProfile.Development });
        Assert.DoesNotContain(dev, f => f.Id == "SORA1007");
        Assert.Contains(dev, f => f.Id == "SORA3006");
    }

    [Fact]
    public void Severities_are_configurable_per_rule_and_a_rule_can_be_turned_off()
    {
        var d = Variant("turn_tcp_port 3478");
        var options = new SoraConfEvaluationOptions { Severities = new Dictionary<string, SoraConfSeverity?> { ["SORA3003"] = SoraConfSeverity.Error, ["SORA3006"] = null, ["SORA1004"] = SoraConfSeverity.Warning } };
        var findings = d.Validate(options);
        Assert.Equal(SoraConfSeverity.Error, Assert.Single(findings, f => f.Id == "SORA3003").Severity);
        Assert.DoesNotContain(findings, f => f.Id == "SORA3006");
        var conf = Models.Conf();
        conf.Ipv4Address = null;
        Assert.Equal(SoraConfSeverity.Warning, Assert.Single(Models.Host(conf).Validate(options), f => f.Id == "SORA1004").Severity);
    }

    [Fact]
    public void Cluster_rules_count_the_nodes_and_compare_them()
    {
        Assert.Equal(new[] { "SORA3020", "SORA3021" }, Models.Ids(Models.Cluster(2)));
        Assert.Equal(new[] { "SORA3021" }, Models.Ids(Models.Cluster(4)));
        Assert.Empty(Models.Ids(Models.Cluster(5)));
        Assert.Equal(new[] { "SORA3020" }, Models.Ids(Models.Cluster(101)));
        var size = Assert.Single(Models.DeploymentFindings(Models.Cluster(2)), f => f.Id == "SORA3020");
        Assert.Null(size.Path);
        Assert.StartsWith("deployment: warning SORA3020: the cluster has 2 node(s)", size.ToString());

        var same = Models.Cluster(3, (i, c) => { if (i == 3) c.Ipv4Address = IPAddress.Parse("10.0.30.11"); return c; });
        var duplicate = Assert.Single(Models.DeploymentFindings(same), f => f.Id == "SORA3022");
        Assert.Equal("sora-3/sora.conf", duplicate.Path);
        Assert.Contains("also node sora-1's", duplicate.GetMessage(null));

        var ranges = Models.Cluster(3, (i, c) => { if (i == 2) { c.ClusterListenMinPort = 50000; c.ClusterListenMaxPort = 50010; } return c; });
        Assert.Equal(new[] { "SORA3023" }, Models.Ids(ranges));
        Assert.Equal("sora-2/sora.conf", Assert.Single(Models.DeploymentFindings(ranges), f => f.Id == "SORA3023").Path);

        var off = Models.Cluster(3, (i, c) => { if (i == 1) c.Cluster = false; return c; });
        Assert.Equal("sora-1/sora.conf", Assert.Single(Models.DeploymentFindings(off), f => f.Id == "SORA3024").Path);

        // epmd's 4369 inside the cluster range: Sora cannot bind it.
        var epmd = Models.Cluster(3, (i, c) => { c.ClusterListenMinPort = 4360; c.ClusterListenMaxPort = 4370; return c; });
        Assert.Equal(3, Models.DeploymentFindings(epmd).Count(f => f.Id == "SORA3014"));
    }

    [Fact]
    public void Two_nodes_with_one_name_are_reported_and_cannot_be_rendered()
    {
        var cluster = Models.Cluster(3);
        cluster.Nodes = new[] { cluster.Nodes[0], new SoraClusterNode("sora-1", cluster.Nodes[1].Deployment), cluster.Nodes[2] };
        Assert.Contains(cluster.Validate(), f => f.Id == "SORA3022" && f.GetMessage(null).Contains("two nodes are named 'sora-1'"));
        Assert.Throws<InvalidOperationException>(() => cluster.Render());
    }

    [Fact]
    public void The_deployment_rules_apply_in_the_development_profile_too()
    {
        var d = Variant("root");
        Assert.Contains(d.Validate(new SoraConfEvaluationOptions { Profile = SoraConfProfile.Development }), f => f.Id == "SORA3016");
    }
}
