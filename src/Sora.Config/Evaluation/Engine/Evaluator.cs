using System.Collections.Generic;
using System.Linq;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation.Checks;

namespace Sora.Config.Evaluation.Engine
{
    /// <summary>Runs every rule of the catalogue whose scope is asked for, each through the check of its kind.</summary>
    internal static class Evaluator
    {
        public static List<SoraConfDiagnostic> Run(EvaluationRun run, bool file, bool entry, bool configuration)
        {
            foreach (var rule in run.Catalog.Rules)
            {
                bool wanted = rule.Scope switch
                {
                    SoraRuleScope.File => file,
                    SoraRuleScope.Entry => entry,
                    SoraRuleScope.Configuration => configuration,
                    // Deployment rules need a deployment's facts: DeploymentEvaluator runs them.
                    _ => false,
                };
                if (wanted && CheckRegistry.TryGet(rule.Check.Kind, out var check)) check.Run(rule, run);
            }
            return Sorted(run.Diagnostics);
        }

        /// <summary>By line, column and rule ID; findings without a position first, in the order they were reported.</summary>
        public static List<SoraConfDiagnostic> Sorted(List<SoraConfDiagnostic> diagnostics) =>
            diagnostics.Count < 2
                ? diagnostics
                : diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, System.StringComparer.Ordinal).ToList();
    }
}
