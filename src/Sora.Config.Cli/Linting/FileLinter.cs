using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Cli.Linting
{
    /// <summary>One finding as the CLI reports it.</summary>
    internal sealed class LintFinding
    {
        public LintFinding(SoraConfDiagnostic diagnostic, SoraRuleInfo rule, string fingerprint, string? suppressionReason)
        {
            Diagnostic = diagnostic;
            Rule = rule;
            Fingerprint = fingerprint;
            SuppressionReason = suppressionReason;
        }

        public SoraConfDiagnostic Diagnostic { get; }

        public SoraRuleInfo Rule { get; }

        /// <summary>sha256 of rule ID, key and normalized value: stable when lines move.</summary>
        public string Fingerprint { get; }

        /// <summary>The reason given in the suppression comment; null when the finding is not suppressed.</summary>
        public string? SuppressionReason { get; }

        public SoraConfSeverity Severity => Diagnostic.Severity;
    }

    /// <summary>The result of linting one file.</summary>
    internal sealed class LintedFile
    {
        public LintedFile(string path, IReadOnlyList<LintFinding> findings, IReadOnlyList<LintFinding> suppressed)
        {
            Path = path;
            Findings = findings;
            Suppressed = suppressed;
        }

        /// <summary>The path as the user gave it.</summary>
        public string Path { get; }

        /// <summary>Findings that are not suppressed, in file order.</summary>
        public IReadOnlyList<LintFinding> Findings { get; }

        public IReadOnlyList<LintFinding> Suppressed { get; }
    }

    internal sealed class LintSettings
    {
        public LintSettings(SoraConfEvaluationOptions options, string version, bool inlineSuppressions)
        {
            Options = options;
            Version = version;
            InlineSuppressions = inlineSuppressions;
        }

        public SoraConfEvaluationOptions Options { get; }

        public string Version { get; }

        public bool InlineSuppressions { get; }
    }

    /// <summary>The library's linter plus what the CLI adds: placeholder values (SORA0010), suppression
    /// comments (SORA0009 for malformed ones) and fingerprints.</summary>
    internal static class FileLinter
    {
        public static LintedFile Lint(SoraConfDocument document, string path, LintSettings settings)
        {
            var diagnostics = new List<SoraConfDiagnostic>(SoraConfLinter.Lint(document, settings.Options));
            AddPlaceholders(document, settings.Version, diagnostics);

            IReadOnlyList<Suppressions.Entry> suppressions = Array.Empty<Suppressions.Entry>();
            if (settings.InlineSuppressions) suppressions = Suppressions.Read(document, diagnostics);

            diagnostics.Sort(Compare);
            var findings = new List<LintFinding>(diagnostics.Count);
            var suppressed = new List<LintFinding>();
            foreach (var d in diagnostics)
            {
                if (!CatalogRules.TryGet(d.Id, out var rule)) continue;
                var reason = ReasonFor(d, suppressions);
                var finding = new LintFinding(d, rule, Fingerprint(d, document, settings.Version), reason);
                (reason is null ? findings : suppressed).Add(finding);
            }
            return new LintedFile(path, findings, suppressed);
        }

        private static string? ReasonFor(SoraConfDiagnostic d, IReadOnlyList<Suppressions.Entry> suppressions)
        {
            if (d.Line == 0 || d.Id == CliRules.InvalidSuppression) return null;
            foreach (var s in suppressions)
            {
                if (s.TargetLine != d.Line) continue;
                foreach (var id in s.Ids) if (id == d.Id) return s.Reason;
            }
            return null;
        }

        private static void AddPlaceholders(SoraConfDocument document, string version, List<SoraConfDiagnostic> diagnostics)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var lines = document.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Kind != SoraConfLineKind.Entry || !seen.Add(line.Key!)) continue;
                if (!SoraCatalog.Default.TryGetKey(line.Key!, out var key) || !key.ExistsIn(version)) continue;
                var value = line.Value!;
                if (!SoraValueCodec.TryParse(key, value, out _, out _)) continue;
                if (Placeholders.Why(key, value) is not { } why) continue;
                var message = SoraText.UseJapanese
                    ? $"{key.Name} の値 {value} は例示用に予約された値 ({why}) のままです。このサーバーの実際の値に置き換えてください"
                    : $"{key.Name} is still the placeholder {value} (reserved for documentation: {why}); replace it with this server's real value";
                diagnostics.Add(new SoraConfDiagnostic(CliRules.Placeholder, SoraConfSeverity.Warning, message, key.Name, i + 1, line.ValueStart + 1, i + 1, line.ValueEnd + 1, document.Path));
            }
        }

        /// <summary><c>sha256(ruleId \u001f key \u001f normalized value)</c>, lower-case hex. The value is the
        /// canonical spelling for known keys (so <c>30 s</c> and <c>30  s</c> match), "(secret)" for secret
        /// keys (a hash of a short password could be brute-forced), "(not set)" for findings about an
        /// effective default, and the trimmed line for findings that are not about a key.</summary>
        public static string Fingerprint(SoraConfDiagnostic d, SoraConfDocument document, string version)
        {
            string value;
            if (d.Line <= 0 || d.Line > document.Lines.Count)
            {
                value = "(not set)";
            }
            else
            {
                var line = document.Lines[d.Line - 1];
                if (line.Kind == SoraConfLineKind.Entry && line.Key!.Length > 0)
                {
                    value = line.Value!;
                    if (SoraCatalog.Default.TryGetKey(line.Key!, out var key))
                    {
                        if (key.IsSecret) value = "(secret)";
                        else if (SoraValueCodec.TryCanonicalize(key, value, out var canonical)) value = canonical;
                    }
                }
                else
                {
                    value = line.Text.Trim();
                }
            }
            // Hashed piecewise: a 50 MB value is not copied into one more big string.
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes(d.Id + "\u001f" + (d.Key ?? "") + "\u001f"));
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        private static int Compare(SoraConfDiagnostic a, SoraConfDiagnostic b)
        {
            int c = a.Line.CompareTo(b.Line);
            if (c != 0) return c;
            c = a.Column.CompareTo(b.Column);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        }

        public static string SeverityName(SoraConfSeverity severity) => SoraConfDiagnostic.SeverityText(severity);

        public static string Position(SoraConfDiagnostic d) =>
            d.Line > 0 ? string.Format(CultureInfo.InvariantCulture, ":{0}:{1}", d.Line, d.Column) : "";
    }
}
