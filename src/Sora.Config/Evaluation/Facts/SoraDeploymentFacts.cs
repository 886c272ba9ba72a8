using System;
using System.Collections.Generic;
using Sora.Config.Syntax;

namespace Sora.Config.Evaluation.Facts
{
    /// <summary>What a deployment is made of, as the SORA3xxx rules see it: one or more hosts, each with its sora.conf and
    /// what nginx, the systemd unit and the kernel settings around it say, every fact with where it was read. Built from a
    /// typed <c>SoraDeployment</c> or <c>SoraCluster</c> (<c>ToFacts()</c>), or from an operator's files by a parser;
    /// evaluated by <see cref="SoraDeploymentEvaluator"/>.</summary>
    public sealed class SoraDeploymentFacts
    {
        /// <summary>The hosts: one for a single Sora server, one per node for a cluster.</summary>
        public IList<SoraHostFacts> Hosts { get; } = new List<SoraHostFacts>();

        /// <summary>The hosts are the nodes of one Sora cluster (the cluster rules apply).</summary>
        public bool IsCluster { get; set; }

        /// <summary>Where the cluster is defined, for findings about the cluster as a whole (its size); null when unknown.</summary>
        public SoraFactSource? ClusterSource { get; set; }

        /// <summary>Suppression comments of the deployment's files other than sora.conf.</summary>
        public IList<SoraFactSuppression> Suppressions { get; } = new List<SoraFactSuppression>();

        /// <summary>What the parsers of an operator's files could not read (empty for a rendered bundle).</summary>
        public IList<SoraFactProblem> Problems { get; } = new List<SoraFactProblem>();
    }

    /// <summary>One host running Sora: its sora.conf, and the facts of the files around it. A fact that is null (or a list
    /// that is empty) is unknown, and the rules that need it do not run.</summary>
    public sealed class SoraHostFacts
    {
        /// <param name="conf">The host's sora.conf (its <see cref="SoraConfDocument.Path"/> names it in findings).</param>
        public SoraHostFacts(SoraConfDocument conf) => Conf = conf ?? throw new ArgumentNullException(nameof(conf));

        /// <summary>The node's name in a cluster (its folder in a bundle); empty for a single host.</summary>
        public string Name { get; set; } = "";

        public SoraConfDocument Conf { get; }

        /// <summary>How many concurrent connections the host is sized for (what the licence allows it).</summary>
        public SoraFact<long>? MaxConnections { get; set; }

        /// <summary>nginx in front of Sora on this host; null when there is none.</summary>
        public SoraNginxFacts? Nginx { get; set; }

        /// <summary>The systemd unit that runs Sora; null when unknown.</summary>
        public SoraUnitFacts? Unit { get; set; }

        /// <summary>The kernel settings the deployment writes (<c>/etc/sysctl.d</c>), in file order.</summary>
        public IList<SoraSysctlSetting> Sysctl { get; } = new List<SoraSysctlSetting>();

        /// <summary>Host names and addresses the deployment itself names outside sora.conf (the signaling host, nginx's
        /// upstreams), for the placeholder check.</summary>
        public IList<SoraFact<string>> Names { get; } = new List<SoraFact<string>>();

        public override string ToString() => Name.Length == 0 ? Conf.Path ?? "sora.conf" : Name;
    }

    /// <summary>One kernel setting: <c>net.core.rmem_max = 26214400</c>.</summary>
    public sealed class SoraSysctlSetting
    {
        public SoraSysctlSetting(string key, string value, SoraFactSource? source = null)
        {
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Value = value ?? throw new ArgumentNullException(nameof(value));
            Source = source;
        }

        public string Key { get; }

        /// <summary>As written (a number, or several separated by whitespace, such as <c>udp_mem</c>'s three).</summary>
        public string Value { get; }

        public SoraFactSource? Source { get; }

        public override string ToString() => Key + " = " + Value;
    }
}
