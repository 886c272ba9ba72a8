using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sora.Config.Cli.Linting;
using Sora.Config.Diagnostics;

namespace Sora.Config.Cli.Output
{
    /// <summary>The versioned JSON document:
    /// <c>{ "version": 1, "findings": [ { "id", "severity", "message", "key", "path", "line", "column", "endLine", "endColumn", "helpUri", "fingerprint" } ], … }</c>.
    /// Suppressed findings are listed apart, with their reason. Line and columns are 0 for a finding
    /// about a key that is not written in the file.</summary>
    internal static class JsonOutput
    {
        public const int FormatVersion = 1;

        public static JsonWriterOptions WriterOptions => new JsonWriterOptions
        {
            Indented = true,
            // Keep Japanese messages and '<', '&' readable: the output is data, never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static void Write(LintReport report, Stream stream)
        {
            using var json = new Utf8JsonWriter(stream, WriterOptions);
            int errors = 0, warnings = 0, infos = 0;
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteEndObject();
            json.WriteString("soraVersion", report.SoraVersion);
            json.WriteString("profile", LintReport.ProfileName(report.Profile));
            json.WriteStartArray("findings");
            foreach (var finding in report.Shown)
            {
                switch (finding.Severity)
                {
                    case SoraConfSeverity.Error: errors++; break;
                    case SoraConfSeverity.Warning: warnings++; break;
                    default: infos++; break;
                }
                WriteFinding(json, finding);
            }
            json.WriteEndArray();
            json.WriteStartArray("suppressed");
            foreach (var finding in report.ShownSuppressed) WriteFinding(json, finding);
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.Files.Count);
            json.WriteNumber("error", errors);
            json.WriteNumber("warning", warnings);
            json.WriteNumber("info", infos);
            json.WriteNumber("suppressed", report.SuppressedCount);
            json.WriteNumber("notShown", report.Hidden);
            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
        }

        private static void WriteFinding(Utf8JsonWriter json, LintFinding finding)
        {
            var d = finding.Diagnostic;
            json.WriteStartObject();
            json.WriteString("id", d.Id);
            json.WriteString("severity", FileLinter.SeverityName(d.Severity));
            json.WriteString("message", d.Message);
            if (d.Key is null) json.WriteNull("key");
            else json.WriteString("key", d.Key);
            json.WriteString("path", d.Path);
            json.WriteNumber("line", d.Line);
            json.WriteNumber("column", d.Line > 0 ? d.Column : 0);
            json.WriteNumber("endLine", d.Line > 0 ? d.EndLine : 0);
            json.WriteNumber("endColumn", d.Line > 0 ? d.EndColumn : 0);
            json.WriteString("helpUri", finding.Rule.HelpUri.AbsoluteUri);
            json.WriteString("fingerprint", finding.Fingerprint);
            if (finding.SuppressionReason != null) json.WriteString("reason", finding.SuppressionReason);
            json.WriteEndObject();
        }
    }
}
