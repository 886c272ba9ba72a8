using System;
using System.Collections.Generic;
using System.Linq;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Evaluation.Facts;
using Sora.Config.Syntax;

namespace Sora.Config.Deployment.Planning
{
    /// <summary>What <c>Validate</c> does for a host and a cluster alike: each sora.conf's own findings (its class's
    /// <c>Validate</c>, placed on the line of the bundle's sora.conf), then the deployment rules on the facts.</summary>
    internal static class DeploymentValidation
    {
        public static IReadOnlyList<SoraConfDiagnostic> Validate(IReadOnlyList<HostBundle> hosts, SoraDeploymentFacts facts, SoraConfEvaluationOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            var result = new List<SoraConfDiagnostic>();
            foreach (var host in hosts) result.AddRange(ConfFindings(host, options));
            var first = hosts.Count > 0 ? hosts[0].Plan.Model.Conf : null;
            var deployment = new SoraConfEvaluationOptions
            {
                Catalog = options.Catalog ?? first?.Catalog,
                SoraVersion = options.SoraVersion ?? first?.TargetSoraVersion,
                Profile = options.Profile,
                Severities = options.Severities,
                InlineSuppressions = options.InlineSuppressions,
            };
            result.AddRange(SoraDeploymentEvaluator.Evaluate(facts, deployment));
            return result;
        }

        /// <summary>The class's own findings, with the options' severities, on the bundle's sora.conf.</summary>
        private static IEnumerable<SoraConfDiagnostic> ConfFindings(HostBundle host, SoraConfEvaluationOptions options)
        {
            var conf = host.Plan.Model.Conf!;
            var document = SoraConfDocument.Parse(host.ConfText, host.ConfPath);
            foreach (var d in conf.Validate(options.Profile))
            {
                var finding = d;
                if (options.Severities != null && options.Severities.TryGetValue(d.Id, out var severity))
                {
                    if (severity is null) continue;
                    finding = finding.WithSeverity(severity.Value);
                }
                finding = finding.WithPath(host.ConfPath);
                if (finding.Line == 0 && finding.Key != null && document.Find(finding.Key) is { } line)
                {
                    int number = document.LineNumberOf(line);
                    var (column, end) = Evaluation.Engine.EvaluationRun.Columns(line, finding.Target);
                    finding = finding.At(number, column, number, end);
                }
                yield return finding;
            }
        }

        /// <summary>Refuses a model the files cannot be written from, saying which members to fix. The values end up in
        /// nginx, systemd and logrotate files, so names and paths are single tokens.</summary>
        public static void Require(SoraDeployment d, string node)
        {
            var problems = new List<string>();
            var where = node.Length == 0 ? "SoraDeployment" : "node '" + node + "'";
            if (d.Conf is null) problems.Add("Conf is not set: give the host's sora.conf (a [GeneratedSoraConf] class)");
            Token(problems, nameof(d.SignalingHost), d.SignalingHost, path: false);
            Token(problems, nameof(d.CertificateFile), d.CertificateFile, path: true);
            Token(problems, nameof(d.CertificateKeyFile), d.CertificateKeyFile, path: true);
            Token(problems, nameof(d.SoraHome), d.SoraHome, path: true);
            Token(problems, nameof(d.User), d.User, path: false);
            if (d.Group != null) Token(problems, nameof(d.Group), d.Group, path: false);
            Token(problems, nameof(d.NginxUser), d.NginxUser, path: false);
            Token(problems, nameof(d.NginxLogDirectory), d.NginxLogDirectory, path: true);
            Token(problems, nameof(d.NginxRuntimeDirectory), d.NginxRuntimeDirectory, path: true);
            Token(problems, nameof(d.NginxModulesDirectory), d.NginxModulesDirectory, path: true);
            if (d.MaxConnections <= 0) problems.Add("MaxConnections must be positive");
            if (d.NginxVersion is null) problems.Add("NginxVersion is not set");
            if (d.Kernel is null) problems.Add("Kernel is not set (use new SoraKernelTuning())");
            if (d.LogRotations < 1) problems.Add("LogRotations must be at least 1");
            if (d.FileDescriptorLimit is <= 0) problems.Add("FileDescriptorLimit must be positive (or null: sized from MaxConnections)");
            if (d.Api is { } api)
            {
                Token(problems, "Api.Path", api.Path, path: true);
                if (api.BasicAuthUserFile != null) Token(problems, "Api.BasicAuthUserFile", api.BasicAuthUserFile, path: true);
                foreach (var a in api.AllowFrom ?? Array.Empty<string>()) Token(problems, "Api.AllowFrom", a, path: false);
            }
            if (node.Length > 0 && (node == "." || node == ".." || node.Any(c => !(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))))
                problems.Add("the node name is not a folder name (letters, digits, '-', '_', '.')");
            if (problems.Count > 0) throw new InvalidOperationException(where + ": " + string.Join("; ", problems) + ".");
        }

        private static void Token(List<string> problems, string name, string? value, bool path)
        {
            if (string.IsNullOrWhiteSpace(value)) problems.Add(name + " is not set");
            else if (value!.Any(c => char.IsWhiteSpace(c) || c == ';' || c == '{' || c == '}' || c == '#' || c == '"' || c == '\'' || c == '\\' || char.IsControl(c)))
                problems.Add($"{name} '{value}' holds a space, quote, ';', '{{', '}}', '#' or '\\', which the nginx, systemd and logrotate files cannot hold");
            else if (path && value![0] != '/') problems.Add($"{name} '{value}' is not an absolute path");
        }
    }
}
