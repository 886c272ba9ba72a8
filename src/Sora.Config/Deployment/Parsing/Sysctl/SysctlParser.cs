using System.Collections.Generic;
using Sora.Config.Catalog;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Deployment.Parsing.Sysctl
{
    /// <summary>Reads sysctl.d files as <c>systemd-sysctl</c> does: <c>key = value</c> lines, <c>#</c> and <c>;</c>
    /// comments, a leading <c>-</c> (ignore a failure to set the key), keys written with <c>/</c> or <c>.</c>. Settings are
    /// appended in the order given, so that a later file overrides an earlier one and the rules see both.</summary>
    internal static class SysctlParser
    {
        public static void ParseFile(string path, IList<SoraSysctlSetting> into, ICollection<SoraFactProblem> problems, ICollection<SoraFactSuppression> suppressions)
        {
            if (ConfigText.Read(path, problems) is { } text) Parse(text, into, problems, suppressions);
        }

        public static void Parse(ConfigText file, IList<SoraSysctlSetting> into, ICollection<SoraFactProblem> problems, ICollection<SoraFactSuppression> suppressions)
        {
            CommentSuppressions.Read(file, "#;", suppressions, problems);
            var lines = file.Text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var raw = lines[i].TrimEnd('\r');
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
                int column = raw.Length - raw.TrimStart().Length + 1;
                var at = new SoraFactSource(file.Path, i + 1, column, raw.Length + 1);
                int eq = line.IndexOf('=');
                if (eq < 0)
                {
                    problems.Add(new SoraFactProblem(at, SoraText.Format(
                        "\"{0}\" is not a key = value line", "\"{0}\" は key = value の行ではありません", line)));
                    continue;
                }
                var key = line.Substring(0, eq).Trim();
                if (key.StartsWith("-", System.StringComparison.Ordinal)) key = key.Substring(1).TrimStart();
                // systemd-sysctl reads net/core/rmem_max as net.core.rmem_max (the first separator decides).
                if (key.IndexOf('/') >= 0 && (key.IndexOf('.') < 0 || key.IndexOf('/') < key.IndexOf('.'))) key = key.Replace('.', '\u0000').Replace('/', '.').Replace('\u0000', '/');
                if (key.Length == 0)
                {
                    problems.Add(new SoraFactProblem(at, SoraText.Format("\"{0}\" has no key before '='", "\"{0}\" には '=' の前にキーがありません", line)));
                    continue;
                }
                into.Add(new SoraSysctlSetting(key, line.Substring(eq + 1).Trim(), at));
            }
        }
    }
}
