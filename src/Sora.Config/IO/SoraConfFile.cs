using System;
using System.Collections.Generic;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.IO
{
    /// <summary>A sora.conf file read in one go: the lossless document, every diagnostic, and the typed
    /// values of the keys that are valid (key → bool, long, double, string, SoraInterval, IPAddress, Uri or list).</summary>
    public sealed class SoraConfFile
    {
        private SoraConfFile(SoraConfDocument document, IReadOnlyList<SoraConfDiagnostic> diagnostics, IReadOnlyDictionary<string, object> values)
        {
            Document = document;
            Diagnostics = diagnostics;
            Values = values;
        }

        public SoraConfDocument Document { get; }

        public IReadOnlyList<SoraConfDiagnostic> Diagnostics { get; }

        /// <summary>Typed values of the valid, known keys written in the file, in file order.</summary>
        public IReadOnlyDictionary<string, object> Values { get; }

        /// <summary>True when a diagnostic is an error (Sora would refuse or misread the file, or a rule set to error fired).</summary>
        public bool HasErrors
        {
            get
            {
                foreach (var d in Diagnostics) if (d.Severity == SoraConfSeverity.Error) return true;
                return false;
            }
        }

        public static SoraConfFile Read(string text, SoraConfEvaluationOptions? options = null, string? path = null) =>
            From(SoraConfDocument.Parse(text, path), options);

        public static SoraConfFile Read(byte[] bytes, SoraConfEvaluationOptions? options = null, string? path = null) =>
            From(SoraConfDocument.Parse(bytes, path), options);

        public static SoraConfFile Load(string path, SoraConfEvaluationOptions? options = null) =>
            From(SoraConfDocument.Load(path), options);

        public static SoraConfFile From(SoraConfDocument document, SoraConfEvaluationOptions? options = null)
        {
            options ??= SoraConfEvaluationOptions.Default;
            // The rule engine already parses every value it checks; reuse those instead of parsing each value twice.
            var catalog = options.EffectiveCatalog;
            int expected = SoraConfLinter.ExpectedEntries(document, catalog);
            var parsed = new Dictionary<string, object?>(expected, StringComparer.Ordinal);
            var diagnostics = SoraConfLinter.Lint(document, options, parsed);
            var values = new Dictionary<string, object>(expected, StringComparer.Ordinal);
            var lines = document.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Kind != SoraConfLineKind.Entry) continue;
                // A key glued to a BOM is unknown to Sora (SORA0006): it has no value.
                var key = line.Key!;
                if (values.ContainsKey(key) || !catalog.TryGetKey(key, out var info)) continue;
                if (parsed.TryGetValue(key, out var known))
                {
                    // The engine parsed this key's first occurrence (null: invalid). Forget it, so that a later
                    // duplicate is parsed here as before (the first valid occurrence wins).
                    parsed.Remove(key);
                    if (known != null) values[key] = known;
                }
                else if (SoraValueCodec.TryParse(info, line.Value!, out var value, out _))
                {
                    // Keys the engine skipped (e.g. not in the targeted version) still get their typed value.
                    values[key] = value!;
                }
            }
            return new SoraConfFile(document, diagnostics, values);
        }
    }
}
