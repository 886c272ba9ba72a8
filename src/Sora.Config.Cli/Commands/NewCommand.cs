using System.CommandLine;
using System.Text;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Catalog;

namespace Sora.Config.Cli.Commands
{
    /// <summary><c>sora-conf new [--sora-version V]</c>: prints a production starter sora.conf. Values the
    /// operator must supply are placeholders from the ranges reserved for documentation (192.0.2.0/24,
    /// *.example.com), which `lint` reports as SORA0010 until they are replaced; with real values the
    /// file passes `lint` with no finding at all.</summary>
    internal static class NewCommand
    {
        public const string PlaceholderIpv4 = "192.0.2.10";
        public const string PlaceholderTurnHost = "turn.example.com";

        public static Command Create()
        {
            var version = CommonOptions.SoraVersion();
            var bundle = new Option<string?>("--bundle") { Description = "Write the whole production setup of one host into this folder instead: sora.conf, nginx/nginx.conf, systemd/sora.service, sysctl/99-sora.conf, logrotate/sora (docs/deploying.md)." };
            var ipv4 = new Option<string?>("--ipv4-address") { Description = "With --bundle: the host's public IPv4 address (ipv4_address, nginx's TURN-TCP upstream)." };
            var signaling = new Option<string?>("--signaling-host") { Description = "With --bundle: the host name of signaling (https/wss)." };
            var turns = new Option<string?>("--turn-tls-host") { Description = "With --bundle: the TURN-TLS host name (turn_fqdn, turn_tls_fqdn); must differ from the signaling host." };
            var certificate = new Option<string?>("--certificate") { Description = "With --bundle: the certificate nginx presents (PEM), naming both hosts; its absolute path on the server." };
            var certificateKey = new Option<string?>("--certificate-key") { Description = "With --bundle: the certificate's private key; its absolute path on the server." };
            var connections = new Option<int>("--max-connections") { Description = "With --bundle: the connections the host is sized for (LimitNOFILE, nginx workers).", DefaultValueFactory = _ => 1000 };
            var command = new Command("new", "Print a production-ready starter sora.conf (loopback-only API and signaling, pinned IPv4 placeholder, TURN-TLS on 443), or with --bundle write a host's whole production setup.")
            {
                version, bundle, ipv4, signaling, turns, certificate, certificateKey, connections,
            };
            command.SetAction(parse =>
            {
                var target = CommonOptions.ResolveVersion(parse.GetValue(version));
                using var stdout = CommonOptions.Stdout();
                if (parse.GetValue(bundle) is { } directory)
                {
                    return NewBundle.Write(directory, target, new NewBundle.Options
                    {
                        Ipv4Address = parse.GetValue(ipv4),
                        SignalingHost = parse.GetValue(signaling),
                        TurnTlsHost = parse.GetValue(turns),
                        Certificate = parse.GetValue(certificate),
                        CertificateKey = parse.GetValue(certificateKey),
                        MaxConnections = parse.GetValue(connections),
                    }, stdout);
                }
                stdout.Write(Starter(target));
                return ExitCodes.Success;
            });
            return command;
        }

        public static string Starter(string version)
        {
            var sb = new StringBuilder();
            void Comment(string text) => sb.Append(text.Length == 0 ? "#" : "# " + text).Append('\n');
            void Blank() => sb.Append('\n');
            void Set(string key, string value)
            {
                // Written only when the targeted release has the key.
                if (CliCatalog.Current.TryGetKey(key, out var info) && info.ExistsIn(version)) sb.Append(key).Append(" = ").Append(value).Append('\n');
            }

            Comment($"sora.conf production starter for Sora {version}, written by `sora-conf new`.");
            Comment("");
            Comment($"Replace the placeholders before use: the documentation address {PlaceholderIpv4} and the");
            Comment($"host name {PlaceholderTurnHost}. `sora-conf lint` reports each one left (SORA0010);");
            Comment("with real values this file passes `sora-conf lint` without any finding.");
            Comment("");
            Comment("sora.conf rules: one `key = value` per line; a comment is a whole line starting");
            Comment("with '#', never text after a value; UTF-8 without BOM; LF line endings.");
            Blank();
            Comment("License file issued by Shiguredo, relative to Sora's directory.");
            Set("license_file", "etc/license.json");
            Blank();
            Comment("The public IPv4 address Sora announces for media and TURN. Pin it (placeholder).");
            Set("ipv4_address", PlaceholderIpv4);
            Blank();
            Comment("HTTP API and signaling accept loopback connections only: keep the API local and");
            Comment("publish signaling (wss://) through a TLS reverse proxy on this host.");
            Set("api_port", "3000");
            Set("api_loopback_address_only", "true");
            Set("signaling_port", "5000");
            Set("signaling_loopback_address_only", "true");
            Blank();
            Comment("Built-in TURN. Clients reach TURN-TLS on port 443: a TLS-terminating proxy on 443");
            Comment("forwards to TURN-TCP on turn_tcp_listen_port. The host name must resolve to");
            Comment("ipv4_address and match the proxy's certificate (placeholder).");
            Set("turn", "true");
            Set("turn_fqdn", PlaceholderTurnHost);
            Set("turn_tcp_listen_port", "3478");
            Set("turn_tls", "true");
            Set("turn_tls_fqdn", PlaceholderTurnHost);
            Set("turn_tls_port", "443");
            Blank();
            Comment("Safe defaults spelled out: keep the auth webhook log, no demo pages, IPv6 off");
            Comment("(Safari is unstable over IPv6).");
            Set("auth_webhook_log", "true");
            Set("demo", "false");
            Set("ipv6", "false");
            return sb.ToString();
        }
    }
}
