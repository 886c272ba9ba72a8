using System;
using System.Collections.Generic;
using System.Globalization;

namespace Sora.Config
{
    /// <summary>Every problem in a sora.conf file at once: the file-level checks (grammar, duplicates,
    /// encoding, whitespace: SORA0001/0002/0006/0007/0008) plus every rule of <see cref="SoraRuleEngine"/>,
    /// each with its position in the file.</summary>
    public static class SoraConfLinter
    {
        public static IReadOnlyList<SoraConfDiagnostic> Lint(SoraConfDocument document, SoraConfEvaluationOptions? options = null)
        {
            options ??= SoraConfEvaluationOptions.Default;
            var catalog = options.EffectiveCatalog;
            var result = new List<SoraConfDiagnostic>();
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            var written = new List<KeyValuePair<string, string>>();

            void Add(string id, string? key, int line, int column, int endColumn, Func<SoraText, string> message)
            {
                if (!catalog.TryGetRule(id, out var rule)) return;
                var severity = options.SeverityOf(rule);
                if (severity is null) return;
                result.Add(new SoraConfDiagnostic(id, severity.Value, message(rule.Message), key, line, column, line, Math.Max(endColumn, column + 1), document.Path));
            }

            var lines = document.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                int number = i + 1;
                var text = line.Text;
                int end = text.Length + 1;

                if (line.InvalidUtf8Column > 0)
                {
                    int col = line.InvalidUtf8Column;
                    Add("SORA0008", line.Key, number, col, col + 1, m => Msg(m, "Line {0} holds a byte that is not UTF-8 (column {1}); Sora crashes while reading such a file", "{0} 行目に UTF-8 ではないバイトがあります ({1} 桁目)。Sora はこのようなファイルの読み込み中にクラッシュします", number, col));
                }
                int nul = text.IndexOf('\0');
                if (nul >= 0)
                {
                    Add("SORA0008", line.Key, number, nul + 1, nul + 2, m => Msg(m, "Line {0} holds a NUL byte (column {1})", "{0} 行目に NUL バイトがあります ({1} 桁目)", number, nul + 1));
                }

                bool bom = i == 0 && text.Length > 0 && text[0] == '\uFEFF';
                switch (line.Kind)
                {
                    case SoraConfLineKind.Invalid:
                        if (bom && KvconfGrammar.IsSkipLine(text.Substring(1)))
                            Add("SORA0006", null, 1, 1, 2, m => Msg(m, "before a comment or blank first line it makes Sora refuse the file", "先頭行がコメントか空行のため、Sora はファイルを拒否します"));
                        else if (IsWhitespaceOnly(text))
                            Add("SORA0007", null, number, 1, end, m => Msg(m, text.IndexOf('\r') >= 0
                                ? "Line {0} is blank but holds a carriage return (a CRLF line ending): Sora refuses it; save the file with LF line endings"
                                : "Line {0} is blank but holds a tab or other whitespace that is not a space: Sora refuses it; leave it empty", text.IndexOf('\r') >= 0
                                ? "{0} 行目は空行ですが CR (CRLF の改行) を含むため Sora は拒否します。LF の改行で保存してください"
                                : "{0} 行目は空行ですがスペース以外の空白 (タブなど) を含むため Sora は拒否します。空にしてください", number));
                        else if (IsIndentedComment(text))
                            Add("SORA0007", null, number, 1, FirstNonWhitespace(text) + 1, m => Msg(m, "Line {0} is a comment indented with a tab or other whitespace: Sora refuses it; indent comments with spaces only", "{0} 行目はタブなどで字下げしたコメントのため Sora は拒否します。コメントの字下げにはスペースだけを使ってください", number));
                        else
                            Add("SORA0001", null, number, 1, end, m => Msg(m, "line {0} has no '='; write key = value, or start a comment with '#'", "{0} 行目に '=' がありません。key = value と書くか、'#' でコメントにしてください", number));
                        break;

                    case SoraConfLineKind.Entry:
                        var key = line.Key!;
                        int keyCol = line.KeyStart + 1;
                        int keyEnd = line.KeyEnd + 1;
                        if (bom)
                        {
                            var real = key.Substring(1);
                            Add("SORA0006", real, 1, 1, keyEnd, m => Msg(m, "Sora reads the first key as '\\uFEFF{0}', an unknown key, and '{0}' silently keeps its default", "Sora は先頭のキーを不明なキー '\\uFEFF{0}' として読み、'{0}' は黙って既定値のままになります", real));
                            firstLine[key] = number;
                            continue;
                        }
                        if (key.Length == 0)
                        {
                            Add("SORA0001", null, number, 1, end, m => Msg(m, "line {0} has no key before '='", "{0} 行目の '=' の前にキーがありません", number));
                            continue;
                        }
                        if (key[0] == '#')
                        {
                            Add("SORA0007", null, number, 1, keyCol, m => Msg(m, "Line {0} is a comment indented with a tab or other whitespace: as it holds '=', Sora reads it as the unknown key '{1}' instead of a comment; indent comments with spaces only", "{0} 行目はタブなどで字下げしたコメントで、'=' を含むため Sora はコメントではなく不明なキー '{1}' として読みます。コメントの字下げにはスペースだけを使ってください", number, key));
                            continue;
                        }
                        if (firstLine.TryGetValue(key, out int first))
                        {
                            Add("SORA0002", key, number, keyCol, keyEnd, m => SoraRuleEngine.Fill(m, key, other: first.ToString(CultureInfo.InvariantCulture)));
                            continue;
                        }
                        firstLine[key] = number;
                        written.Add(new KeyValuePair<string, string>(key, line.Value!));
                        break;
                }
            }

