using System.Collections.Generic;
using Sora.Config.Deployment.Parsing;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Syntax;

namespace Sora.Config.Cli.Linting
{
    /// <summary>The deployment rules (SORA3xxx) on the files an operator wrote around one sora.conf: the library reads
    /// them into facts and its one deployment evaluator judges them; this adds what a report needs (fingerprints).</summary>
    internal static class DeploymentLinter
    {
        /// <summary>sora.conf's own findings followed by the deployment's, as one linted file (each finding names its own
        /// file: nginx, the unit, a sysctl file, or sora.conf).</summary>
        public static LintedFile Lint(SoraConfDocument document, string path, SoraDeploymentFiles files, LintSettings settings)
        {
            var conf = FileLinter.Lint(document, path, settings);
            var result = SoraDeploymentEvaluator.Analyze(files.Read(document), settings.Options);
            var findings = new List<LintFinding>(conf.Findings);
            foreach (var d in result.Diagnostics) findings.Add(new LintFinding(d, d.Rule, Fingerprint(d, document, settings), null));
            var suppressed = new List<LintFinding>(conf.Suppressed);
            foreach (var s in result.Suppressed) suppressed.Add(new LintFinding(s.Diagnostic, s.Diagnostic.Rule, Fingerprint(s.Diagnostic, document, settings), s.Reason));
            return new LintedFile(path, findings, suppressed);
        }

        /// <summary>A finding in sora.conf is fingerprinted as every sora.conf finding; one in another file by its rule,
        /// file name and message, which do not change when lines move. Null when the report does not show fingerprints.</summary>
        private static string? Fingerprint(SoraConfDiagnostic d, SoraConfDocument document, LintSettings settings)
        {
            if (!settings.Fingerprints) return null;
            return d.Path == document.Path
                ? FileLinter.Fingerprint(d, document, settings)
                : FileLinter.Sha256Hex(d.Id + "\u001f" + System.IO.Path.GetFileName(d.Path ?? "") + "\u001f", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
