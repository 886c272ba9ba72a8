using System;
using System.Collections.Generic;
using System.Linq;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation.Checks;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Evaluation
{
    /// <summary>Evaluates the deployment rules of the catalogue (SORA3xxx, <see cref="SoraRuleScope.Deployment"/>) on a
    /// deployment's facts, each rule through the one check of its kind. Only the deployment rules: each host's sora.conf
    /// has its own findings (<see cref="SoraConfLinter"/>, a generated class's <c>Validate()</c>). The same options as every
    /// evaluation: severities per rule (null turns a rule off), profile, targeted version, and suppression comments in the
    /// files the facts were read from (<see cref="SoraConfEvaluationOptions.InlineSuppressions"/>): sora.conf's own, and
    /// <see cref="SoraDeploymentFacts.Suppressions"/> for the other files.</summary>
    public static class SoraDeploymentEvaluator
    {
        /// <summary>The findings that are not suppressed: the deployment as a whole first, then by file, line and rule.</summary>
        public static IReadOnlyList<SoraConfDiagnostic> Evaluate(SoraDeploymentFacts facts, SoraConfEvaluationOptions? options = null) =>
            Analyze(facts, options).Diagnostics;

        /// <summary>The findings, and separately those a suppression comment suppresses (with its reason).</summary>
        public static SoraConfLintResult Analyze(SoraDeploymentFacts facts, SoraConfEvaluationOptions? options = null)
        {
            if (facts is null) throw new ArgumentNullException(nameof(facts));
            options ??= new SoraConfEvaluationOptions();
            var run = new DeploymentRun(facts, options);
            foreach (var rule in options.EffectiveCatalog.Rules)
            {
                if (rule.Scope == SoraRuleScope.Deployment && CheckRegistry.TryGetDeployment(rule.Check.Kind, out var check)) check.Run(rule, run);
            }
            var all = run.Diagnostics
                .OrderBy(d => d.Path ?? "", StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
            if (!options.InlineSuppressions) return new SoraConfLintResult(all, Array.Empty<SoraSuppressedDiagnostic>());

            var shown = new List<SoraConfDiagnostic>(all.Count);
            var suppressed = new List<SoraSuppressedDiagnostic>();
            foreach (var d in all)
            {
                var reason = ReasonFor(facts, run, d);
                if (reason is null) shown.Add(d);
                else suppressed.Add(new SoraSuppressedDiagnostic(d, reason));
            }
            return new SoraConfLintResult(shown, suppressed);
        }

        /// <summary>The reason of a suppression comment that covers the finding's file and line, or null.</summary>
        private static string? ReasonFor(SoraDeploymentFacts facts, DeploymentRun run, SoraConfDiagnostic d)
        {
            if (d.Line == 0 || d.Path is null) return null;
            foreach (var s in facts.Suppressions)
            {
                if (s.Line == d.Line && s.Reason.Trim().Length > 0 && s.Path == d.Path && s.Ids.Contains(d.Id, StringComparer.OrdinalIgnoreCase)) return s.Reason;
            }
            foreach (var host in run.Hosts)
            {
                if (host.Facts.Conf.Path != d.Path || host.Conf.File is not { } file) continue;
                if (Suppressions.ReasonFor(file.Suppressions, d.Id, d.Line) is { } reason) return reason;
            }
            return null;
        }
    }
}