            foreach (var finding in SoraRuleEngine.Evaluate(written, options))
            {
                result.Add(Locate(document, finding, firstLine));
            }

            result.Sort(Compare);
            return result;
        }

        private static SoraConfDiagnostic Locate(SoraConfDocument document, SoraRuleFinding finding, Dictionary<string, int> firstLine)
        {
            int line = 0, column = 0, endColumn = 0;
            if (finding.Key != null && firstLine.TryGetValue(finding.Key, out int number))
            {
                var l = document.Lines[number - 1];
                line = number;
                switch (finding.Target)
                {
                    case SoraFindingTarget.Key:
                        column = l.KeyStart + 1;
                        endColumn = l.KeyEnd + 1;
                        break;
                    case SoraFindingTarget.Value when l.ValueEnd > l.ValueStart:
                        column = l.ValueStart + 1;
                        endColumn = l.ValueEnd + 1;
                        break;
                    default:
                        column = l.KeyStart + 1;
                        endColumn = Math.Max(l.ValueEnd, l.KeyEnd) + 1;
                        break;
                }
            }
            else if (finding.Key != null && document.FindTemplate(finding.Key) + 1 is int template and > 0)
            {
                // Not written: point at the commented-out template line for the key, where the fix goes.
                line = template;
                column = 1;
                endColumn = document.Lines[template - 1].Text.TrimEnd('\r').Length + 1;
            }
            return new SoraConfDiagnostic(finding.RuleId, finding.Severity, finding.Message, finding.Key, line, column, line, Math.Max(endColumn, column), document.Path);
        }

        private static int Compare(SoraConfDiagnostic a, SoraConfDiagnostic b)
        {
            int c = a.Line.CompareTo(b.Line);
            if (c != 0) return c;
            c = a.Column.CompareTo(b.Column);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        }

        private static bool IsWhitespaceOnly(string text)
        {
            foreach (char c in text) if (!KvconfGrammar.IsTrimmed(c) && c != '\u00A0' && c != '\u3000') return false;
            return true;
        }

        private static int FirstNonWhitespace(string text)
        {
            int i = 0;
            while (i < text.Length && (KvconfGrammar.IsTrimmed(text[i]) || text[i] == '\u00A0' || text[i] == '\u3000')) i++;
            return i;
        }

        private static bool IsIndentedComment(string text)
        {
            int i = FirstNonWhitespace(text);
            return i > 0 && i < text.Length && text[i] == '#';
        }

        private static string Msg(SoraText template, string english, string japanese, params object[] args) =>
            SoraRuleEngine.Fill(template, null, detail: string.Format(CultureInfo.InvariantCulture, SoraText.UseJapanese ? japanese : english, args));
    }
}
