using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Sora.Config.Catalog;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Deployment.Parsing
{
    /// <summary>One file of an operator's deployment, read for a parser: its text without a BOM, and the problems and
    /// suppression comments found while parsing it. Every parser reports bad input here instead of throwing.</summary>
    internal sealed class ConfigText
    {
        private ConfigText(string path, string text)
        {
            Path = path;
            Text = text;
        }

        /// <summary>The path findings name (as the user gave it, or as an include resolved it).</summary>
        public string Path { get; }

        public string Text { get; }

        public static ConfigText FromString(string path, string text) =>
            new ConfigText(path, text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text);

        /// <summary>Reads a file; null (and a problem) when it cannot be read.</summary>
        public static ConfigText? Read(string path, ICollection<SoraFactProblem> problems, SoraFactSource? from = null)
        {
            try
            {
                return FromString(path, File.ReadAllText(path, new UTF8Encoding(false)));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                var why = e is FileNotFoundException || e is DirectoryNotFoundException ? "it does not exist" : e.Message.Replace('\n', ' ').Trim();
                problems.Add(new SoraFactProblem(from ?? new SoraFactSource(path), SoraText.Format(
                    "{0} cannot be read: {1}", "{0} を読み込めません: {1}", path, why)));
                return null;
            }
        }
    }

    /// <summary>The one suppression syntax of every deployment file, in that file's comment syntax:
    /// <c># sora-conf-disable-next-line SORA3001 -- why</c> on a line of its own, applying to the next line that is neither
    /// blank nor a comment. A directive without a reason suppresses nothing and is a problem of the file.</summary>
    internal static class CommentSuppressions
    {
        private const string Directive = "sora-conf-disable-next-line";

        /// <summary>Reads the directives of <paramref name="text"/>, whose comment lines start with one of
        /// <paramref name="commentChars"/>.</summary>
        public static void Read(ConfigText text, string commentChars, ICollection<SoraFactSuppression> into, ICollection<SoraFactProblem> problems)
        {
            var lines = text.Text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r').Trim();
                if (line.Length == 0 || commentChars.IndexOf(line[0]) < 0) continue;
                var body = line.Substring(1).Trim();
                if (!body.StartsWith(Directive, StringComparison.Ordinal)) continue;
                var at = new SoraFactSource(text.Path, i + 1, 1, lines[i].TrimEnd('\r').Length + 1);
                var rest = body.Substring(Directive.Length);
                int dashes = rest.IndexOf("--", StringComparison.Ordinal);
                var ids = new List<string>();
                foreach (var id in (dashes < 0 ? rest : rest.Substring(0, dashes)).Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries)) ids.Add(id.ToUpperInvariant());
                var reason = dashes < 0 ? "" : rest.Substring(dashes + 2).Trim();
                if (ids.Count == 0 || reason.Length == 0)
                {
                    problems.Add(new SoraFactProblem(at, SoraText.Format(
                        "this {0} comment names no rule or gives no reason after '--', so it suppresses nothing",
                        "この {0} コメントにはルール ID か '--' の後の理由がないため、何も抑制しません", Directive)));
                    continue;
                }
                int target = i + 1;
                while (target < lines.Length)
                {
                    var t = lines[target].Trim();
                    if (t.Length != 0 && commentChars.IndexOf(t[0]) < 0) break;
                    target++;
                }
                into.Add(new SoraFactSuppression(text.Path, target + 1, ids, reason));
            }
        }
    }
}
