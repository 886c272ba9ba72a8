using System;
using System.Collections.Generic;
using System.IO;
using Sora.Config.Catalog;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Deployment.Parsing.Systemd
{
    /// <summary>Reads a systemd unit the way systemd does: <c>[Section]</c> headers, <c>Key=Value</c> lines, <c>#</c> and
    /// <c>;</c> comments, a backslash at the end of a line continuing the value, repeated keys kept in order (the last one
    /// wins for single-valued settings; an empty value resets list settings), then the drop-ins
    /// <c>&lt;unit&gt;.d/*.conf</c> next to the unit in name order. Each setting keeps its own file and line.</summary>
    internal static class UnitParser
    {
        public static SoraUnitFacts ParseFile(string path, ICollection<SoraFactProblem> problems, ICollection<SoraFactSuppression> suppressions)
        {
            var unit = new SoraUnitFacts(path);
            var text = ConfigText.Read(path, problems);
            if (text is null) return unit;
            Parse(text, unit, problems, suppressions);
            var dropIns = path + ".d";
            if (Directory.Exists(dropIns))
            {
                string[] files;
                try
                {
                    files = Directory.GetFiles(dropIns, "*.conf");
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    files = Array.Empty<string>();
                }
                Array.Sort(files, (a, b) => string.CompareOrdinal(Path.GetFileName(a), Path.GetFileName(b)));
                foreach (var f in files)
                {
                    if (ConfigText.Read(f, problems) is { } dropIn) Parse(dropIn, unit, problems, suppressions);
                }
            }
            return unit;
        }

        public static void Parse(ConfigText file, SoraUnitFacts unit, ICollection<SoraFactProblem> problems, ICollection<SoraFactSuppression> suppressions)
        {
            CommentSuppressions.Read(file, "#;", suppressions, problems);
            var lines = file.Text.Split('\n');
            string? section = null;
            for (int i = 0; i < lines.Length; i++)
            {
                var raw = lines[i].TrimEnd('\r');
                var line = raw.Trim();
                int number = i + 1;
                if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
                if (line[0] == '[')
                {
                    if (line[line.Length - 1] != ']' || line.Length < 3)
                    {
                        problems.Add(new SoraFactProblem(new SoraFactSource(file.Path, number, 1, raw.Length + 1), SoraText.Format(
                            "\"{0}\" is not a section header: write [Name]", "\"{0}\" はセクションの見出しではありません。[Name] と書いてください", line)));
                        section = null;
                        continue;
                    }
                    section = line.Substring(1, line.Length - 2);
                    continue;
                }
                int eq = line.IndexOf('=');
                int column = raw.Length - raw.TrimStart().Length + 1;
                if (eq <= 0)
                {
                    problems.Add(new SoraFactProblem(new SoraFactSource(file.Path, number, column, raw.Length + 1), SoraText.Format(
                        "\"{0}\" is not a Key=Value line: systemd ignores it", "\"{0}\" は Key=Value の行ではありません。systemd は無視します", line)));
                    continue;
                }
                var key = line.Substring(0, eq).Trim();
                var value = line.Substring(eq + 1).Trim();
                // A trailing backslash joins the next line (with a space); comment lines inside are skipped, as systemd does.
                while (value.EndsWith("\\", StringComparison.Ordinal) && i + 1 < lines.Length)
                {
                    value = value.Substring(0, value.Length - 1);
                    i++;
                    var next = lines[i].TrimEnd('\r').Trim();
                    while (next.Length > 0 && (next[0] == '#' || next[0] == ';') && i + 1 < lines.Length) next = lines[++i].TrimEnd('\r').Trim();
                    if (next.Length > 0 && (next[0] == '#' || next[0] == ';')) break;
                    value = (value.TrimEnd() + " " + next).Trim();
                }
                if (value.EndsWith("\\", StringComparison.Ordinal)) value = value.Substring(0, value.Length - 1).TrimEnd();
                if (section is null)
                {
                    problems.Add(new SoraFactProblem(new SoraFactSource(file.Path, number, column, column + key.Length), SoraText.Format(
                        "{0}= is outside any [Section]: systemd ignores it", "{0}= はどのセクションにも属していないため、systemd は無視します", key)));
                    continue;
                }
                unit.Settings.Add(new SoraUnitSetting(section, key, value, new SoraFactSource(file.Path, number, column, raw.Length + 1)));
            }
        }
    }
}
