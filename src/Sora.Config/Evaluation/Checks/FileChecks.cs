using System.Globalization;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Syntax;

namespace Sora.Config.Evaluation.Checks
{
    // The checks of the file itself (docs/grammar.md). They read the facts one pass over the lines collected
    // (Engine/FileFacts) and report nothing when the input is not a file.

    /// <summary><c>invalid_line</c>: a line that is neither a skip line nor <c>key = value</c>, or has no key.</summary>
    internal sealed class InvalidLineCheck : ICheck
    {
        public string Kind => "invalid_line";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            if (run.File is null) return;
            foreach (var (line, problem) in run.File.LineProblems)
            {
                if (problem != LineProblem.NoEquals) continue;
                var detail = SoraText.Format("line {0} has no '='; write key = value, or start a comment with '#'", "{0} 行目に '=' がありません。key = value と書くか、'#' でコメントにしてください", line);
                run.Report(rule, null, SoraFindingTarget.Line, new SoraMessageArguments(detail: detail), line, 1, run.File.Document.Lines[line - 1].Length + 1);
            }
        }
    }

    /// <summary><c>byte_order_mark</c>: a UTF-8 byte order mark at the start of the file, which kvconf does not strip. An
    /// error when Sora refuses the file for it (before a comment or blank line, or a line that is no setting either); a
    /// finding Sora accepts (the first key is read with the mark glued to it) at the rule's accepted severity.</summary>
    internal sealed class ByteOrderMarkCheck : ICheck
    {
        public string Kind => "byte_order_mark";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            if (run.File is null || !run.File.StartsWithByteOrderMark) return;
            var first = run.File.Document.Lines[0];
            if (first.Kind == SoraConfLineKind.Entry && first.KeyEnd > first.KeyStart && first.Key![0] == '\uFEFF')
            {
                var real = first.Key.Substring(1);
                run.Report(rule, real, SoraFindingTarget.Key, new SoraMessageArguments(key: real, detail: SoraText.Format(
                    "Sora reads the first key as '\\uFEFF{0}', an unknown key, and '{0}' silently keeps its default",
                    "Sora は先頭のキーを不明なキー '\\uFEFF{0}' として読み、'{0}' は黙って既定値のままになります", real)), 1, 1, first.KeyEnd + 1, accepted: true);
                return;
            }
            var detail = KvconfScanner.IsSkipLine(first.Span.Slice(1))
                ? new SoraText("before a comment or blank first line it makes Sora refuse the file", "先頭行がコメントか空行のため、Sora はファイルを拒否します")
                : new SoraText("Sora refuses the file at its first line", "Sora は先頭行でファイルを拒否します");
            run.Report(rule, null, SoraFindingTarget.Line, new SoraMessageArguments(detail: detail), 1, 1, 2);
        }
    }

    /// <summary><c>rejected_whitespace</c>: blank lines holding a tab or CR, and comments indented with them.</summary>
    internal sealed class RejectedWhitespaceCheck : ICheck
    {
        public string Kind => "rejected_whitespace";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            if (run.File is null) return;
            var lines = run.File.Document.Lines;
            foreach (var (number, problem) in run.File.LineProblems)
            {
                var line = lines[number - 1];
                switch (problem)
                {
                    case LineProblem.CarriageReturnOnlyLine:
                        Report(rule, run, null, number, 1, line.Length + 1, SoraText.Format(
                            "Line {0} is blank but holds a carriage return (a CRLF line ending): Sora refuses it; save the file with LF line endings",
                            "{0} 行目は空行ですが CR (CRLF の改行) を含むため Sora は拒否します。LF の改行で保存してください", number));
                        break;
                    case LineProblem.WhitespaceOnlyLine:
                        Report(rule, run, null, number, 1, line.Length + 1, SoraText.Format(
                            "Line {0} is blank but holds a tab or other whitespace that is not a space: Sora refuses it; leave it empty",
                            "{0} 行目は空行ですがスペース以外の空白 (タブなど) を含むため Sora は拒否します。空にしてください", number));
                        break;
                    case LineProblem.IndentedComment:
                        Report(rule, run, null, number, 1, KvconfScanner.FirstNonBlank(line.Span) + 1, SoraText.Format(
                            "Line {0} is a comment indented with a tab or other whitespace: Sora refuses it; indent comments with spaces only",
                            "{0} 行目はタブなどで字下げしたコメントのため Sora は拒否します。コメントの字下げにはスペースだけを使ってください", number));
                        break;
                }
            }
        }

        private static void Report(SoraRuleInfo rule, EvaluationRun run, string? key, int line, int column, int endColumn, SoraText detail) =>
            run.Report(rule, key, SoraFindingTarget.Line, new SoraMessageArguments(detail: detail), line, column, endColumn);
    }

    /// <summary><c>encoding</c>: bytes that are not UTF-8 where kvconf crashes on them (in a key, at the start of a value or
    /// after whitespace in it, in a URL or an enum list: docs/grammar.md#invalid-utf-8). Those it passes over are
    /// questionable values, not this.</summary>
    internal sealed class EncodingCheck : ICheck
    {
        public string Kind => "encoding";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            if (run.File is null) return;
            var lines = run.File.Document.Lines;
            foreach (var (line, column) in run.File.CrashingInvalidUtf8)
            {
                run.Report(rule, lines[line - 1].Key, SoraFindingTarget.Line, new SoraMessageArguments(detail: SoraText.Format(
                    "Line {0} holds a byte that is not UTF-8 (column {1}) where Sora's reader crashes on it",
                    "{0} 行目の {1} 桁目に UTF-8 ではないバイトがあり、Sora は読み込み中にクラッシュします", line, column)), line, column, column + 1);
            }
        }
    }

    /// <summary><c>duplicate_key</c>: a key set twice, which kvconf refuses even when both values are equal.</summary>
    internal sealed class DuplicateKeyCheck : ICheck
    {
        public string Kind => "duplicate_key";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            if (run.File is null) return;
            var lines = run.File.Document.Lines;
            foreach (var (key, number, first) in run.File.Duplicates)
            {
                var line = lines[number - 1];
                run.Report(rule, key, SoraFindingTarget.Key, new SoraMessageArguments(key: key, other: first.ToString(CultureInfo.InvariantCulture)),
                    number, line.KeyStart + 1, line.KeyEnd + 1);
            }
        }
    }

    /// <summary><c>suppression</c>: a suppression comment that suppresses nothing (no reason, an unknown rule ID, or
    /// not directly above a key line).</summary>
    internal sealed class SuppressionCheck : ICommentCheck
    {
        public string Kind => "suppression";

        public CommentMarks Marks => CommentMarks.SuppressionComment;

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            // With inline suppressions off, the comments are ignored altogether: neither applied nor checked.
            if (run.File is null || !run.Options.InlineSuppressions) return;
            foreach (var problem in run.File.SuppressionProblems)
            {
                run.Report(rule, null, SoraFindingTarget.Line, new SoraMessageArguments(detail: problem.Why), problem.Line, 1, problem.EndColumn);
            }
        }
    }
}
