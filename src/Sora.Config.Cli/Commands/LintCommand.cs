using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Cli.Linting;
using Sora.Config.Cli.Output;
using Sora.Config.Deployment.Parsing;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Syntax;

namespace Sora.Config.Cli.Commands
{
    /// <summary><c>sora-conf lint [options] &lt;file&gt;...</c>: every diagnostic of the rule catalogue.</summary>
    internal static class LintCommand
    {
        public static Command Create()
        {
            var files = new Argument<string[]>("file")
            {
                Description = "The sora.conf file(s) to check (one with --nginx, --systemd-unit, --sysctl; optional with --host).",
                Arity = ArgumentArity.ZeroOrMore,
            };
            var nginx = new Option<string?>("--nginx") { Description = "nginx's main configuration in front of Sora (includes are followed): check it with the SORA3xxx deployment rules.", HelpName = "file" };
            var unit = new Option<string?>("--systemd-unit") { Description = "The systemd unit that runs Sora (its .d/*.conf drop-ins are read too).", HelpName = "file" };
            var sysctl = new Option<string[]>("--sysctl") { Description = "A sysctl.d file; repeat in the order they apply (a later file overrides an earlier one).", HelpName = "file", AllowMultipleArgumentsPerToken = false };
            var maxConnections = new Option<long?>("--max-connections") { Description = "How many concurrent connections the host serves: sizes the file-descriptor checks.", HelpName = "n" };
            var host = new Option<bool>("--host") { Description = "On a Sora server: check the files at their usual places (nginx, the sora.service unit, sysctl.d, sora.conf from the unit's WorkingDirectory) and say what was not found." };
            var root = new Option<string>("--root") { Description = "With --host: look under this folder instead of / (a mounted image or a copy of a server's files).", HelpName = "dir", DefaultValueFactory = _ => "/" };
            var version = CommonOptions.SoraVersion();
            var profile = new Option<string>("--profile")
            {
                Description = "production runs every rule; development turns the SORA1xxx production-safety rules off.",
                DefaultValueFactory = _ => "production",
            };
            profile.AcceptOnlyFromAmong("production", "development");
            var failOn = new Option<string>("--fail-on")
            {
                Description = "Exit with 1 when a finding is at or above this severity (none: never).",
                DefaultValueFactory = _ => "warning",
            };
            failOn.AcceptOnlyFromAmong("error", "warning", "info", "none");
            var minSeverity = new Option<string>("--min-severity")
            {
                Description = "Show only findings at or above this severity (does not change what --fail-on counts).",
                DefaultValueFactory = _ => "info",
            };
            minSeverity.AcceptOnlyFromAmong("error", "warning", "info");
            var format = new Option<string>("--format")
            {
                Description = "Output format: text (path:line:col: severity ID: message), json or sarif (SARIF 2.1.0).",
                DefaultValueFactory = _ => "text",
            };
            format.AcceptOnlyFromAmong("text", "json", "sarif");
            var output = new Option<string?>("--output", "-o")
            {
                Description = "Write the report to this file instead of stdout.",
                HelpName = "file",
            };
            var noSuppressions = new Option<bool>("--no-inline-suppressions")
            {
                Description = "Ignore '# sora-conf-disable-next-line' comments: report every finding.",
            };

            var command = new Command("lint", "Check sora.conf files against the rule catalogue (grammar, values, production safety, version compatibility).")
            {
                files, version, profile, failOn, minSeverity, format, output, noSuppressions, nginx, unit, sysctl, maxConnections, host, root,
            };
            command.SetAction(parse =>
            {
                var target = CommonOptions.ResolveVersion(parse.GetValue(version));
                var chosenProfile = parse.GetValue(profile) == "development" ? SoraConfProfile.Development : SoraConfProfile.Production;
                var options = new SoraConfEvaluationOptions { Catalog = CliCatalog.Current, SoraVersion = target, Profile = chosenProfile, InlineSuppressions = !parse.GetValue(noSuppressions) };
                var settings = new LintSettings(options, target, fingerprints: parse.GetValue(format) != "text");
                var paths = parse.GetValue(files) ?? Array.Empty<string>();
                var deployment = new SoraDeploymentFiles { NginxConfig = parse.GetValue(nginx), SystemdUnit = parse.GetValue(unit), MaxConnections = parse.GetValue(maxConnections) };
                foreach (var f in parse.GetValue(sysctl) ?? Array.Empty<string>()) deployment.SysctlFiles.Add(f);
                bool around = deployment.NginxConfig != null || deployment.SystemdUnit != null || deployment.SysctlFiles.Count > 0;
                if (parse.GetValue(host))
                {
                    if (around || paths.Length > 1) return Usage("--host finds nginx, the unit and sysctl files itself: give at most the sora.conf path with it");
                    var found = HostDiscovery.Discover(parse.GetValue(root)!, paths.Length == 1 ? paths[0] : null);
                    foreach (var f in found.Found) Report.Note("checked " + f);
                    foreach (var m in found.Missing) Report.Note("not found: " + m);
                    if (found.SoraConf is null) return Usage("--host found no sora.conf; give its path: sora-conf lint --host /path/to/sora/etc/sora.conf");
                    found.Files.MaxConnections = deployment.MaxConnections;
                    return Run(new[] { found.SoraConf }, settings, parse.GetValue(failOn)!, CommonOptions.ParseSeverity(parse.GetValue(minSeverity)!), parse.GetValue(format)!, parse.GetValue(output), found.Files);
                }
                if (paths.Length == 0) return Usage("give a sora.conf file to check, or --host");
                if (around && paths.Length != 1) return Usage("--nginx, --systemd-unit and --sysctl describe the host of one sora.conf: give exactly one");
                if (around && !AllReadable(deployment)) return ExitCodes.UsageOrIo;
                return Run(paths, settings, parse.GetValue(failOn)!, CommonOptions.ParseSeverity(parse.GetValue(minSeverity)!), parse.GetValue(format)!, parse.GetValue(output), around ? deployment : null);
            });
            return command;
        }

