using System.Collections.Generic;
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
            var ruleChecks = run.RuleChecks;
            for (int i = 0; i < ruleChecks.Count; i++)
            {
                var (rule, check) = ruleChecks[i];
                bool wanted = rule.Scope switch
                {
                    SoraRuleScope.File => file,
                    SoraRuleScope.Entry => entry,
                    SoraRuleScope.Configuration => configuration,
                    // Deployment rules need a deployment's facts: DeploymentEvaluator runs them.
                    _ => false,
                };
                if (wanted) check.Run(rule, run);
            }
            return Sorted(run.Diagnostics);
        }

        /// <summary>By line, column and rule ID; findings without a position first, in the order they were reported.</summary>
        public static List<SoraConfDiagnostic> Sorted(List<SoraConfDiagnostic> diagnostics)
        {
            if (diagnostics.Count < 2) return diagnostics;
            // Array.Sort is not stable: the report order breaks ties.
            var order = new int[diagnostics.Count];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            System.Array.Sort(order, (a, b) =>
            {
                SoraConfDiagnostic x = diagnostics[a], y = diagnostics[b];
                int c = x.Line.CompareTo(y.Line);
                if (c == 0) c = x.Column.CompareTo(y.Column);
                if (c == 0) c = string.CompareOrdinal(x.Id, y.Id);
                return c != 0 ? c : a.CompareTo(b);
            });
            var sorted = new List<SoraConfDiagnostic>(order.Length);
            foreach (int i in order) sorted.Add(diagnostics[i]);
            return sorted;
        }
    }
}
