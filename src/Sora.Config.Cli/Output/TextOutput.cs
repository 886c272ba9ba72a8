using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Sora.Config.Cli.Linting;
using Sora.Config.Diagnostics;

namespace Sora.Config.Cli.Output
{
    /// <summary><c>path:line:col: severity ID: message</c>, one line per finding, then a one-line summary.
    /// A finding about a key that is not written (an effective default) has no position: <c>path: severity ID: message</c>.</summary>
    internal static class TextOutput
    {
        public static void Write(LintReport report, TextWriter writer, bool color)
        {
            int errors = 0, warnings = 0, infos = 0;
            foreach (var finding in report.Shown)
            {
                var d = finding.Diagnostic;
                switch (d.Severity)
                {
                    case SoraConfSeverity.Error: errors++; break;
                    case SoraConfSeverity.Warning: warnings++; break;
                    default: infos++; break;
                }
                writer.Write(d.Path ?? "sora.conf");
                writer.Write(FileLinter.Position(d));
                writer.Write(": ");
                writer.Write(Colored(FileLinter.SeverityName(d.Severity), d.Severity, color));
                writer.Write(' ');
                writer.Write(d.Id);
                writer.Write(": ");
                writer.WriteLine(d.Message);
            }
            writer.WriteLine(Summary(report, errors, warnings, infos));
        }

        private static string Summary(LintReport report, int errors, int warnings, int infos)
        {
            var sb = new StringBuilder();
            int files = report.Files.Count;
            if (errors + warnings + infos == 0)
            {
                sb.Append(string.Format(CultureInfo.InvariantCulture, "no findings in {0} {1}", files, files == 1 ? "file" : "files"));
            }
            else
            {
                sb.Append(string.Format(CultureInfo.InvariantCulture, "{0} {1}, {2} {3}, {4} info in {5} {6}",
                    errors, errors == 1 ? "error" : "errors", warnings, warnings == 1 ? "warning" : "warnings", infos, files, files == 1 ? "file" : "files"));
            }
            var notes = new System.Collections.Generic.List<string>();
            if (report.SuppressedCount > 0) notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} suppressed", report.SuppressedCount));
            if (report.Hidden > 0) notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} below --min-severity {1} not shown", report.Hidden, FileLinter.SeverityName(report.MinSeverity)));
            if (notes.Count > 0) sb.Append(" (").Append(string.Join("; ", notes)).Append(')');
            return sb.ToString();
        }

        private static string Colored(string text, SoraConfSeverity severity, bool color)
        {
            if (!color) return text;
            var code = severity switch
            {
                SoraConfSeverity.Error => "31",
                SoraConfSeverity.Warning => "33",
                _ => "36",
            };
            return "\u001b[1;" + code + "m" + text + "\u001b[0m";
        }
    }
}
