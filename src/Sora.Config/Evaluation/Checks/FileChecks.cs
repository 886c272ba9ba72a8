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
                var detail = problem switch
                {
                    LineProblem.NoEquals => SoraText.Format("line {0} has no '='; write key = value, or start a comment with '#'", "{0} 行目に '=' がありません。key = value と書くか、'#' でコメントにしてください", line),
                    LineProblem.EmptyKey => SoraText.Format("line {0} has no key before '='", "{0} 行目の '=' の前にキーがありません", line),
                    _ => (SoraText?)null,
                };
                if (detail is null) continue;
                run.Report(rule, null, SoraFindingTarget.Line, new SoraMessageArguments(detail: detail), line, 1, run.File.Document.Lines[line - 1].Length + 1);
            }
        }
    }

    /// <summary><c>byte_order_mark</c>: a UTF-8 byte order mark at the start of the file, which kvconf does not strip.</summary>
    internal sealed class ByteOrderMarkCheck : ICheck
    {
        public string Kind => "byte_order_mark";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            if (run.File is null) return;
            foreach (var (line, problem) in run.File.LineProblems)
            {
                if (problem == LineProblem.ByteOrderMarkBeforeSkipLine)
                {
                    run.Report(rule, null, SoraFindingTarget.Line, new SoraMessageArguments(detail: new SoraText(
                        "before a comment or blank first line it makes Sora refuse the file",
                        "先頭行がコメントか空行のため、Sora はファイルを拒否します")), 1, 1, 2);
                }
                else if (problem == LineProblem.ByteOrderMarkGluedToKey)
                {
                    var first = run.File.Document.Lines[0];
                    var real = first.Key!.Substring(1);
                    run.Report(rule, real, SoraFindingTarget.Key, new SoraMessageArguments(key: real, detail: SoraText.Format(
                        "Sora reads the first key as '\\uFEFF{0}', an unknown key, and '{0}' silently keeps its default",
                        "Sora は先頭のキーを不明なキー '\\uFEFF{0}' として読み、'{0}' は黙って既定値のままになります", real)), 1, 1, first.KeyEnd + 1);
                }
            }
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
                    case LineProblem.IndentedCommentWithEquals:
                        Report(rule, run, null, number, 1, line.KeyStart + 1, SoraText.Format(
                            "Line {0} is a comment indented with a tab or other whitespace: as it holds '=', Sora reads it as the unknown key '{1}' instead of a comment; indent comments with spaces only",
                            "{0} 行目はタブなどで字下げしたコメントで、'=' を含むため Sora はコメントではなく不明なキー '{1}' として読みます。コメントの字下げにはスペースだけを使ってください", number, line.Key));
                        break;
                }
            }
        }

        private static void Report(SoraRuleInfo rule, EvaluationRun run, string? key, int line, int column, int endColumn, SoraText detail) =>
            run.Report(rule, key, SoraFindingTarget.Line, new SoraMessageArguments(detail: detail), line, column, endColumn);
    }

    /// <summary><c>encoding</c>: bytes that are not UTF-8, and NUL characters.</summary>
    internal sealed class EncodingCheck : ICheck
    {
        public string Kind => "encoding";

        public void Run(SoraRuleInfo rule, EvaluationRun run)
        {
            if (run.File is null) return;
            var lines = run.File.Document.Lines;
            foreach (var (line, column) in run.File.InvalidUtf8)
            {
                run.Report(rule, lines[line - 1].Key, SoraFindingTarget.Line, new SoraMessageArguments(detail: SoraText.Format(
                    "Line {0} holds a byte that is not UTF-8 (column {1}); Sora crashes while reading such a file",
                    "{0} 行目に UTF-8 ではないバイトがあります ({1} 桁目)。Sora はこのようなファイルの読み込み中にクラッシュします", line, column)), line, column, column + 1);
            }
            foreach (var (line, column) in run.File.Nul)
            {
                run.Report(rule, lines[line - 1].Key, SoraFindingTarget.Line, new SoraMessageArguments(detail: SoraText.Format(
                    "Line {0} holds a NUL byte (column {1})", "{0} 行目に NUL バイトがあります ({1} 桁目)", line, column)), line, column, column + 1);
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
    internal sealed class SuppressionCheck : ICheck
    {
        public string Kind => "suppression";

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
