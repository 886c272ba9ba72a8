using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Sora.Config.Catalog;
using Sora.Config.Cli.Linting;
using Sora.Config.Diagnostics;

using Sora.Config.Cli.Infrastructure;

namespace Sora.Config.Cli.Output
{
    /// <summary>SARIF 2.1.0 as GitHub code scanning accepts it: one run; <c>tool.driver.rules[]</c> holds every
    /// rule a result refers to, with non-empty texts and a help URI; results carry a level, full regions
    /// (UTF-16 columns, declared in <c>columnKind</c>) and <c>partialFingerprints</c> keyed on rule + key +
    /// normalized value. Suppressed findings are left out (GitHub ignores <c>result.suppressions</c> and would
    /// show them as open alerts).</summary>
    internal static class SarifOutput
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
        public const string FingerprintName = "soraConfFinding/v1";

        public static void Write(LintReport report, Stream stream, string workingDirectory)
        {
            var results = report.Shown.ToList();
            var rules = results.Select(r => r.Rule).GroupBy(r => r.Id).Select(g => g.First()).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < rules.Count; i++) index[rules[i].Id] = i;

            using var json = new Utf8JsonWriter(stream, JsonOutput.WriterOptions);
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteString("semanticVersion", ToolInfo.Version);
            json.WriteString("informationUri", ToolInfo.InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules) WriteRule(json, rule);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartObject("properties");
            json.WriteString("soraVersion", report.SoraVersion);
            json.WriteString("profile", LintReport.ProfileName(report.Profile));
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var finding in results) WriteResult(json, finding, index[finding.Rule.Id], workingDirectory);
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
        }

        private static void WriteRule(Utf8JsonWriter json, SoraRuleInfo rule)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Slug);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title.ToString());
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Rationale.ToString());
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", HelpText(rule));
            json.WriteString("markdown", HelpMarkdown(rule));
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri.AbsoluteUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue(rule.IsProductionRule ? "security" : rule.Id.StartsWith("SORA2", StringComparison.Ordinal) ? "compatibility" : "correctness");
            json.WriteStringValue("sora.conf");
            json.WriteEndArray();
            // GitHub ranks security alerts by this string (0.0–10.0); only the production-safety rules are security rules.
            if (rule.IsProductionRule) json.WriteString("security-severity", SecuritySeverity(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteResult(Utf8JsonWriter json, LintFinding finding, int ruleIndex, string workingDirectory)
        {
            var d = finding.Diagnostic;
            json.WriteStartObject();
            json.WriteString("ruleId", d.Id);
            json.WriteNumber("ruleIndex", ruleIndex);
            json.WriteString("level", Level(d.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", d.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            var (uri, relative) = ArtifactUri(d.Path ?? "sora.conf", workingDirectory);
            json.WriteString("uri", uri);
            if (relative) json.WriteString("uriBaseId", "%SRCROOT%");
            json.WriteEndObject();
            if (d.Line > 0)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", d.Line);
                json.WriteNumber("startColumn", d.Column);
                json.WriteNumber("endLine", d.EndLine);
                json.WriteNumber("endColumn", d.EndColumn);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString(FingerprintName, finding.Fingerprint);
            json.WriteEndObject();
            if (d.Key != null)
            {
                json.WriteStartObject("properties");
                json.WriteString("key", d.Key);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }

        /// <summary>A path relative to the working directory with forward slashes (what code scanning maps onto
        /// the repository), or an absolute file URI for a file outside it.</summary>
        public static (string Uri, bool Relative) ArtifactUri(string path, string workingDirectory)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            var relative = Path.GetRelativePath(workingDirectory, full);
            if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return (new Uri(full).AbsoluteUri, false);
            var segments = relative.Replace(Path.DirectorySeparatorChar, '/').Split('/');
            return (string.Join("/", segments.Select(Uri.EscapeDataString)), true);
        }

        public static string Level(SoraConfSeverity severity) => severity switch
        {
            SoraConfSeverity.Error => "error",
            SoraConfSeverity.Warning => "warning",
            _ => "note",
        };

        private static string SecuritySeverity(SoraConfSeverity severity) => severity switch
        {
            SoraConfSeverity.Error => "7.5",
            SoraConfSeverity.Warning => "5.0",
            _ => "2.0",
        };

        private static string HelpText(SoraRuleInfo rule)
        {
            var sb = new StringBuilder();
            sb.Append(rule.Title.ToString()).Append("\n\n");
            sb.Append(rule.Rationale.ToString()).Append("\n\n");
            sb.Append(rule.Remediation.ToString()).Append("\n\n");
            sb.Append("Triggers the rule:\n").Append(Indent(rule.ExampleBad)).Append('\n');
            sb.Append("Does not:\n").Append(Indent(rule.ExampleGood));
            return sb.ToString().TrimEnd('\n');
        }

        private static string HelpMarkdown(SoraRuleInfo rule)
        {
            var sb = new StringBuilder();
            sb.Append("**").Append(rule.Id).Append(' ').Append(rule.Title.ToString()).Append("**\n\n");
            sb.Append(rule.Rationale.ToString()).Append("\n\n");
            sb.Append("**Fix:** ").Append(rule.Remediation.ToString()).Append("\n\n");
            sb.Append("Triggers the rule:\n\n```ini\n").Append(Visible(rule.ExampleBad)).Append("```\n\n");
            sb.Append("Does not:\n\n```ini\n").Append(Visible(rule.ExampleGood)).Append("```\n\n");
            sb.Append("[Documentation](").Append(rule.HelpUri.AbsoluteUri).Append(')');
            return sb.ToString();
        }

        private static string Indent(string example) =>
            string.Join("\n", Visible(example).TrimEnd('\n').Split('\n').Select(l => "    " + l)) + "\n";

        /// <summary>Shows the invisible characters some examples are about (BOM, tab, NUL, CR) as escapes.</summary>
        internal static string Visible(string example)
        {
            var sb = new StringBuilder(example.Length);
            foreach (var c in example)
            {
                switch (c)
                {
                    case '\uFEFF': sb.Append("\\uFEFF"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\0': sb.Append("\\0"); break;
                    case '\r': sb.Append("\\r"); break;
                    default: sb.Append(c); break;
                }
            }
            var text = sb.ToString();
            return text.EndsWith('\n') ? text : text + "\n";
        }
    }
}