        /// <summary>A file named on the command line that cannot be read is a usage error (exit 2), as a missing sora.conf
        /// is, so that --fail-on cannot hide it; each one is reported. (A file nginx includes that is missing is a finding,
        /// SORA3030: nginx refuses that configuration.)</summary>
        private static bool AllReadable(SoraDeploymentFiles deployment)
        {
            var named = new List<(string Option, string File)>();
            if (deployment.NginxConfig != null) named.Add(("--nginx", deployment.NginxConfig));
            if (deployment.SystemdUnit != null) named.Add(("--systemd-unit", deployment.SystemdUnit));
            foreach (var f in deployment.SysctlFiles) named.Add(("--sysctl", f));
            bool ok = true;
            foreach (var (option, file) in named)
            {
                try
                {
                    FileInput.EnsureReadable(file);
                }
                catch (CliException ex)
                {
                    Report.Error(option + " " + ex.Message);
                    ok = false;
                }
            }
            return ok;
        }

        private static int Usage(string message)
        {
            Report.Error(message);
            return ExitCodes.UsageOrIo;
        }

        private static int Run(string[] paths, LintSettings settings, string failOn, SoraConfSeverity minSeverity, string format, string? output, SoraDeploymentFiles? deployment)
        {
            var linted = new List<LintedFile>(paths.Length);
            bool unreadable = false;
            foreach (var path in paths)
            {
                SoraConfDocument document;
                try
                {
                    document = FileInput.Load(path);
                }
                catch (CliException ex)
                {
                    Report.Error(ex.Message);
                    unreadable = true;
                    continue;
                }
                linted.Add(deployment is null ? FileLinter.Lint(document, path, settings) : DeploymentLinter.Lint(document, path, deployment, settings));
            }

            // Nothing could be read: the errors above say it all; an empty report would only look like a pass.
            if (linted.Count == 0) return ExitCodes.UsageOrIo;
            var report = new LintReport(linted, minSeverity, settings.Version, settings.Options.Profile);
            WriteReport(report, format, output);

            if (unreadable) return ExitCodes.UsageOrIo;
            if (failOn == "none") return ExitCodes.Success;
            var threshold = CommonOptions.ParseSeverity(failOn);
            foreach (var file in linted)
            {
                foreach (var finding in file.Findings)
                {
                    if (finding.Severity >= threshold) return ExitCodes.Findings;
                }
            }
            return ExitCodes.Success;
        }

        private static void WriteReport(LintReport report, string format, string? output)
        {
            Stream stream;
            try
            {
                stream = output is null ? Console.OpenStandardOutput() : new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CliException(output + ": cannot write the report: " + FileInput.Reason(ex));
            }
            using (stream)
            {
                switch (format)
                {
                    case "json":
                        JsonOutput.Write(report, stream);
                        break;
                    case "sarif":
                        SarifOutput.Write(report, stream, Directory.GetCurrentDirectory());
                        break;
                    default:
                        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true))
                        {
                            TextOutput.Write(report, writer, color: output is null && UseColor());
                        }
                        break;
                }
            }
        }

        /// <summary>Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb.</summary>
        private static bool UseColor() =>
            !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb";
    }
}
