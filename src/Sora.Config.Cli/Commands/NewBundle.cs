using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Cli.Linting;
using Sora.Config.Deployment;
using Sora.Config.Diagnostics;
using Sora.Config.Values;

namespace Sora.Config.Cli.Commands
{
    /// <summary><c>sora-conf new --bundle DIR</c>: the whole production setup of one host (sora.conf, nginx on 443, the
    /// systemd unit, sysctl, logrotate), rendered by the runtime's typed deployment model from the starter sora.conf.
    /// Values the operator has not given are placeholders (documentation addresses, example.com names); each is reported
    /// (SORA0010 in sora.conf, SORA3015 elsewhere) until the command is run again with the real value.</summary>
    internal static class NewBundle
    {
        public const string PlaceholderSignalingHost = "sora.example.com";
        public const string PlaceholderTurnTlsHost = "sora-turns.example.com";

        public sealed class Options
        {
            public string? Ipv4Address { get; set; }
            public string? SignalingHost { get; set; }
            public string? TurnTlsHost { get; set; }
            public string? Certificate { get; set; }
            public string? CertificateKey { get; set; }
            public int MaxConnections { get; set; } = 1000;
        }

        public static int Write(string directory, string version, Options options, TextWriter stdout)
        {
            // Read as Sora reads ipv4_address (strictly): IPAddress.Parse would take "1.2.3" as 1.2.0.3 and "010.0.0.1" as 8.0.0.1.
            IPAddress? address = null;
            if (options.Ipv4Address != null)
            {
                object? parsed = null;
                SoraValueError? error = null;
                if (!CliCatalog.Current.TryGetKey("ipv4_address", out var key) || !SoraValueCodec.TryParse(key, options.Ipv4Address, out parsed, out error))
                    throw new CliException($"--ipv4-address: {error?.Text.ToString() ?? "'" + options.Ipv4Address + "' is not an IPv4 address"}", ExitCodes.UsageOrIo);
                address = (IPAddress)parsed!;
            }
            // The paths nginx reads on the server (SoraDeployment refuses a relative one too, in its own words).
            foreach (var (option, value, file) in new[] { ("--certificate", options.Certificate, "fullchain.pem"), ("--certificate-key", options.CertificateKey, "privkey.pem") })
            {
                if (value != null && !value.StartsWith("/", StringComparison.Ordinal))
                    throw new CliException($"{option} '{value}' is not an absolute path; give the path nginx reads on the server, such as /etc/letsencrypt/live/<host>/{file}", ExitCodes.UsageOrIo);
            }
            if (options.MaxConnections <= 0)
                throw new CliException("--max-connections must be positive.", ExitCodes.UsageOrIo);
            var signaling = options.SignalingHost ?? PlaceholderSignalingHost;
            var turns = options.TurnTlsHost ?? PlaceholderTurnTlsHost;
            // The starter sora.conf, its placeholders replaced through the typed class; nginx owns 443 and forwards
            // TURN-TCP there too, so the TURN URLs say 443 (the production guide's layout).
            var conf = SoraConf.Parse(NewCommand.Starter(version));
            conf.Ipv4Address = address ?? IPAddress.Parse(NewCommand.PlaceholderIpv4);
            conf.TurnFqdn = turns;
            conf.TurnTlsFqdn = turns;
            conf.TurnTcpPort = 443;
            var deployment = new SoraDeployment
            {
                Conf = conf,
                SignalingHost = signaling,
                CertificateFile = options.Certificate ?? $"/etc/letsencrypt/live/{signaling}/fullchain.pem",
                CertificateKeyFile = options.CertificateKey ?? $"/etc/letsencrypt/live/{signaling}/privkey.pem",
                MaxConnections = options.MaxConnections,
            };

            System.Collections.Generic.IReadOnlyList<SoraConfDiagnostic> findings;
            SoraBundleWriteResult result;
            try
            {
                findings = deployment.Validate();
                result = deployment.Render().WriteTo(directory);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                throw new CliException("cannot render the bundle: " + e.Message, ExitCodes.UsageOrIo);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write {directory}: {e.Message}", ExitCodes.UsageOrIo);
            }

            foreach (var d in findings)
            {
                stdout.Write(Path.Combine(directory, d.Path ?? "sora.conf").Replace('\\', '/'));
                stdout.Write(FileLinter.Position(d));
                stdout.WriteLine($": {FileLinter.SeverityName(d.Severity)} {d.Id}: {d.Message}");
            }
            stdout.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1} written, {2} unchanged; {3} {4}",
                directory, result.Written.Count, result.Unchanged.Count, findings.Count, findings.Count == 1 ? "finding" : "findings"));
            // Placeholders of sora.conf or of the deployment, whatever rules of those check kinds the catalogue has.
            if (findings.Any(f => f.Rule.Check.Kind is "placeholder" or "deployment_placeholder"))
                stdout.WriteLine("Fill the placeholders: run again with --ipv4-address, --signaling-host, --turn-tls-host (and --certificate, --certificate-key). docs/deploying.md says where each file goes.");
            return findings.Any(f => f.Severity == SoraConfSeverity.Error) ? ExitCodes.Findings : ExitCodes.Success;
        }
    }
}
