using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Cli.Linting;
using Sora.Config.Cli.Output;
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
                Description = "The sora.conf file(s) to check.",
                Arity = ArgumentArity.OneOrMore,
            };
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
                files, version, profile, failOn, minSeverity, format, output, noSuppressions,
            };
            command.SetAction(parse =>
            {
                var target = CommonOptions.ResolveVersion(parse.GetValue(version));
                var chosenProfile = parse.GetValue(profile) == "development" ? SoraConfProfile.Development : SoraConfProfile.Production;
                var options = new SoraConfEvaluationOptions { Catalog = CliCatalog.Current, SoraVersion = target, Profile = chosenProfile, InlineSuppressions = !parse.GetValue(noSuppressions) };
                var settings = new LintSettings(options, target);
                return Run(parse.GetValue(files)!, settings, parse.GetValue(failOn)!, CommonOptions.ParseSeverity(parse.GetValue(minSeverity)!), parse.GetValue(format)!, parse.GetValue(output));
            });
            return command;
        }

        private static int Run(string[] paths, LintSettings settings, string failOn, SoraConfSeverity minSeverity, string format, string? output)
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
                linted.Add(FileLinter.Lint(document, path, settings));
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
