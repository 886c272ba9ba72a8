using System;
using System.Collections.Generic;
using System.Linq;
using Sora.Config.Catalog;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Evaluation.Checks
{
    // nginx in front of Sora: names and certificates of the SNI routes, its version, what it proxies.

    /// <summary><c>tls_host_names</c>: SNI can only split names that differ, and the TURN-TLS name must reach the TURN-TLS
    /// terminator.</summary>
    internal sealed class TlsHostNamesCheck : IDeploymentCheck
    {
        public string Kind => "tls_host_names";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                var nginx = host.Nginx;
                if (nginx is null) continue;
                var seen = new Dictionary<string, SoraSniRoute>(StringComparer.OrdinalIgnoreCase);
                foreach (var route in nginx.SniRoutes)
                {
                    if (seen.TryGetValue(route.ServerName.Value, out var first))
                    {
                        run.Report(rule, host, route.ServerName.Source, null, SoraText.Format(
                            "{0} is routed both to {1} and to {2}: SNI tells connections apart only by name, so signaling and TURN-TLS need host names of their own",
                            "{0} が {1} と {2} の両方に振り分けられています。SNI は名前でしか接続を区別できないため、シグナリングと TURN-TLS には別々のホスト名が必要です",
                            route.ServerName.Value, Describe(first.Target), Describe(route.Target)), route.ServerName.Value);
                        continue;
                    }
                    seen.Add(route.ServerName.Value, route);
                }
                if (nginx.PrereadPort is null || !host.IsTrue("turn") || !host.IsTrue("turn_tls") || host.TurnTlsHost is not { } turns) continue;
                if (!nginx.SniRoutes.Any(r => r.Target == SoraSniTarget.TurnTls && string.Equals(r.ServerName.Value, turns, StringComparison.OrdinalIgnoreCase)))
                {
                    run.Report(rule, host, null, host.Text("turn_tls_fqdn") is null ? "turn_fqdn" : "turn_tls_fqdn", SoraText.Format(
                        "{0}, the TURN-TLS host name clients are given, has no SNI route to nginx's TURN-TLS terminator: its TLS connections land on TURN-TCP and fail",
                        "クライアントに案内される TURN-TLS のホスト名 {0} には、nginx の TURN-TLS 終端への SNI の振り分けがありません。TLS 接続は TURN-TCP に届いて失敗します",
                        turns), turns);
                }
            }
        }

        internal static string Describe(SoraSniTarget target) => target switch
        {
            SoraSniTarget.TurnTls => "TURN-TLS",
            SoraSniTarget.Signaling => "signaling",
            _ => "another upstream",
        };
    }

    /// <summary><c>certificate_names</c>: a TLS terminator's certificate must name the host it is reached by.</summary>
    internal sealed class CertificateNamesCheck : IDeploymentCheck
    {
        public string Kind => "certificate_names";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Nginx is null) continue;
                foreach (var route in host.Nginx.SniRoutes)
                {
                    var cert = route.Certificate;
                    if (cert?.Names is null || cert.Covers(route.ServerName.Value)) continue;
                    var names = cert.Names.Count == 0 ? "no DNS name" : string.Join(", ", cert.Names);
                    run.Report(rule, host, route.ServerName.Source ?? cert.File.Source, null, SoraText.Format(
                        "the certificate {0} does not cover {1} ({2}): browsers refuse the TLS handshake for {3}; it names {4}",
                        "証明書 {0} は {1} ({2}) を含みません。{3} の TLS ハンドシェイクをブラウザーが拒否します。証明書にある名前: {4}",
                        cert.File.Value, route.ServerName.Value, TlsHostNamesCheck.Describe(route.Target), route.ServerName.Value, names), route.ServerName.Value);
                }
            }
        }
    }

    /// <summary><c>certificate_unchecked</c>: a certificate whose names could not be read where the check ran.</summary>
    internal sealed class CertificateUncheckedCheck : IDeploymentCheck
    {
        public string Kind => "certificate_unchecked";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Nginx is null) continue;
                var reported = new HashSet<string>(StringComparer.Ordinal);
                foreach (var route in host.Nginx.SniRoutes)
                {
                    var cert = route.Certificate;
                    if (cert is null || cert.Names != null || !reported.Add(cert.File.Value)) continue;
                    var hosts = string.Join(", ", host.Nginx.SniRoutes.Where(r => r.Certificate?.File.Value == cert.File.Value).Select(r => r.ServerName.Value));
                    run.Report(rule, host, cert.File.Source, null, SoraText.Format(
                        "the certificate {0} was not checked ({1}): whether it covers {2} is unknown",
                        "証明書 {0} は確認できませんでした ({1})。{2} を含むかどうかは不明です",
                        cert.File.Value, cert.NotReadBecause, hosts), cert.File.Value);
                }
            }
        }
    }

    /// <summary><c>nginx_version</c>: the SNI split needs <c>ssl_preread</c>, which nginx has from <c>check.min</c> on.</summary>
    internal sealed class NginxVersionCheck : IDeploymentCheck
    {
        public string Kind => "nginx_version";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            var min = Version.Parse(rule.Check.Min!);
            foreach (var host in run.Hosts)
            {
                if (host.Nginx is not { PrereadPort: not null, Version: { } version } || version.Value >= min) continue;
                run.Report(rule, host, version.Source, null, SoraText.Format(
                    "nginx {0} has no ssl_preread (added in nginx {1}): the SNI split on port {2} cannot work",
                    "nginx {0} には ssl_preread がありません (nginx {1} で追加)。{2} 番ポートでの SNI による振り分けは動きません",
                    version.Value, min, host.Nginx.PrereadPort!.Value), version.Value.ToString());
            }
        }
    }

    /// <summary><c>nginx_quit_sockets</c>: before <c>check.min</c>, nginx stopped with QUIT leaves its unix-socket
    /// listeners on disk and the next start fails; it must be stopped with TERM.</summary>
    internal sealed class NginxQuitSocketsCheck : IDeploymentCheck
    {
        public string Kind => "nginx_quit_sockets";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            var min = Version.Parse(rule.Check.Min!);
            foreach (var host in run.Hosts)
            {
                if (host.Nginx is not { UnixSocketListener: { } socket, Version: { } version } nginx || version.Value >= min) continue;
                bool term = nginx.StopSignal is { } signal && (signal.Value == "TERM" || signal.Value == "SIGTERM");
                run.Report(rule, host, version.Source ?? socket, null, term
                    ? SoraText.Format(
                        "nginx {0} leaves its unix-socket listeners behind when stopped with QUIT (fixed in nginx {1}); the deployment stops it with TERM ({2}): install that drop-in with nginx",
                        "nginx {0} は QUIT で停止すると unix ソケットのリスナーを残します (nginx {1} で修正)。このデプロイでは TERM で停止します ({2})。nginx と一緒にこのドロップインを導入してください",
                        version.Value, min, nginx.StopSignal!.Source?.Path ?? "drop-in")
                    : SoraText.Format(
                        "nginx {0} leaves its unix-socket listeners behind when stopped with QUIT (fixed in nginx {1}), and the next start fails: stop nginx with TERM (a systemd drop-in for nginx.service)",
                        "nginx {0} は QUIT で停止すると unix ソケットのリスナーを残し (nginx {1} で修正)、次の起動が失敗します。nginx は TERM で停止してください (nginx.service の systemd ドロップイン)",
                        version.Value, min), version.Value.ToString());
            }
        }
    }

    /// <summary><c>proxy_bypass</c>: behind nginx, Sora's signaling and HTTP API must answer on loopback only, or clients
    /// reach them around the proxy (no TLS, no authentication).</summary>
    internal sealed class ProxyBypassCheck : IDeploymentCheck
    {
        public string Kind => "proxy_bypass";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Nginx is null) continue;
                foreach (var (key, port, what, whatJa) in new[]
                {
                    ("signaling_loopback_address_only", "signaling_port", "signaling", "シグナリング"),
                    ("api_loopback_address_only", "api_port", "the HTTP API", "HTTP API"),
                })
                {
                    if (host.IsTrue(key)) continue;
                    run.Report(rule, host, null, key, SoraText.Format(
                        "{0} is not true: {1} answers on every address on port {2}, so clients reach it around nginx, without its TLS and authentication",
                        "{0} が true ではないため、{3} は {2} 番ポートのすべてのアドレスで応答します。クライアントは nginx を迂回し、TLS も認証もなしに到達できます",
                        key, what, host.Number(port)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?", whatJa));
                }
            }
        }
    }

    /// <summary><c>api_unauthenticated</c>: nginx publishes Sora's HTTP API without authentication.</summary>
    internal sealed class ApiUnauthenticatedCheck : IDeploymentCheck
    {
        public string Kind => "api_unauthenticated";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Nginx is not { ApiUpstream: { } api } nginx || nginx.ApiAuthenticated?.Value == true) continue;
                run.Report(rule, host, api.Source, null, SoraText.Format(
                    "nginx proxies the HTTP API ({0}) without authentication: anyone who reaches nginx can call it (disconnect clients, start recordings)",
                    "nginx は HTTP API ({0}) を認証なしで中継しています。nginx に到達できる誰もが API を呼び出せます (接続の切断、録画の開始など)",
                    api.Value), api.Value.ToString());
            }
        }
    }
}
