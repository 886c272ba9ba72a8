using System;
using System.Collections.Generic;
using System.Globalization;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Syntax;

namespace Sora.Config.Evaluation
{
    /// <summary>Every problem in a sora.conf file at once: the file-level checks (grammar, duplicates,
    /// encoding, whitespace: SORA0001/0002/0006/0007/0008) plus every rule of <see cref="SoraRuleEngine"/>,
    /// each with its position in the file.</summary>
    public static class SoraConfLinter
    {
        public static IReadOnlyList<SoraConfDiagnostic> Lint(SoraConfDocument document, SoraConfEvaluationOptions? options = null) =>
            Lint(document, options, null);

        /// <summary>As <see cref="Lint(SoraConfDocument, SoraConfEvaluationOptions?)"/>; <paramref name="parsedValues"/>
        /// receives the values the rule engine parsed (see <see cref="SoraRuleEngine"/>).</summary>
        internal static IReadOnlyList<SoraConfDiagnostic> Lint(SoraConfDocument document, SoraConfEvaluationOptions? options, Dictionary<string, object?>? parsedValues)
        {
            options ??= SoraConfEvaluationOptions.Default;
            var catalog = options.EffectiveCatalog;
            var result = new List<SoraConfDiagnostic>();
            int expected = ExpectedEntries(document, catalog);
            var firstLine = new Dictionary<string, int>(expected, StringComparer.Ordinal);
            var written = new List<KeyValuePair<string, string>>(expected);

            void Add(string id, string? key, int line, int column, int endColumn, Func<SoraText, string> message)
            {
                if (!catalog.TryGetRule(id, out var rule)) return;
                var severity = options.SeverityOf(rule);
                if (severity is null) return;
                result.Add(new SoraConfDiagnostic(id, severity.Value, message(rule.Message), key, line, column, line, Math.Max(endColumn, column + 1), document.Path));
            }

            // The message's arguments are passed as values, not captured by a lambda in the loop below: a lambda
            // there would allocate a closure for every line, even for the (many) lines that report nothing.
            void AddDetail(string id, string? key, int line, int column, int endColumn, string english, string japanese, params object[] args) =>
                Add(id, key, line, column, endColumn, m => Msg(m, english, japanese, args));

            void AddDuplicate(string key, int line, int column, int endColumn, int first) =>
                Add("SORA0002", key, line, column, endColumn, m => SoraRuleEngine.Fill(m, key, other: first.ToString(CultureInfo.InvariantCulture)));

            var lines = document.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                int number = i + 1;
                // Comment and blank lines are checked on the span: their text is never materialized.
                var span = line.Span;
                int end = line.Length + 1;

                if (line.InvalidUtf8Column > 0)
                {
                    int col = line.InvalidUtf8Column;
                    AddDetail("SORA0008", line.Key, number, col, col + 1, "Line {0} holds a byte that is not UTF-8 (column {1}); Sora crashes while reading such a file", "{0} 行目に UTF-8 ではないバイトがあります ({1} 桁目)。Sora はこのようなファイルの読み込み中にクラッシュします", number, col);
                }
                int nul = span.IndexOf('\0');
                if (nul >= 0)
                {
                    AddDetail("SORA0008", line.Key, number, nul + 1, nul + 2, "Line {0} holds a NUL byte (column {1})", "{0} 行目に NUL バイトがあります ({1} 桁目)", number, nul + 1);
                }

                bool bom = i == 0 && span.Length > 0 && span[0] == '\uFEFF';
                switch (line.Kind)
                {
                    case SoraConfLineKind.Invalid:
                        var text = line.Text;
                        if (bom && KvconfGrammar.IsSkipLine(text.Substring(1)))
                            AddDetail("SORA0006", null, 1, 1, 2, "before a comment or blank first line it makes Sora refuse the file", "先頭行がコメントか空行のため、Sora はファイルを拒否します");
                        else if (IsWhitespaceOnly(text))
                            AddDetail("SORA0007", null, number, 1, end, text.IndexOf('\r') >= 0
                                ? "Line {0} is blank but holds a carriage return (a CRLF line ending): Sora refuses it; save the file with LF line endings"
                                : "Line {0} is blank but holds a tab or other whitespace that is not a space: Sora refuses it; leave it empty", text.IndexOf('\r') >= 0
                                ? "{0} 行目は空行ですが CR (CRLF の改行) を含むため Sora は拒否します。LF の改行で保存してください"
                                : "{0} 行目は空行ですがスペース以外の空白 (タブなど) を含むため Sora は拒否します。空にしてください", number);
                        else if (IsIndentedComment(text))
                            AddDetail("SORA0007", null, number, 1, FirstNonWhitespace(text) + 1, "Line {0} is a comment indented with a tab or other whitespace: Sora refuses it; indent comments with spaces only", "{0} 行目はタブなどで字下げしたコメントのため Sora は拒否します。コメントの字下げにはスペースだけを使ってください", number);
                        else
                            AddDetail("SORA0001", null, number, 1, end, "line {0} has no '='; write key = value, or start a comment with '#'", "{0} 行目に '=' がありません。key = value と書くか、'#' でコメントにしてください", number);
                        break;

                    case SoraConfLineKind.Entry:
                        var key = line.Key!;
                        int keyCol = line.KeyStart + 1;
                        int keyEnd = line.KeyEnd + 1;
                        if (bom)
                        {
                            var real = key.Substring(1);
                            AddDetail("SORA0006", real, 1, 1, keyEnd, "Sora reads the first key as '\\uFEFF{0}', an unknown key, and '{0}' silently keeps its default", "Sora は先頭のキーを不明なキー '\\uFEFF{0}' として読み、'{0}' は黙って既定値のままになります", real);
                            firstLine[key] = number;
                            continue;
                        }
                        if (key.Length == 0)
                        {
                            AddDetail("SORA0001", null, number, 1, end, "line {0} has no key before '='", "{0} 行目の '=' の前にキーがありません", number);
                            continue;
                        }
                        if (key[0] == '#')
                        {
                            AddDetail("SORA0007", null, number, 1, keyCol, "Line {0} is a comment indented with a tab or other whitespace: as it holds '=', Sora reads it as the unknown key '{1}' instead of a comment; indent comments with spaces only", "{0} 行目はタブなどで字下げしたコメントで、'=' を含むため Sora はコメントではなく不明なキー '{1}' として読みます。コメントの字下げにはスペースだけを使ってください", number, key);
                            continue;
                        }
                        if (firstLine.TryGetValue(key, out int first))
                        {
                            AddDuplicate(key, number, keyCol, keyEnd, first);
                            continue;
                        }
                        firstLine[key] = number;
                        written.Add(new KeyValuePair<string, string>(key, line.Value!));
                        break;
                }
            }

            foreach (var finding in SoraRuleEngine.Evaluate(written, options, parsedValues))
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

        /// <summary>A capacity for per-key collections: at most one entry per line, and rarely more than the
        /// catalogue's keys, so they are sized once instead of grown.</summary>
        internal static int ExpectedEntries(SoraConfDocument document, SoraCatalog catalog) =>
            Math.Min(document.Lines.Count, catalog.Keys.Count + 8);
    }
}
