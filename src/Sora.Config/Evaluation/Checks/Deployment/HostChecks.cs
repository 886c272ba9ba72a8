using System;
using System.Collections.Generic;
using System.Globalization;
using Sora.Config.Catalog;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Evaluation.Checks
{
    // The host around Sora: connection sizing and file descriptors, ports, the unit's user, kernel settings, placeholders.

    /// <summary>Reading <c>LimitNOFILE=</c> as systemd does: <c>N</c>, <c>soft:hard</c>, <c>infinity</c>.</summary>
    internal static class FileLimits
    {
        /// <summary>systemd's default soft limit for services since systemd 240 (deployment.md §1.4).</summary>
        public const long SystemdDefaultSoft = 1024;

        /// <summary>What Sora needs besides its connections (webhooks, logs, the runtime's own files): our allowance on
        /// top of the documented 2 descriptors per connection.</summary>
        public const long Headroom = 256;

        /// <summary>The minimum soft limit for <paramref name="connections"/>: 2 per connection plus <see cref="Headroom"/>.</summary>
        public static long Needed(long connections) => 2 * connections + Headroom;

        /// <summary>Parses a value; false when systemd would not read it (and ignores the setting).</summary>
        public static bool TryParse(string text, out long soft, out long hard)
        {
            soft = hard = 0;
            var parts = text.Trim().Split(':');
            if (parts.Length > 2 || !TryOne(parts[0], out soft)) return false;
            hard = soft;
            return parts.Length == 1 || TryOne(parts[1], out hard);
        }

        private static bool TryOne(string text, out long value)
        {
            text = text.Trim();
            if (text == "infinity")
            {
                value = long.MaxValue;
                return true;
            }
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        public static string Show(long value) => value == long.MaxValue ? "infinity" : value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><c>max_connections</c>: more connections than Shiguredo's guidance for one server (<c>check.max</c>).</summary>
    internal sealed class MaxConnectionsCheck : IDeploymentCheck
    {
        public string Kind => "max_connections";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            long max = long.Parse(rule.Check.Max!, CultureInfo.InvariantCulture);
            foreach (var host in run.Hosts)
            {
                if (host.Facts.MaxConnections is not { } connections || connections.Value <= max) continue;
                run.Report(rule, host, connections.Source, null, SoraText.Format(
                    "{0} connections on one server is above Shiguredo's guidance of {1} per server: spread them over more servers (a cluster)",
                    "1 台のサーバーで {0} 接続は、時雨堂の目安であるサーバーあたり {1} 接続を超えています。複数のサーバー (クラスター) に分散してください",
                    connections.Value, max), HostRun.Show(connections.Value));
            }
        }
    }

    /// <summary><c>fd_limit_too_small</c>: the unit's soft file-descriptor limit cannot serve the host's connections (at
    /// least 2 descriptors each, plus the rest).</summary>
    internal sealed class FdLimitTooSmallCheck : IDeploymentCheck
    {
        public string Kind => "fd_limit_too_small";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Facts.Unit is not { } unit || host.Facts.MaxConnections is not { } connections) continue;
                long needed = FileLimits.Needed(connections.Value);
                var setting = unit.Get("Service", "LimitNOFILE");
                long soft;
                SoraText why;
                if (setting is null)
                {
                    soft = FileLimits.SystemdDefaultSoft;
                    why = SoraText.Format("LimitNOFILE is not set, so Sora runs with systemd's default soft limit of {0}", "LimitNOFILE が未設定のため、Sora は systemd の既定のソフト上限 {0} で動きます", soft);
                }
                else if (!FileLimits.TryParse(setting.Value, out soft, out _))
                {
                    soft = FileLimits.SystemdDefaultSoft;
                    why = SoraText.Format("LimitNOFILE={0} is not a limit systemd reads; it ignores it, so Sora runs with the default soft limit of {1}",
                        "LimitNOFILE={0} は systemd が読める値ではないため無視され、Sora は既定のソフト上限 {1} で動きます", setting.Value, soft);
                }
                else
                {
                    why = SoraText.Format("LimitNOFILE={0} gives Sora a soft limit of {1}", "LimitNOFILE={0} のため、Sora のソフト上限は {1} です", setting.Value, FileLimits.Show(soft));
                }
                if (soft >= needed) continue;
                run.Report(rule, host, setting?.Source ?? new SoraFactSource(unit.Path), null, new SoraText(
                    why.English + string.Format(CultureInfo.InvariantCulture, ": {0} connections need at least {1} file descriptors (2 per connection plus {2} for webhooks, logs and the runtime)", connections.Value, needed, FileLimits.Headroom),
                    why.Japanese + string.Format(CultureInfo.InvariantCulture, "。{0} 接続には少なくとも {1} 個のファイルディスクリプターが必要です (接続ごとに 2 個と、Webhook・ログ・ランタイム用の {2} 個)", connections.Value, needed, FileLimits.Headroom)),
                    setting?.Value);
            }
        }
    }

    /// <summary><c>fd_limit_unbounded</c>: a file-descriptor limit of <c>infinity</c> or above <c>check.max</c>
    /// (<c>fs.nr_open</c>'s usual value): Sora runs on Erlang, which sizes tables from the limit; or a soft limit above
    /// the hard one, which systemd ignores.</summary>
    internal sealed class FdLimitUnboundedCheck : IDeploymentCheck
    {
        public string Kind => "fd_limit_unbounded";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            long max = long.Parse(rule.Check.Max!, CultureInfo.InvariantCulture);
            foreach (var host in run.Hosts)
            {
                var setting = host.Facts.Unit?.Get("Service", "LimitNOFILE");
                if (setting is null || !FileLimits.TryParse(setting.Value, out var soft, out var hard)) continue;
                var source = setting.Source ?? new SoraFactSource(host.Facts.Unit!.Path);
                if (soft > hard)
                {
                    run.Report(rule, host, source, null, SoraText.Format(
                        "LimitNOFILE={0} sets the soft limit above the hard one: systemd ignores the setting",
                        "LimitNOFILE={0} はソフト上限がハード上限を超えているため、systemd はこの設定を無視します", setting.Value), setting.Value);
                }
                else if (hard > max)
                {
                    run.Report(rule, host, source, null, SoraText.Format(
                        "LimitNOFILE={0} is unbounded or above {1}: Sora runs on Erlang, which sizes its tables from this limit and can take gigabytes of memory at start; a limit sized for the connections is enough",
                        "LimitNOFILE={0} は無制限か {1} を超えています。Sora は Erlang で動き、この上限に合わせて内部テーブルを確保するため、起動時に数 GB のメモリーを使うことがあります。接続数に見合った上限で十分です",
                        setting.Value, max), setting.Value);
                }
            }
        }
    }

    /// <summary><c>host_ports</c>: a Sora listener on a port another process of the host owns: nginx's listeners, and with
    /// clustering epmd on 4369. (Collisions among Sora's own listeners are SORA1009's, a sora.conf rule.)</summary>
    internal sealed class HostPortsCheck : IDeploymentCheck
    {
        /// <summary>The Erlang port mapper every cluster node runs (CLUSTER docs).</summary>
        public const int EpmdPort = 4369;

        public string Kind => "host_ports";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                bool cluster = host.IsTrue("cluster");
                var others = new List<(long Port, string En, string Ja)>();
                foreach (var p in host.NginxPorts()) others.Add((p, "nginx", "nginx"));
                if (cluster) others.Add((EpmdPort, "epmd (the Erlang port mapper of cluster nodes)", "epmd (クラスターのノードが使う Erlang のポートマッパー)"));
                if (others.Count == 0) continue;

                var listeners = new List<(string Key, long Low, long High)>();
                void Add(string key, string? highKey = null)
                {
                    if (host.Number(key) is { } low && host.Number(highKey ?? key) is { } high) listeners.Add((key, low, high));
                }
                Add("api_port");
                Add("signaling_port");
                if (host.IsTrue("turn") && host.IsTrue("turn_tcp")) Add("turn_tcp_listen_port");
                if (cluster) Add("cluster_listen_min_port", "cluster_listen_max_port");

                foreach (var (key, low, high) in listeners)
                {
                    foreach (var (port, en, ja) in others)
                    {
                        if (port < low || port > high) continue;
                        var what = low == high ? key : key + " … " + (key == "cluster_listen_min_port" ? "cluster_listen_max_port" : key);
                        run.Report(rule, host, null, key, SoraText.Format(
                            "{0} includes port {1}, which {2} listens on: Sora cannot bind it and fails to start",
                            "{0} にはポート {1} が含まれますが、このポートは {3} が使用しています。Sora はバインドできず起動に失敗します",
                            what, port, en, ja), HostRun.Show(port));
                    }
                }
            }
        }
    }

    /// <summary><c>deployment_placeholder</c>: a host name or address the deployment names outside sora.conf (the
    /// signaling host) that is reserved for documentation.</summary>
    internal sealed class DeploymentPlaceholderCheck : IDeploymentCheck
    {
        public string Kind => "deployment_placeholder";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                foreach (var name in host.Facts.Names)
                {
                    if (Placeholders.WhyHost(name.Value) is not { } why) continue;
                    run.Report(rule, host, name.Source, null, SoraText.Format(
                        "{0} is still a placeholder (reserved for documentation: {1}); replace it with this deployment's real name",
                        "{0} は例示用に予約された値 ({1}) のままです。このデプロイの実際の名前に置き換えてください", name.Value, why), name.Value);
                }
            }
        }
    }

    /// <summary><c>runs_as_root</c>: the unit runs Sora as root, which it does not need behind nginx.</summary>
    internal sealed class RunsAsRootCheck : IDeploymentCheck
    {
        public string Kind => "runs_as_root";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                if (host.Facts.Unit is not { } unit) continue;
                var user = unit.Get("Service", "User");
                if (user != null && user.Value != "root" && user.Value != "0") continue;
                run.Report(rule, host, user?.Source ?? new SoraFactSource(unit.Path), null, user is null
                    ? SoraText.Format("{0} sets no User=, so Sora runs as root", "{0} に User= がないため、Sora は root で動きます", unit.Path)
                    : SoraText.Format("{0} runs Sora as root (User={1})", "{0} は Sora を root で動かします (User={1})", unit.Path, user.Value), user?.Value);
            }
        }
    }

    /// <summary><c>sysctl_order</c>: kernel buffer settings that contradict each other: a default above its maximum,
    /// <c>udp_mem</c> not three ascending page counts, a key set twice with different values.</summary>
    internal sealed class SysctlOrderCheck : IDeploymentCheck
    {
        public string Kind => "sysctl_order";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            foreach (var host in run.Hosts)
            {
                var last = new Dictionary<string, SoraSysctlSetting>(StringComparer.Ordinal);
                foreach (var s in host.Facts.Sysctl)
                {
                    if (last.TryGetValue(s.Key, out var earlier) && Normalize(earlier.Value) != Normalize(s.Value))
                    {
                        run.Report(rule, host, s.Source, null, SoraText.Format(
                            "{0} is set twice, to {1} and to {2}: the last one wins, which hides the first",
                            "{0} が {1} と {2} の二度設定されています。後の値が有効になり、最初の値は隠れます", s.Key, earlier.Value, s.Value), s.Value);
                    }
                    last[s.Key] = s;
                }
                foreach (var (lower, upper) in new[] { ("net.core.rmem_default", "net.core.rmem_max"), ("net.core.wmem_default", "net.core.wmem_max") })
                {
                    if (!last.TryGetValue(lower, out var low) || !last.TryGetValue(upper, out var high)) continue;
                    if (!long.TryParse(low.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var l) || !long.TryParse(high.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var h) || l <= h) continue;
                    run.Report(rule, host, low.Source, null, SoraText.Format(
                        "{0} = {1} is above {2} = {3}: a socket's default buffer cannot exceed the maximum it may ask for",
                        "{0} = {1} が {2} = {3} を超えています。ソケットの既定のバッファーは要求できる最大値を超えられません", lower, l, upper, h), low.Value);
                }
                if (last.TryGetValue("net.ipv4.udp_mem", out var mem))
                {
                    var parts = Normalize(mem.Value).Split(' ');
                    var values = new List<long>();
                    foreach (var p in parts)
                    {
                        if (long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) values.Add(v);
                    }
                    if (values.Count != 3 || parts.Length != 3 || values[0] > values[1] || values[1] > values[2])
                    {
                        run.Report(rule, host, mem.Source, null, SoraText.Format(
                            "net.ipv4.udp_mem = {0} is not three ascending page counts (min, pressure, max)",
                            "net.ipv4.udp_mem = {0} は昇順の 3 つのページ数 (min、pressure、max) ではありません", mem.Value), mem.Value);
                    }
                }
            }
        }

        private static string Normalize(string value) => string.Join(" ", value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));
    }
}
