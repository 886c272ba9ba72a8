using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Sora.Config.Deployment;

namespace Sora.Config.Benchmarks
{
    /// <summary>A 100-node cluster's bundle (500 files: sora.conf, nginx.conf, the unit, sysctl and logrotate per node)
    /// from the typed model — rendered, validated (every sora.conf's rules and the SORA3xxx deployment rules), and both —
    /// side by side with what a team writes without Sora.Config: the same 500 files from a plain StringBuilder, filling
    /// each node's values into fixed text, with no checks at all (the baseline).</summary>
    [MemoryDiagnoser]
    [MedianColumn] // on a shared, noisy machine the median is the steadier figure
    [SimpleJob(warmupCount: 3, iterationCount: 15)]
    public class ClusterBenchmarks
    {
        public const int NodeCount = 100;

        private SoraCluster cluster = new();

        // The baseline's input: node 1's files as lines, and what differs per node (its address and names).
        private (string Path, string[] Lines)[] template = Array.Empty<(string, string[])>();

        [GlobalSetup]
        public void Setup()
        {
            cluster = Cluster(NodeCount);
            var node1 = new SoraCluster { Nodes = new[] { cluster.Nodes[0] } }.Render().Files;
            template = node1.Select(f => (f.Key.Substring("sora-1/".Length), f.Value.Split('\n'))).ToArray();
            // Sanity: the baseline writes exactly the files the model renders.
            var rendered = cluster.Render().Files;
            var plain = StringBuilderFiles();
            if (rendered.Count != plain.Count || rendered.Any(f => !plain.TryGetValue(f.Key, out var text) || text != f.Value))
                throw new InvalidOperationException("The StringBuilder baseline does not write the same files as Render().");
        }

        [Benchmark(Baseline = true, Description = "StringBuilder: the same 500 files, no checks")]
        public Dictionary<string, string> StringBuilderFiles()
        {
            var files = new Dictionary<string, string>(template.Length * NodeCount, StringComparer.Ordinal);
            var sb = new StringBuilder(8192);
            for (int i = 1; i <= NodeCount; i++)
            {
                var name = "sora-" + i;
                var address = Address(i);
                foreach (var (path, lines) in template)
                {
                    sb.Clear();
                    foreach (var line in lines)
                    {
                        if (sb.Length > 0) sb.Append('\n');
                        sb.Append(line);
                    }
                    // Node 1's values become node i's (the names "sora-1…" and the address 10.0.30.11 occur only as such).
                    sb.Replace("sora-1", name).Replace(Address(1), address);
                    files.Add(name + "/" + path, sb.ToString());
                }
            }
            return files;
        }

        [Benchmark(Description = "Render()")]
        public int Render() => cluster.Render().Files.Count;

        [Benchmark(Description = "Validate()")]
        public int Validate() => cluster.Validate().Count;

        [Benchmark(Description = "Validate() + Render()")]
        public int ValidateAndRender() => cluster.Validate().Count + cluster.Render().Files.Count;

        /// <summary>The production guide's layout per node, on private addresses and .internal names.</summary>
        public static SoraCluster Cluster(int nodes) => new()
        {
            Nodes = Enumerable.Range(1, nodes).Select(i => new SoraClusterNode("sora-" + i, new SoraDeployment
            {
                Conf = new SoraConf
                {
                    Ipv4Address = IPAddress.Parse(Address(i)),
                    ApiLoopbackAddressOnly = true,
                    SignalingLoopbackAddressOnly = true,
                    Cluster = true,
                    TurnFqdn = $"sora-{i}-turns.sora.internal",
                    TurnTcpPort = 443,
                    TurnTls = true,
                    TurnTlsFqdn = $"sora-{i}-turns.sora.internal",
                    TurnTlsPort = 443,
                },
                SignalingHost = $"sora-{i}.sora.internal",
                CertificateFile = $"/etc/ssl/sora-{i}/fullchain.pem",
                CertificateKeyFile = $"/etc/ssl/sora-{i}/privkey.pem",
                MaxConnections = 2000,
            })).ToList(),
        };

        private static string Address(int i) => "10.0.30." + (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
