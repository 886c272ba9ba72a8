using System;
using System.Collections.Generic;
using Sora.Config.Deployment.Parsing.Nginx;
using Sora.Config.Deployment.Parsing.Sysctl;
using Sora.Config.Deployment.Parsing.Systemd;
using Sora.Config.Evaluation.Facts;
using Sora.Config.Syntax;

namespace Sora.Config.Deployment.Parsing
{
    /// <summary>The files an operator already runs Sora with — nginx's configuration, the systemd unit, sysctl.d files —
    /// read into the same facts a typed <see cref="SoraDeployment"/> gives, so that the same deployment rules
    /// (<see cref="Evaluation.SoraDeploymentEvaluator"/>) judge them at the lines of those files. Reading never throws on
    /// bad input: what cannot be read is a problem in <see cref="SoraDeploymentFacts.Problems"/>.</summary>
    public sealed class SoraDeploymentFiles
    {
        /// <summary>nginx's main configuration file (<c>include</c>s are followed); null when not checked.</summary>
        public string? NginxConfig { get; set; }

        /// <summary>The systemd unit that runs Sora (its <c>.d/*.conf</c> drop-ins are read too); null when not checked.</summary>
        public string? SystemdUnit { get; set; }

        /// <summary>sysctl.d files, in the order the kernel settings are applied (a later file overrides an earlier one).</summary>
        public IList<string> SysctlFiles { get; } = new List<string>();

        /// <summary>How many concurrent connections the host is sized for; null when unknown (the file-descriptor sizing
        /// rule then does not run).</summary>
        public long? MaxConnections { get; set; }

        /// <summary>Reads the files around <paramref name="conf"/> into one host's facts.</summary>
        public SoraDeploymentFacts Read(SoraConfDocument conf)
        {
            if (conf is null) throw new ArgumentNullException(nameof(conf));
            var facts = new SoraDeploymentFacts();
            var host = new SoraHostFacts(conf);
            if (MaxConnections is { } max) host.MaxConnections = new SoraFact<long>(max);
            if (NginxConfig is { } nginx)
            {
                var directives = NginxParser.ParseFile(nginx, facts.Problems, facts.Suppressions, out bool complete);
                // nginx refuses a configuration it cannot read to the end; judging half of it would only add guesses.
                if (complete)
                {
                    host.Nginx = NginxFactsReader.Read(directives, new SoraFactSource(nginx), NginxParser.Prefix(nginx));
                    foreach (var route in host.Nginx.SniRoutes) host.Names.Add(route.ServerName);
                }
            }
            if (SystemdUnit is { } unit) host.Unit = UnitParser.ParseFile(unit, facts.Problems, facts.Suppressions);
            foreach (var file in SysctlFiles) SysctlParser.ParseFile(file, host.Sysctl, facts.Problems, facts.Suppressions);
            facts.Hosts.Add(host);
            return facts;
        }
    }
}
