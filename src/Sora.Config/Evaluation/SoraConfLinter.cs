using System;
using System.Collections.Generic;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Syntax;

namespace Sora.Config.Evaluation
{
    /// <summary>Every problem in a sora.conf file at once: every rule of the catalogue — the file's own (grammar,
    /// encoding, duplicates, suppression comments) and those of its settings — each with its position in the file.
    /// Own-line suppression comments (<c># sora-conf-disable-next-line SORAxxxx -- reason</c>) are honoured unless
    /// <see cref="SoraConfEvaluationOptions.InlineSuppressions"/> is false.</summary>
    public static class SoraConfLinter
    {
        /// <summary>The findings that are not suppressed, by line and column.</summary>
        public static IReadOnlyList<SoraConfDiagnostic> Lint(SoraConfDocument document, SoraConfEvaluationOptions? options = null) =>
            Analyze(document, options).Diagnostics;

        /// <summary>The findings, and separately those a suppression comment suppresses (with its reason).</summary>
        public static SoraConfLintResult Analyze(SoraConfDocument document, SoraConfEvaluationOptions? options = null) =>
            Run(document, options, out _, SoraRuleScope.Configuration);

        /// <summary>The evaluation behind <see cref="Analyze"/>, up to <paramref name="widest"/> scope (typed parsing stops
        /// at <see cref="SoraRuleScope.Entry"/>); <paramref name="run"/> keeps the parsed values.</summary>
        internal static SoraConfLintResult Run(SoraConfDocument document, SoraConfEvaluationOptions? options, out EvaluationRun run, SoraRuleScope widest)
        {
            if (document is null) throw new ArgumentNullException(nameof(document));
            options ??= new SoraConfEvaluationOptions();
            var catalog = options.EffectiveCatalog;
            var facts = FileFacts.Of(document, catalog, ExpectedEntries(document, catalog));
            run = new EvaluationRun(options, facts.Entries, facts);
            var all = Evaluator.Run(run, file: true, entry: true, configuration: widest == SoraRuleScope.Configuration);
            if (!options.InlineSuppressions || facts.Suppressions.Count == 0) return new SoraConfLintResult(all, Array.Empty<SoraSuppressedDiagnostic>());

            var shown = new List<SoraConfDiagnostic>(all.Count);
            var suppressed = new List<SoraSuppressedDiagnostic>();
            foreach (var d in all)
            {
                // A suppression comment cannot hide its own problems.
                var reason = d.Rule.Check.Kind == "suppression" ? null : Suppressions.ReasonFor(facts.Suppressions, d.Id, d.Line);
                if (reason is null) shown.Add(d);
                else suppressed.Add(new SoraSuppressedDiagnostic(d, reason));
            }
            return new SoraConfLintResult(shown, suppressed);
        }

        /// <summary>A capacity for per-key collections: at most one entry per line, and rarely more than the
        /// catalogue's keys, so they are sized once instead of grown.</summary>
        internal static int ExpectedEntries(SoraConfDocument document, SoraCatalog catalog) =>
            Math.Min(document.Lines.Count, catalog.Keys.Count + 8);
    }

    /// <summary>What <see cref="SoraConfLinter.Analyze"/> found.</summary>
    public sealed class SoraConfLintResult
    {
        internal SoraConfLintResult(IReadOnlyList<SoraConfDiagnostic> diagnostics, IReadOnlyList<SoraSuppressedDiagnostic> suppressed)
        {
            Diagnostics = diagnostics;
            Suppressed = suppressed;
        }

        /// <summary>The findings that are not suppressed, by line and column.</summary>
        public IReadOnlyList<SoraConfDiagnostic> Diagnostics { get; }

        /// <summary>The findings a suppression comment suppresses.</summary>
        public IReadOnlyList<SoraSuppressedDiagnostic> Suppressed { get; }
    }

    /// <summary>A finding a suppression comment suppresses, and the reason it gives.</summary>
    public sealed class SoraSuppressedDiagnostic
    {
        internal SoraSuppressedDiagnostic(SoraConfDiagnostic diagnostic, string reason)
        {
            Diagnostic = diagnostic;
            Reason = reason;
        }

        public SoraConfDiagnostic Diagnostic { get; }

        public string Reason { get; }
    }
}
