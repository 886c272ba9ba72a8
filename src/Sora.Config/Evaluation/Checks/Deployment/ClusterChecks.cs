using System;
using System.Collections.Generic;
using System.Globalization;
using Sora.Config.Catalog;
using Sora.Config.Evaluation.Engine;

namespace Sora.Config.Evaluation.Checks
{
    // The nodes of a Sora cluster (CLUSTER, CLUSTER_OPS docs): how many, each one clustered, distinct, on the same ports.

    /// <summary><c>cluster_size</c>: fewer regular nodes than <c>check.min</c> (a cluster of 2 loses its quorum with
    /// one node), or more than <c>check.max</c>.</summary>
    internal sealed class ClusterSizeCheck : IDeploymentCheck
    {
        public string Kind => "cluster_size";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            if (!run.Facts.IsCluster) return;
            int count = run.Hosts.Count;
            long min = long.Parse(rule.Check.Min!, CultureInfo.InvariantCulture);
            long max = long.Parse(rule.Check.Max!, CultureInfo.InvariantCulture);
            if (count < min)
            {
                run.Report(rule, null, run.Facts.ClusterSource, null, SoraText.Format(
                    "the cluster has {0} node(s): run at least {1} regular nodes, or losing one node loses the cluster's quorum",
                    "クラスターのノードは {0} 台です。少なくとも {1} 台の通常ノードを動かしてください。そうでないと 1 台の障害でクォーラムを失います", count, min),
                    count.ToString(CultureInfo.InvariantCulture));
            }
            else if (count > max)
            {
                run.Report(rule, null, run.Facts.ClusterSource, null, SoraText.Format(
                    "the cluster has {0} nodes, more than the about {1} Shiguredo's documentation describes",
                    "クラスターのノードは {0} 台で、時雨堂のドキュメントが想定する約 {1} 台を超えています", count, max),
                    count.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary><c>cluster_even_size</c>: an even number of nodes tolerates no more failures than one node fewer.</summary>
    internal sealed class ClusterEvenSizeCheck : IDeploymentCheck
    {
        public string Kind => "cluster_even_size";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            int count = run.Hosts.Count;
            if (!run.Facts.IsCluster || count == 0 || count % 2 != 0) return;
            run.Report(rule, null, run.Facts.ClusterSource, null, SoraText.Format(
                "the cluster has {0} nodes, an even number: it survives no more node failures than {1} nodes, so grow to {2} instead",
                "クラスターのノードは {0} 台で偶数です。{1} 台の場合と同じ数の障害にしか耐えられないため、{2} 台にしてください", count, count - 1, count + 1),
                count.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary><c>cluster_duplicates</c>: two nodes with the same name or the same <c>ipv4_address</c>.</summary>
    internal sealed class ClusterDuplicatesCheck : IDeploymentCheck
    {
        public string Kind => "cluster_duplicates";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            if (!run.Facts.IsCluster) return;
            var names = new Dictionary<string, HostRun>(StringComparer.OrdinalIgnoreCase);
            var addresses = new Dictionary<string, HostRun>(StringComparer.Ordinal);
            foreach (var host in run.Hosts)
            {
                if (names.TryGetValue(host.Facts.Name, out var sameName))
                {
                    run.Report(rule, host, null, null, SoraText.Format(
                        "two nodes are named '{0}': each node needs a name (and a folder) of its own",
                        "'{0}' という名前のノードが二つあります。ノードごとに別の名前 (とフォルダー) が必要です", host.Facts.Name), host.Facts.Name);
                }
                else names.Add(host.Facts.Name, host);
                if (host.Text("ipv4_address") is not { } address) continue;
                if (addresses.TryGetValue(address, out var other))
                {
                    run.Report(rule, host, null, "ipv4_address", SoraText.Format(
                        "ipv4_address {0} is also node {1}'s: each node is a server of its own, with its own address",
                        "ipv4_address {0} はノード {1} と同じです。ノードはそれぞれ別のサーバーで、別のアドレスを持ちます", address, other.Facts.Name), address);
                }
                else addresses.Add(address, host);
            }
        }
    }

    /// <summary><c>cluster_port_ranges</c>: nodes whose inter-node port ranges differ (one firewall rule cannot fit).</summary>
    internal sealed class ClusterPortRangesCheck : IDeploymentCheck
    {
        public string Kind => "cluster_port_ranges";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            if (!run.Facts.IsCluster || run.Hosts.Count < 2) return;
            var first = run.Hosts[0];
            var expected = (first.Number("cluster_listen_min_port"), first.Number("cluster_listen_max_port"));
            for (int i = 1; i < run.Hosts.Count; i++)
            {
                var host = run.Hosts[i];
                var range = (host.Number("cluster_listen_min_port"), host.Number("cluster_listen_max_port"));
                if (range == expected) continue;
                run.Report(rule, host, null, "cluster_listen_min_port", SoraText.Format(
                    "the cluster ports of node {0} are {1}–{2}, but node {3}'s are {4}–{5}: give every node the same range, so one firewall rule opens it",
                    "ノード {0} のクラスター用ポートは {1}–{2} ですが、ノード {3} は {4}–{5} です。一つのファイアウォールのルールで開けられるよう、全ノードで同じ範囲にしてください",
                    host.Facts.Name, range.Item1, range.Item2, first.Facts.Name, expected.Item1, expected.Item2));
            }
        }
    }

    /// <summary><c>cluster_membership</c>: a node of the cluster whose sora.conf does not turn clustering on.</summary>
    internal sealed class ClusterMembershipCheck : IDeploymentCheck
    {
        public string Kind => "cluster_membership";

        public void Run(SoraRuleInfo rule, DeploymentRun run)
        {
            if (!run.Facts.IsCluster) return;
            foreach (var host in run.Hosts)
            {
                if (host.IsTrue("cluster")) continue;
                run.Report(rule, host, null, "cluster", SoraText.Format(
                    "node {0} does not set cluster = true: it runs on its own and never joins the cluster",
                    "ノード {0} は cluster = true を設定していないため、単独で動きクラスターに参加しません", host.Facts.Name));
            }
        }
    }
}
