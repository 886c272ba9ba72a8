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
        public LintFinding(SoraConfDiagnostic diagnostic, SoraRuleInfo rule, string? fingerprint, string? suppressionReason)
        {
            Diagnostic = diagnostic;
            Rule = rule;
            Fingerprint = fingerprint;
            SuppressionReason = suppressionReason;
        }

        public SoraConfDiagnostic Diagnostic { get; }

        public SoraRuleInfo Rule { get; }

        /// <summary>sha256 of rule ID, key and normalized value: stable when lines move. Null when the report does not show
        /// it (<see cref="LintSettings.Fingerprints"/>).</summary>
        public string? Fingerprint { get; }

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
        public LintSettings(SoraConfEvaluationOptions options, string version, bool fingerprints)
        {
            Options = options;
            Version = version;
            Fingerprints = fingerprints;
        }

        /// <summary>What to evaluate against (the catalogue is always set: bundled, or merged with --schema files).</summary>
        public SoraConfEvaluationOptions Options { get; }

        public string Version { get; }

        /// <summary>The report shows fingerprints (JSON and SARIF do, text does not). They are worked out while each file's
        /// document is at hand, and only then: text output does not load the cryptography library (OpenSSL), which
        /// costs start-up time (docs/benchmarks.md, CLI start-up).</summary>
        public bool Fingerprints { get; }
    }

    /// <summary>The library's linter (every rule of the catalogue, suppression comments honoured), plus what only a
    /// report needs: fingerprints.</summary>
    internal static class FileLinter
    {
        public static LintedFile Lint(SoraConfDocument document, string path, LintSettings settings)
        {
            var result = SoraConfLinter.Analyze(document, settings.Options);
            var findings = new List<LintFinding>(result.Diagnostics.Count);
            foreach (var d in result.Diagnostics) findings.Add(new LintFinding(d, d.Rule, Fingerprint(d, document, settings), null));
            var suppressed = new List<LintFinding>(result.Suppressed.Count);
            foreach (var s in result.Suppressed) suppressed.Add(new LintFinding(s.Diagnostic, s.Diagnostic.Rule, Fingerprint(s.Diagnostic, document, settings), s.Reason));
            return new LintedFile(path, findings, suppressed);
        }

        /// <summary><c>sha256(ruleId \u001f key \u001f normalized value)</c>, lower-case hex. The value is the
        /// canonical spelling for known keys (so <c>30 s</c> and <c>30  s</c> match), "(secret)" for secret
        /// keys (a hash of a short password could be brute-forced), "(not set)" for findings about an
        /// effective default, and the trimmed line for findings that are not about a key. Null when the report does not
        /// show fingerprints.</summary>
        public static string? Fingerprint(SoraConfDiagnostic d, SoraConfDocument document, LintSettings settings) =>
            settings.Fingerprints ? Sha256Hex(d.Id + "\u001f" + (d.Key ?? "") + "\u001f", FingerprintValue(d, document, settings)) : null;

        private static string FingerprintValue(SoraConfDiagnostic d, SoraConfDocument document, LintSettings settings)
        {
            if (d.Line <= 0 || d.Line > document.Lines.Count) return "(not set)";
            var line = document.Lines[d.Line - 1];
            if (line.Kind != SoraConfLineKind.Entry || line.Key!.Length == 0) return line.Text.Trim();
            var value = line.Value!;
            if (settings.Options.Catalog is { } catalog && catalog.TryGetKey(line.Key!, out var key))
            {
                if (key.IsSecret) return "(secret)";
                if (SoraValueCodec.TryCanonicalize(key, value, out var canonical)) return canonical;
            }
            return value;
        }

        /// <summary>Lower-case hex sha256 of <paramref name="head"/> then <paramref name="value"/>, hashed piecewise so that
        /// a 50 MB value is not copied into one more big string. A method of its own: the method that declares the hash
        /// loads the cryptography library (OpenSSL) when it is first called, so only a report that shows fingerprints
        /// calls it.</summary>
        internal static string Sha256Hex(string head, string value)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes(head));
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        public static string SeverityName(SoraConfSeverity severity) => SoraConfDiagnostic.SeverityText(severity);

        public static string Position(SoraConfDiagnostic d) =>
            d.Line > 0 ? string.Format(CultureInfo.InvariantCulture, ":{0}:{1}", d.Line, d.Column) : "";
    }
}
