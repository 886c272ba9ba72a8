using System;
using System.Collections.Generic;
using System.Linq;
using Sora.Config.Deployment.Planning;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Deployment
{
    /// <summary>A Sora cluster: several hosts from one model, rendered into one folder per node and checked together —
    /// each node as a <see cref="SoraDeployment"/>, and the cluster rules (at least 3 regular nodes, an odd count, distinct
    /// nodes, one range of cluster ports). Nodes talk over TCP 4369 (epmd) and <c>cluster_listen_min_port</c>–
    /// <c>cluster_listen_max_port</c>; each node needs a licence of its own (Shiguredo's CLUSTER page).</summary>
    public sealed class SoraCluster : ISoraDeployment
    {
        /// <summary>The regular nodes, each with a name (its folder in the bundle) and its deployment.</summary>
        public IReadOnlyList<SoraClusterNode> Nodes { get; set; } = Array.Empty<SoraClusterNode>();

        public IReadOnlyList<SoraConfDiagnostic> Validate() => Validate(new SoraConfEvaluationOptions
        {
            Profile = Nodes.Count > 0 && Nodes[0].Deployment.Conf is { } conf ? conf.Profile : SoraConfProfile.Production,
        });

        public IReadOnlyList<SoraConfDiagnostic> Validate(SoraConfEvaluationOptions options)
        {
            var hosts = Hosts();
            return DeploymentValidation.Validate(hosts, Facts(hosts), options);
        }

        /// <summary>One folder per node.</summary>
        public SoraBundle Render() => new SoraBundle(Hosts().SelectMany(h => h.Files()));

        public SoraDeploymentFacts ToFacts() => Facts(Hosts());

        private List<HostBundle> Hosts() => Nodes.Select(n => (n ?? throw new InvalidOperationException("SoraCluster.Nodes holds null.")).Deployment.Bundle(n.Name + "/", n.Name)).ToList();

        private static SoraDeploymentFacts Facts(List<HostBundle> hosts)
        {
            var facts = new SoraDeploymentFacts { IsCluster = true };
            foreach (var h in hosts) facts.Hosts.Add(h.Facts());
            return facts;
        }
    }

    /// <summary>A node of a <see cref="SoraCluster"/>.</summary>
    public sealed class SoraClusterNode
    {
        /// <param name="name">The node's name: its folder in the bundle (letters, digits, '-', '_', '.').</param>
        /// <param name="deployment">The node's host.</param>
        public SoraClusterNode(string name, SoraDeployment deployment)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Deployment = deployment ?? throw new ArgumentNullException(nameof(deployment));
        }

        public string Name { get; }

        public SoraDeployment Deployment { get; }

        public override string ToString() => Name;
    }
}
