using System;
using System.Collections.Generic;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation.Engine;

namespace Sora.Config.Evaluation
{
    /// <summary>Evaluates the rule catalogue on settings that do not come from a file (a generated class's
    /// <c>Validate()</c>, build-time output, configuration binding): the rules of
    /// <see cref="Catalog.SoraRuleScope.Entry"/> and <see cref="Catalog.SoraRuleScope.Configuration"/> scope, on effective
    /// values (a key that is not set takes the targeted version's default). The same checks as
    /// <see cref="SoraConfLinter"/>, which adds the file's own (grammar, encoding, duplicates, suppressions).</summary>
    public static class SoraConfEvaluator
    {
        /// <summary>Every rule of entry and configuration scope on <paramref name="settings"/>: each key once, as sora.conf
        /// text (as Sora reads it: trimmed); a repeated key is ignored.</summary>
        public static IReadOnlyList<SoraConfDiagnostic> Evaluate(IEnumerable<KeyValuePair<string, string>> settings, SoraConfEvaluationOptions? options = null)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            var entries = new List<Entry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in settings)
            {
                if (seen.Add(pair.Key)) entries.Add(new Entry(pair.Key, pair.Value ?? ""));
            }
            return Evaluate(entries, options);
        }

        /// <summary>Settings some of whose values the caller does not know (the analyzers: a value computed at run time).
        /// A finding that depends on such a value is not reported.</summary>
        internal static IReadOnlyList<SoraConfDiagnostic> Evaluate(List<Entry> entries, SoraConfEvaluationOptions? options) =>
            EvaluateScope(entries, options, Catalog.SoraRuleScope.Configuration);

        /// <summary>The rules of <see cref="Catalog.SoraRuleScope.Entry"/> scope, and of configuration scope when
        /// <paramref name="widest"/> is that; entries with a line are located on it.</summary>
        internal static IReadOnlyList<SoraConfDiagnostic> EvaluateScope(List<Entry> entries, SoraConfEvaluationOptions? options, Catalog.SoraRuleScope widest)
        {
            var run = new EvaluationRun(options ?? new SoraConfEvaluationOptions(), entries, file: null);
            return Evaluator.Run(run, file: false, entry: true, configuration: widest == Catalog.SoraRuleScope.Configuration);
        }
    }
}
