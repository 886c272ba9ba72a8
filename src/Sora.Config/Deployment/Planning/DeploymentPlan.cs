using System;
using Sora.Config.Evaluation.Checks;

namespace Sora.Config.Deployment.Planning
{
    /// <summary>Every value of one host's bundle, worked out once from the typed model and its sora.conf's effective
    /// values: what the renderers write and, through the rendered files, what the deployment rules check.</summary>
    internal sealed class DeploymentPlan
    {
        /// <summary>What nginx is told to send TURN-TCP to when <c>ipv4_address</c> is not set: a name under
        /// <c>.invalid</c> (RFC 2606), which never resolves, so <c>nginx -t</c> refuses the file as SORA3001 does.</summary>
        public const string UnsetAddress = "ipv4-address-not-set.invalid";

        /// <summary>nginx 1.19.1 fixed unix-socket listeners left on disk after a QUIT (trac #753).</summary>
        public static readonly Version QuitFixed = new Version(1, 19, 1);

        /// <summary>TLS 1.3 in nginx's <c>ssl_protocols</c> from 1.13.0.</summary>
        public static readonly Version Tls13 = new Version(1, 13, 0);

        public DeploymentPlan(SoraDeployment model, string prefix)
        {
            Model = model;
            Prefix = prefix;
            var conf = model.Conf!;
            Conf = new EffectiveConf(conf);
            Ipv4 = Conf.Text("ipv4_address");
            TurnTcpListenPort = Conf.Number("turn_tcp_listen_port") ?? 3478;
            SignalingPort = Conf.Number("signaling_port") ?? 5000;
            ApiPort = Conf.Number("api_port") ?? 3000;
            TurnTlsHost = Conf.Text("turn_tls_fqdn") ?? Conf.Text("turn_fqdn");
            RoutesTurnTls = Conf.IsTrue("turn") && Conf.IsTrue("turn_tls") && TurnTlsHost != null;
            TurnTcpUpstream = (Ipv4 ?? UnsetAddress) + ":" + TurnTcpListenPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            FileDescriptorLimit = model.FileDescriptorLimit ?? SizedFileLimit(model.MaxConnections);
            // Every client connection through nginx has an upstream connection too; a client may hold signaling and TURN.
            WorkerConnections = (int)Math.Min(Math.Max(1024L, 4L * model.MaxConnections), 524288L);
            // At least twice worker_connections (a connection can hold two descriptors), capped at fs.nr_open's usual value.
            WorkerRlimitNofile = Math.Min(2L * WorkerConnections, MaxFileLimit);
            var run = model.NginxRuntimeDirectory.TrimEnd('/');
            SignalingSocket = run + "/nginx-sora-signaling.sock";
            TurnTlsSocket = run + "/nginx-sora-turns.sock";
            Home = model.SoraHome.TrimEnd('/');
            Group = string.IsNullOrEmpty(model.Group) ? model.User : model.Group!;
        }

        /// <summary><c>fs.nr_open</c> on Debian 12 (measured), the highest limit that can be applied.</summary>
        public const long MaxFileLimit = 1048576;

        public SoraDeployment Model { get; }

        /// <summary>The node's folder with a trailing slash in a cluster, else empty.</summary>
        public string Prefix { get; }

        public EffectiveConf Conf { get; }

        public string? Ipv4 { get; }

        public long TurnTcpListenPort { get; }

        public long SignalingPort { get; }

        public long ApiPort { get; }

        public string? TurnTlsHost { get; }

        /// <summary>nginx gets a TURN-TLS route: TURN and TURN-TLS are on and clients are given a host name for it.</summary>
        public bool RoutesTurnTls { get; }

        public string TurnTcpUpstream { get; }

        public long FileDescriptorLimit { get; }

        public int WorkerConnections { get; }

        public long WorkerRlimitNofile { get; }

        public string SignalingSocket { get; }

        public string TurnTlsSocket { get; }

        public string Home { get; }

        public string Group { get; }

        /// <summary>The bundle gets an nginx.service drop-in that stops nginx with TERM.</summary>
        public bool NeedsStopDropIn => Model.NginxVersion < QuitFixed;

        /// <summary>The sized <c>LimitNOFILE</c>: Sora's documented ratio (the default 1024 serves about 100 connections,
        /// i.e. about 10 per connection), at least 65536 and at most <see cref="MaxFileLimit"/> — never more, since Sora runs
        /// on Erlang, which sizes its tables from the limit. Always at least the 2 per connection of SORA3008.</summary>
        public static long SizedFileLimit(long connections)
        {
            long wanted = Math.Max(65536L, RoundUp(10L * connections, 1024));
            return Math.Min(Math.Max(wanted, FileLimits.Needed(connections)), MaxFileLimit);
        }

        private static long RoundUp(long value, long step) => (value + step - 1) / step * step;
    }
}
