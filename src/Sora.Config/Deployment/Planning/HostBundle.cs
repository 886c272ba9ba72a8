using System.Collections.Generic;
using Sora.Config.Deployment.Rendering;
using Sora.Config.Evaluation.Facts;
using Sora.Config.Syntax;

namespace Sora.Config.Deployment.Planning
{
    /// <summary>One host's rendered files, and the facts read from them: the typed deployment's view of what the
    /// deployment rules check. A fact points at the line of the rendered file that carries it.</summary>
    internal sealed class HostBundle
    {
        public HostBundle(SoraDeployment model, string prefix, string name)
        {
            Plan = new DeploymentPlan(model, prefix);
            var conf = model.Conf!;
            ConfText = conf.Serialize();
            ConfPath = prefix + "sora.conf";
            ConfSecret = SoraConfWriter.ContainsSecret(conf.ToSettings(), conf.Catalog);
            Nginx = NginxRenderer.Render(Plan);
            (Unit, UnitFacts) = UnitRenderer.Render(Plan);
            (Sysctl, SysctlFacts) = SysctlRenderer.Render(Plan);
            Logrotate = LogrotateRenderer.Render(Plan);
            if (Plan.NeedsStopDropIn) (NginxDropIn, StopSignal) = UnitRenderer.RenderNginxDropIn(Plan);
            Name = name;
        }

        public string Name { get; }

        public DeploymentPlan Plan { get; }

        public string ConfText { get; }

        public string ConfPath { get; }

        public bool ConfSecret { get; }

        public FileText Nginx { get; }

        public FileText Unit { get; }

        public SoraUnitFacts UnitFacts { get; }

        public FileText Sysctl { get; }

        public List<SoraSysctlSetting> SysctlFacts { get; }

        public FileText Logrotate { get; }

        public FileText? NginxDropIn { get; }

        public SoraFact<string>? StopSignal { get; }

        public IEnumerable<(string Path, string Content, bool Secret)> Files()
        {
            yield return (ConfPath, ConfText, ConfSecret);
            foreach (var f in new[] { Nginx, Unit, Sysctl, Logrotate, NginxDropIn })
            {
                if (f != null) yield return (f.Path, f.ToString(), false);
            }
        }

        /// <summary>The host's facts, from the rendered files' anchors.</summary>
        public SoraHostFacts Facts()
        {
            var m = Plan.Model;
            var host = new SoraHostFacts(SoraConfDocument.Parse(ConfText, ConfPath)) { Name = Name, Unit = UnitFacts };
            host.MaxConnections = new SoraFact<long>(m.MaxConnections, Unit.Anchor("max-connections"));
            foreach (var s in SysctlFacts) host.Sysctl.Add(s);
            host.Names.Add(new SoraFact<string>(m.SignalingHost, Nginx.Anchor("server-name")));

            var nginx = new SoraNginxFacts
            {
                Version = new SoraFact<System.Version>(m.NginxVersion, Nginx.Anchor("nginx-version")),
                PrereadPort = new SoraFact<int>(443, Nginx.Anchor("listen-443")),
                DefaultRoute = Endpoint(Plan.TurnTcpUpstream, Nginx.Anchor("default-route")),
                SignalingUpstream = Endpoint("127.0.0.1:" + Plan.SignalingPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Nginx.Anchor("signaling-upstream")),
                UnixSocketListener = Nginx.Anchor("unix-listen"),
                StopSignal = StopSignal,
            };
            nginx.ListenPorts.Add(nginx.PrereadPort);
            var certificate = SoraCertificateFacts.Read(new SoraFact<string>(m.CertificateFile, Nginx.Anchor("cert-signaling")));
            nginx.SniRoutes.Add(new SoraSniRoute(new SoraFact<string>(m.SignalingHost, Nginx.Anchor("sni-signaling")), SoraSniTarget.Signaling, certificate));
            if (Plan.RoutesTurnTls)
            {
                nginx.SniRoutes.Add(new SoraSniRoute(new SoraFact<string>(Plan.TurnTlsHost!, Nginx.Anchor("sni-turns")), SoraSniTarget.TurnTls, certificate));
                nginx.TurnTlsUpstream = Endpoint(Plan.TurnTcpUpstream, Nginx.Anchor("turns-upstream"));
            }
            if (m.Api is { } api)
            {
                nginx.ApiUpstream = Endpoint("127.0.0.1:" + Plan.ApiPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Nginx.Anchor("api-upstream"));
                nginx.ApiAuthenticated = new SoraFact<bool>(api.IsAuthenticated, Nginx.Anchor("api-upstream"));
            }
            host.Nginx = nginx;
            return host;
        }

        private static SoraFact<SoraEndpoint>? Endpoint(string text, SoraFactSource? at) =>
            SoraEndpoint.TryParse(text, out var endpoint) ? new SoraFact<SoraEndpoint>(endpoint, at) : null;
    }
}
