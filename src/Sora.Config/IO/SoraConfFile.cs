using System;
using System.Collections.Generic;
using Sora.Config.Catalog;
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
        private SoraConfFile(SoraConfDocument document, SoraConfLintResult result, IReadOnlyDictionary<string, object> values)
        {
            Document = document;
            Diagnostics = result.Diagnostics;
            Suppressed = result.Suppressed;
            Values = values;
        }

        public SoraConfDocument Document { get; }

        /// <summary>Every finding that is not suppressed, by line and column.</summary>
        public IReadOnlyList<SoraConfDiagnostic> Diagnostics { get; }

        /// <summary>The findings a suppression comment in the file suppresses.</summary>
        public IReadOnlyList<SoraSuppressedDiagnostic> Suppressed { get; }

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

        // Overloads rather than optional parameters: the text and the bytes overloads both take options and a path, and
        // optional parameters on more than one overload cannot be extended compatibly (RS0026).

        /// <summary>Reads sora.conf text with the default options.</summary>
        public static SoraConfFile Read(string text) => Read(text, null, null);

        /// <summary>Reads sora.conf text.</summary>
        public static SoraConfFile Read(string text, SoraConfEvaluationOptions? options) => Read(text, options, null);

        /// <summary>Reads sora.conf text; <paramref name="path"/> is the file it came from, shown in diagnostics.</summary>
        public static SoraConfFile Read(string text, SoraConfEvaluationOptions? options, string? path) =>
            From(SoraConfDocument.Parse(text, path), options);

        /// <summary>Reads a sora.conf file's bytes as Sora does (split on LF, UTF-8 checked) with the default options.</summary>
        public static SoraConfFile Read(byte[] bytes) => Read(bytes, null, null);

        /// <summary>Reads a sora.conf file's bytes as Sora does (split on LF, UTF-8 checked).</summary>
        public static SoraConfFile Read(byte[] bytes, SoraConfEvaluationOptions? options) => Read(bytes, options, null);

        /// <summary>Reads a sora.conf file's bytes as Sora does (split on LF, UTF-8 checked); <paramref name="path"/> is the
        /// file they came from, shown in diagnostics.</summary>
        public static SoraConfFile Read(byte[] bytes, SoraConfEvaluationOptions? options, string? path) =>
            From(SoraConfDocument.Parse(bytes, path), options);

        public static SoraConfFile Load(string path, SoraConfEvaluationOptions? options = null) =>
            From(SoraConfDocument.Load(path), options);

        public static SoraConfFile From(SoraConfDocument document, SoraConfEvaluationOptions? options = null)
        {
            var result = SoraConfLinter.Run(document, options, out var run, SoraRuleScope.Configuration);
            // The evaluation parsed every value it checked; the typed values are those, not a second parse.
            var values = new Dictionary<string, object>(run.Entries.Count, StringComparer.Ordinal);
            foreach (var entry in run.Entries)
            {
                var parsed = run.Parse(entry);
                if (parsed.Key is { } key && parsed.Value is null && parsed.Error is null && !parsed.Exists && entry.Value != null
                    && SoraValueCodec.TryParse(key, entry.Value, out var value, out _))
                {
                    // A key the targeted version lacks still gets its typed value.
                    values[entry.Key] = value!;
                }
                else if (parsed.Value is { } typed)
                {
                    values[entry.Key] = typed;
                }
            }
            return new SoraConfFile(document, result, values);
        }
    }
}
