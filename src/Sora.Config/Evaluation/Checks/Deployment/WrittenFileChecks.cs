using System;
using System.Linq;
using Sora.Config.Catalog;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Evaluation.Checks
{
    // What only files an operator wrote can show (the typed model renders these parts right): SORA3030 and up.

    /// <summary><c>deployment_file</c>: what the parsers of nginx, unit and sysctl files could not read.</summary>
    internal sealed class DeploymentFileCheck : IDeploymentCheck
    {
        public string Kind => "deployment_file";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var problem in run.Facts.Problems) run.Report(rule, null, problem.Source, null, problem.Message);
        }
    }

    /// <summary><c>preread_missing</c>: sora.conf sends clients to TURN on 443, and nginx has no stream server reading SNI
    /// there.</summary>
    internal sealed class PrereadMissingCheck : IDeploymentCheck
    {
        public string Kind => "preread_missing";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Nginx is not { PrereadPort: null } nginx || !host.IsTrue("turn")) continue;
                string? key = null;
                if (host.IsTrue("turn_tls")) key = "turn_tls";
                else if (host.IsTrue("turn_tcp") && host.Number("turn_tcp_port") == 443 && host.Number("turn_tcp_listen_port") != 443) key = "turn_tcp_port";
                if (key is null) continue;
                var at = nginx.ListenPorts.FirstOrDefault(p => p.Value == 443)?.Source ?? nginx.ConfigSource;
                run.Report(rule, host, at, key, SoraText.Format(
                    "sora.conf sends clients to TURN on port 443 ({0}), but no nginx stream server listens on 443 with ssl_preread on to split TURN-TLS, signaling and TURN-TCP by SNI",
                    "sora.conf はクライアントを 443 番ポートの TURN へ案内しています ({0}) が、443 番ポートを ssl_preread on で待ち受けて TURN-TLS、シグナリング、TURN-TCP を SNI で振り分ける nginx の stream サーバーがありません",
                    key == "turn_tls" ? "turn_tls = true" : "turn_tcp_port = 443"));
            }
        }
    }

    /// <summary><c>proxy_protocol_hops</c>: the SNI-reading server and the terminators it reaches disagree on the PROXY
    /// protocol header.</summary>
    internal sealed class ProxyProtocolHopsCheck : IDeploymentCheck
    {
        public string Kind => "proxy_protocol_hops";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Nginx is not { ProxyProtocolSent: { } sent } nginx) continue;
                foreach (var accepted in nginx.ProxyProtocolAccepted)
                {
                    if (accepted.Value == sent.Value) continue;
                    run.Report(rule, host, accepted.Source, null, sent.Value
                        ? SoraText.Format(
                            "the SNI-reading server sends a PROXY protocol header (proxy_protocol on, {0}), but this listen does not expect one: every connection through it fails",
                            "SNI を読むサーバーは PROXY プロトコルのヘッダーを送ります (proxy_protocol on、{0}) が、この listen はそれを受け付けません。ここを通るすべての接続が失敗します",
                            sent.Source?.ToString() ?? "")
                        : SoraText.Format(
                            "this listen expects a PROXY protocol header, but the SNI-reading server does not send one (no proxy_protocol on, {0}): every connection through it fails",
                            "この listen は PROXY プロトコルのヘッダーを待ちますが、SNI を読むサーバーは送りません (proxy_protocol on がない、{0})。ここを通るすべての接続が失敗します",
                            sent.Source?.ToString() ?? ""));
                }
            }
        }
    }

    /// <summary><c>signaling_proxy</c>: <c>/signaling</c> not proxied to Sora's signaling listener on loopback, or without
    /// the WebSocket upgrade headers.</summary>
    internal sealed class SignalingProxyCheck : IDeploymentCheck
    {
        public string Kind => "signaling_proxy";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Nginx is not { ConfigSource: { } config } nginx) continue;
                var port = host.Number("signaling_port");
                if (nginx.SignalingUpstream is not { } upstream)
                {
                    // Only where nginx terminates HTTPS for signaling (an SNI route to it, or any http server at all).
                    if (nginx.SniRoutes.All(r => r.Target != SoraSniTarget.Signaling) && nginx.SignalingUpgradeHeaders is null && !nginx.ListenPorts.Any()) continue;
                    run.Report(rule, host, config, null, SoraText.Format(
                        "no location /signaling proxies to Sora: clients cannot open the signaling WebSocket through nginx (expected proxy_pass to 127.0.0.1:{0})",
                        "Sora へ中継する location /signaling がありません。クライアントは nginx 経由でシグナリングの WebSocket を開けません (127.0.0.1:{0} への proxy_pass が必要です)",
                        port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "signaling_port"));
                    continue;
                }
                if (!upstream.Value.IsLoopback || (port is { } p && upstream.Value.Port != p))
                {
                    run.Report(rule, host, upstream.Source, "signaling_port", SoraText.Format(
                        "/signaling is proxied to {0}, but Sora's signaling listens on 127.0.0.1:{1} (loopback, signaling_port)",
                        "/signaling は {0} へ中継されていますが、Sora のシグナリングは 127.0.0.1:{1} (ループバック、signaling_port) で待ち受けています",
                        upstream.Value, port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"), upstream.Value.ToString());
                }
                if (nginx.SignalingUpgradeHeaders is { Value: false } headers)
                {
                    run.Report(rule, host, headers.Source, null, SoraText.Format(
                        "location /signaling does not pass the WebSocket upgrade on: add proxy_http_version 1.1, proxy_set_header Upgrade $http_upgrade and proxy_set_header Connection \"upgrade\"",
                        "location /signaling は WebSocket のアップグレードを渡していません。proxy_http_version 1.1、proxy_set_header Upgrade $http_upgrade、proxy_set_header Connection \"upgrade\" を追加してください"));
                }
            }
        }
    }

    /// <summary><c>unit_exec_start</c>: the unit's <c>ExecStart=</c> does not run <c>bin/sora foreground</c>.</summary>
    internal sealed class UnitExecStartCheck : IDeploymentCheck
    {
        public string Kind => "unit_exec_start";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Facts.Unit is not { } unit) continue;
                var exec = unit.Get("Service", "ExecStart");
                if (exec is null || exec.Value.Length == 0)
                {
                    run.Report(rule, host, new SoraFactSource(unit.Path), null, SoraText.Format(
                        "{0} has no ExecStart= in [Service]: systemd cannot start Sora", "{0} の [Service] に ExecStart= がないため、systemd は Sora を起動できません", unit.Path));
                    continue;
                }
                // ExecStart may start with prefixes (@, -, :, +, !) and may wrap the command in a shell.
                var words = exec.Value.TrimStart('@', '-', ':', '+', '!').Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                int sora = Array.FindIndex(words, w => w.TrimStart('"', '\'').EndsWith("bin/sora", StringComparison.Ordinal));
                var command = sora >= 0 && sora + 1 < words.Length ? words[sora + 1].Trim('"', '\'', ';') : null;
                if (command == "foreground") continue;
                run.Report(rule, host, exec.Source, null, command == "daemon"
                    ? SoraText.Format("ExecStart runs bin/sora daemon, which detaches: systemd loses the process it started; run bin/sora foreground",
                        "ExecStart は bin/sora daemon を実行しますが、これはデタッチするため systemd は起動したプロセスを見失います。bin/sora foreground を実行してください")
                    : SoraText.Format("ExecStart={0} does not run bin/sora foreground: systemd should run Sora in the foreground",
                        "ExecStart={0} は bin/sora foreground を実行していません。systemd では Sora をフォアグラウンドで動かしてください", exec.Value), exec.Value);
            }
        }
    }

    /// <summary><c>unit_restart</c>: no <c>Restart=</c> (or <c>Restart=no</c>): Sora stays down after a crash.</summary>
    internal sealed class UnitRestartCheck : IDeploymentCheck
    {
        public string Kind => "unit_restart";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Facts.Unit is not { } unit) continue;
                var restart = unit.Get("Service", "Restart");
                if (restart != null && restart.Value != "no" && restart.Value.Length > 0) continue;
                run.Report(rule, host, restart?.Source ?? unit.Get("Service", "ExecStart")?.Source ?? new SoraFactSource(unit.Path), null, restart is null
                    ? SoraText.Format("{0} sets no Restart=: after a crash systemd leaves Sora down", "{0} に Restart= がないため、クラッシュ後 systemd は Sora を停止したままにします", unit.Path)
                    : SoraText.Format("Restart={0}: after a crash systemd leaves Sora down", "Restart={0} のため、クラッシュ後 systemd は Sora を停止したままにします", restart.Value), restart?.Value);
            }
        }
    }

    /// <summary><c>unit_start_limit_section</c>: <c>StartLimitIntervalSec=</c> written in [Service], where systemd ignores it.</summary>
    internal sealed class UnitStartLimitSectionCheck : IDeploymentCheck
    {
        public string Kind => "unit_start_limit_section";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Facts.Unit is not { } unit) continue;
                foreach (var s in unit.Settings)
                {
                    if (s.Section != "Service" || s.Key != "StartLimitIntervalSec") continue;
                    run.Report(rule, host, s.Source, null, SoraText.Format(
                        "StartLimitIntervalSec= is in [Service], where systemd ignores it (\"Unknown key\"): move it to [Unit]",
                        "StartLimitIntervalSec= が [Service] にありますが、systemd はここでは無視します (\"Unknown key\")。[Unit] に移してください"), s.Value);
                }
            }
        }
    }
}
