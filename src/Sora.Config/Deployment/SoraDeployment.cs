using System;
using System.Collections.Generic;
using Sora.Config.Deployment.Planning;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Deployment
{
    /// <summary>One Sora host in production, as one typed model: its sora.conf and what goes around it — nginx on 443
    /// (Shiguredo's layout), the systemd unit, kernel settings and log rotation. <see cref="Render"/> writes the files,
    /// <see cref="Validate()"/> checks them together (the sora.conf's own rules and the deployment rules, SORA3xxx).
    /// docs/deploying.md walks from this model to a running host.</summary>
    public sealed class SoraDeployment : ISoraDeployment
    {
        /// <summary>The host's sora.conf: any <c>[GeneratedSoraConf]</c> class.</summary>
        public ISoraConf? Conf { get; set; }

        /// <summary>The host name of signaling (https/wss): nginx's SNI name for it and its <c>server_name</c>.</summary>
        public string SignalingHost { get; set; } = "";

        /// <summary>The certificate nginx presents for signaling and TURN-TLS (PEM, leaf first); it must name both hosts.</summary>
        public string CertificateFile { get; set; } = "";

        public string CertificateKeyFile { get; set; } = "";

        /// <summary>The concurrent connections the host is sized for (its licence): sizes <c>LimitNOFILE</c> and nginx's
        /// workers. Shiguredo's guidance is at most 10,000 per server.</summary>
        public int MaxConnections { get; set; } = 1000;

        /// <summary>Sora's directory (<c>bin/sora</c>, <c>log/</c>); an absolute path.</summary>
        public string SoraHome { get; set; } = "/home/sora/sora";

        /// <summary>The user Sora runs as.</summary>
        public string User { get; set; } = "sora";

        /// <summary>The group Sora runs as; null = <see cref="User"/>.</summary>
        public string? Group { get; set; }

        /// <summary>The nginx version the host runs (Debian 12: 1.22.1). Below 1.11.5 the layout cannot work (no
        /// <c>ssl_preread</c>); below 1.19.1 the bundle adds a drop-in that stops nginx with TERM.</summary>
        public Version NginxVersion { get; set; } = new Version(1, 22, 1);

        /// <summary><c>LimitNOFILE</c> of the unit; null = sized from <see cref="MaxConnections"/>.</summary>
        public long? FileDescriptorLimit { get; set; }

        /// <summary>Publishes the HTTP API through nginx; null (the default) keeps it on loopback only.</summary>
        public SoraApiProxy? Api { get; set; }

        /// <summary>The kernel settings of <c>sysctl/99-sora.conf</c>.</summary>
        public SoraKernelTuning Kernel { get; set; } = new SoraKernelTuning();

        /// <summary>Weekly log files kept by logrotate.</summary>
        public int LogRotations { get; set; } = 8;

        /// <summary>Harden the unit (<c>ProtectSystem=strict</c>, a system-call filter, …; see the unit's comments).</summary>
        public bool Hardening { get; set; } = true;

        /// <summary>nginx's worker user (Debian: <c>www-data</c>).</summary>
        public string NginxUser { get; set; } = "www-data";

        /// <summary>Where nginx writes its logs.</summary>
        public string NginxLogDirectory { get; set; } = "/var/log/nginx";

        /// <summary>Where nginx puts the unix sockets between its servers.</summary>
        public string NginxRuntimeDirectory { get; set; } = "/run";

        /// <summary>Where nginx's dynamic modules are (Debian: <c>/usr/lib/nginx/modules</c>, from <c>libnginx-mod-stream</c>).</summary>
        public string NginxModulesDirectory { get; set; } = "/usr/lib/nginx/modules";

        public IReadOnlyList<SoraConfDiagnostic> Validate() => Validate(new SoraConfEvaluationOptions { Profile = CheckedConf().Profile });

        public IReadOnlyList<SoraConfDiagnostic> Validate(SoraConfEvaluationOptions options)
        {
            var host = Bundle("", "");
            var facts = new SoraDeploymentFacts();
            facts.Hosts.Add(host.Facts());
            return DeploymentValidation.Validate(new[] { host }, facts, options);
        }

        public SoraBundle Render() => new SoraBundle(Bundle("", "").Files());

        public SoraDeploymentFacts ToFacts()
        {
            var facts = new SoraDeploymentFacts();
            facts.Hosts.Add(Bundle("", "").Facts());
            return facts;
        }

        internal HostBundle Bundle(string prefix, string name)
        {
            DeploymentValidation.Require(this, name);
            return new HostBundle(this, prefix, name);
        }

        private ISoraConf CheckedConf() => Conf ?? throw new InvalidOperationException("SoraDeployment.Conf is not set: give the host's sora.conf (a [GeneratedSoraConf] class).");
    }
}
