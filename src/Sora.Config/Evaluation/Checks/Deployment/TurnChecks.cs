using System.Linq;
using Sora.Config.Catalog;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Evaluation.Checks
{
    // The TURN side of the 443 layout: nginx reads SNI on 443, sends TURN-TLS through a TLS terminator and everything
    // without a known name straight to Sora's TURN-TCP listener (production-guide.md, "nginx for port 443").

    /// <summary><c>turn_tcp_upstream</c>: where nginx sends TURN-TCP must be Sora's TURN-TCP listener on
    /// <c>ipv4_address:turn_tcp_listen_port</c> — never loopback (Firefox then fails), and the listener must be on.</summary>
    internal sealed class TurnTcpUpstreamCheck : IDeploymentCheck
    {
        public string Kind => "turn_tcp_upstream";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                var nginx = host.Nginx;
                if (nginx?.PrereadPort is null) continue;
                var routes = new[]
                {
                    (Fact: nginx.DefaultRoute, En: "the route for connections without a known SNI name", Ja: "SNI 名のない接続の転送先"),
                    (Fact: nginx.TurnTlsUpstream, En: "the TURN-TLS terminator's upstream", Ja: "TURN-TLS を終端した後の転送先"),
                }.Where(r => r.Fact != null).ToList();
                if (routes.Count == 0) continue;

                if (!host.IsTrue("turn") || !host.IsTrue("turn_tcp"))
                {
                    var off = host.IsTrue("turn") ? "turn_tcp" : "turn";
                    run.Report(rule, host, null, off, SoraText.Format(
                        "nginx sends TURN-TCP to {0}, but Sora's TURN-TCP listener is off ({1} = false)",
                        "nginx は TURN-TCP を {0} へ転送しますが、Sora の TURN-TCP リスナーは無効です ({1} = false)", routes[0].Fact!.Value, off));
                    continue;
                }
                var address = host.Text("ipv4_address");
                var port = host.Number("turn_tcp_listen_port");
                if (address is null)
                {
                    // Not written in sora.conf: reported on the route that needs it.
                    run.Report(rule, host, routes[0].Fact!.Source, "ipv4_address", SoraText.Format(
                        "ipv4_address is not set: the port-{0} layout sends TURN-TCP to Sora's listener on ipv4_address:turn_tcp_listen_port, so nginx has no address to send it to",
                        "ipv4_address が未設定です。{0} 番ポートの構成では TURN-TCP を ipv4_address:turn_tcp_listen_port の Sora へ転送するため、nginx の転送先アドレスがありません",
                        nginx.PrereadPort.Value));
                    continue;
                }
                foreach (var (fact, en, ja) in routes)
                {
                    var to = fact!.Value;
                    if (to.IsLoopback)
                    {
                        run.Report(rule, host, fact.Source, "ipv4_address", SoraText.Format(
                            "{0} is {2}, a loopback address: Firefox then fails to connect over TURN; send it to ipv4_address {3}:{4}",
                            "{1} がループバックアドレス {2} です。この場合 Firefox は TURN で接続できません。ipv4_address の {3}:{4} へ転送してください",
                            en, ja, to, address, port), to.ToString());
                    }
                    else if (to.Host != address || to.Port != port)
                    {
                        run.Report(rule, host, fact.Source, "ipv4_address", SoraText.Format(
                            "{0} is {2}, but Sora listens for TURN-TCP on {3}:{4} (ipv4_address:turn_tcp_listen_port)",
                            "{1} は {2} ですが、Sora の TURN-TCP は {3}:{4} (ipv4_address:turn_tcp_listen_port) で待ち受けています",
                            en, ja, to, address, port), to.ToString());
                    }
                }
            }
        }
    }

    /// <summary><c>turn_url_ports</c>: a port written into the TURN URLs clients get that nothing on the host serves:
    /// TURN-TLS only through nginx's SNI port (Sora itself does not speak TLS for TURN), TURN-TCP there or on Sora's
    /// own listener.</summary>
    internal sealed class TurnUrlPortsCheck : IDeploymentCheck
    {
        public string Kind => "turn_url_ports";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                var preread = host.Nginx?.PrereadPort;
                if (preread is null || !host.IsTrue("turn")) continue;
                var listen = host.Number("turn_tcp_listen_port");
                if (host.IsTrue("turn_tcp") && host.Number("turn_tcp_port") is { } tcp && tcp != preread.Value && tcp != listen)
                {
                    run.Report(rule, host, null, "turn_tcp_port", SoraText.Format(
                        "turn_tcp_port is {0}: clients are told to use TURN-TCP on port {0}, where neither nginx ({1}) nor Sora's TURN-TCP listener ({2}) is",
                        "turn_tcp_port が {0} です。クライアントには {0} 番ポートの TURN-TCP が案内されますが、そこには nginx ({1}) も Sora の TURN-TCP リスナー ({2}) もいません",
                        tcp, preread.Value, listen), HostRun.Show(tcp));
                }
                if (!host.IsTrue("turn_tls")) continue;
                var tls = host.Number("turn_tls_port");
                if (tls is null)
                {
                    run.Report(rule, host, null, "turn_tls_port", SoraText.Format(
                        "turn_tls_port is not set: TURN-TLS is served only by nginx on port {0}, and clients must be told that port",
                        "turn_tls_port が未設定です。TURN-TLS は nginx の {0} 番ポートでしか提供されないため、クライアントにこのポートを案内する必要があります",
                        preread.Value));
                }
                else if (tls != preread.Value)
                {
                    run.Report(rule, host, null, "turn_tls_port", SoraText.Format(
                        "turn_tls_port is {0}: clients try TURN-TLS on port {0}, but only nginx on port {1} terminates TLS for TURN (Sora does not)",
                        "turn_tls_port が {0} です。クライアントは {0} 番ポートで TURN-TLS を試みますが、TURN の TLS を終端するのは {1} 番ポートの nginx だけです (Sora は終端しません)",
                        tls, preread.Value), HostRun.Show(tls.Value));
                }
            }
        }
    }

    /// <summary><c>turn_layout</c>: the port-443 layout is only half used: TURN-TCP advertised on Sora's own port, or no
    /// TURN-TLS offered at all.</summary>
    internal sealed class TurnLayoutCheck : IDeploymentCheck
    {
        public string Kind => "turn_layout";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                var preread = host.Nginx?.PrereadPort;
                if (preread is null || !host.IsTrue("turn") || !host.IsTrue("turn_tcp")) continue;
                var listen = host.Number("turn_tcp_listen_port");
                if (host.Number("turn_tcp_port") is { } tcp && tcp != preread.Value && tcp == listen)
                {
                    run.Report(rule, host, null, "turn_tcp_port", SoraText.Format(
                        "turn_tcp_port is {0}: clients reach TURN-TCP on port {0} directly, not through nginx on port {1}, which firewalls let through far more often",
                        "turn_tcp_port が {0} です。クライアントは TURN-TCP に nginx の {1} 番ポートではなく {0} 番ポートで直接接続します。{1} 番ポートの方がファイアウォールを通りやすくなります",
                        tcp, preread.Value), HostRun.Show(tcp));
                }
                if (!host.IsTrue("turn_tls"))
                {
                    run.Report(rule, host, null, "turn_tls", SoraText.Format(
                        "turn_tls is false: clients are offered no TURN-TLS on port {0}, the transport that passes the strictest firewalls and proxies",
                        "turn_tls が false のため、クライアントに {0} 番ポートの TURN-TLS が案内されません。最も厳しいファイアウォールやプロキシを通れるのは TURN-TLS です",
                        preread.Value));
                }
            }
        }
    }
}
