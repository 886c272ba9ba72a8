using System;
using System.Collections.Generic;
using Sora.Config.Catalog;
using Sora.Config.Syntax;

namespace Sora.Config.Evaluation.Engine
{
    /// <summary>Own-line suppression comments: <c># sora-conf-disable-next-line SORA1007 -- why this is acceptable here</c>.
    /// sora.conf has no inline comments, so the directive is a whole comment line; it applies to the first line after it
    /// (and after any further directive lines), which must be a key line. A reason after <c>--</c> is required: a
    /// directive without one suppresses nothing and is itself a finding (the <c>suppression</c> check kind), as is a
    /// directive naming an unknown rule or not standing above a key.</summary>
    internal static class Suppressions
    {
        public const string Directive = "sora-conf-disable-next-line";

        /// <summary>What every directive (and every misspelt one this check reports) starts with.</summary>
        public const string Prefix = "sora-conf-";

        /// <summary>A valid directive: the rule IDs it suppresses on <see cref="TargetLine"/>, and why.</summary>
        public sealed class Entry
        {
            public Entry(int line, int targetLine, IReadOnlyList<string> ids, string reason)
            {
                Line = line;
                TargetLine = targetLine;
                Ids = ids;
                Reason = reason;
            }

            /// <summary>The directive's own line.</summary>
            public int Line { get; }

            public int TargetLine { get; }

            public IReadOnlyList<string> Ids { get; }

            public string Reason { get; }
        }

        /// <summary>A directive that suppresses nothing, and why.</summary>
        public sealed class Problem
        {
            public Problem(int line, int endColumn, SoraText why)
            {
                Line = line;
                EndColumn = endColumn;
                Why = why;
            }

            public int Line { get; }

            public int EndColumn { get; }

            public SoraText Why { get; }
        }

        /// <summary>Every directive of the document: the valid ones, and the problems of the others.</summary>
        public static (List<Entry> Valid, List<Problem> Problems) Read(SoraConfDocument document, SoraCatalog catalog)
        {
            var valid = new List<Entry>();
            var problems = new List<Problem>();
            var lines = document.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                // Decided on the line's span: most files have many comments and no directive.
                if (lines[i].Kind != SoraConfLineKind.Comment || !IsDirectiveLike(lines[i].Span)) continue;
                var body = CommentBody(lines[i].Text);

                int number = i + 1;
                int endColumn = Math.Max(lines[i].Text.TrimEnd('\r').Length + 1, 2);
                void Fail(string english, string japanese, params object[] args) => problems.Add(new Problem(number, endColumn, SoraText.Format(english, japanese, args)));

                var word = FirstWord(body);
                if (word != Directive)
                {
                    Fail("'{0}' is not a sora-conf directive; the only one is '{1}'", "'{0}' は sora-conf のディレクティブではありません。使えるのは '{1}' だけです", word, Directive);
                    continue;
                }

                var rest = body.Substring(Directive.Length);
                int dashes = IndexOfSeparator(rest);
                var idPart = dashes < 0 ? rest : rest.Substring(0, dashes);
                var reason = dashes < 0 ? "" : rest.Substring(dashes + 2).Trim();

                var ids = new List<string>();
                bool bad = false;
                foreach (var token in idPart.Split(new[] { ' ', ',', '\t' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!catalog.TryGetRule(token.ToUpperInvariant(), out var rule))
                    {
                        Fail("the suppression names '{0}', which is not a sora-conf rule ID", "抑制コメントの '{0}' は sora-conf のルール ID ではありません", token);
                        bad = true;
                        continue;
                    }
                    ids.Add(rule.Id);
                }
                if (ids.Count == 0 && !bad)
                {
                    Fail("the suppression names no rule ID; write '# {0} SORAxxxx -- reason'", "抑制コメントにルール ID がありません。'# {0} SORAxxxx -- 理由' と書いてください", Directive);
                    continue;
                }
                if (reason.Length == 0)
                {
                    Fail("the suppression of {0} gives no reason, so it suppresses nothing; add '-- <why this is acceptable>'", "{0} の抑制に理由がないため、何も抑制しません。'-- <問題ない理由>' を追加してください", string.Join(", ", ids));
                    continue;
                }

                int target = i + 1;
                while (target < lines.Count && lines[target].Kind == SoraConfLineKind.Comment && CommentBody(lines[target].Text).StartsWith(Directive, StringComparison.Ordinal)) target++;
                if (target >= lines.Count || lines[target].Kind != SoraConfLineKind.Entry)
                {
                    Fail("the suppression is not directly above a key line, so it applies to nothing", "抑制コメントの直後がキーの行ではないため、何にも適用されません");
                    continue;
                }
                if (ids.Count > 0) valid.Add(new Entry(number, target + 1, ids, reason));
            }
            return (valid, problems);
        }

        /// <summary>The reason of the directive that suppresses a finding of <paramref name="id"/> on <paramref name="line"/>, or null.</summary>
        public static string? ReasonFor(IReadOnlyList<Entry> suppressions, string id, int line)
        {
            if (line == 0) return null;
            foreach (var s in suppressions)
            {
                if (s.TargetLine != line) continue;
                foreach (var suppressed in s.Ids) if (suppressed == id) return s.Reason;
            }
            return null;
        }

        /// <summary>The comment's text after the leading spaces and '#' characters.</summary>
        private static string CommentBody(string text) => text.Substring(BodyStart(text.AsSpan())).TrimEnd('\r', ' ', '\t');

        /// <summary>The comment's body starts with "sora-conf-" (the trimming at its end cannot touch that prefix).</summary>
        internal static bool IsDirectiveLike(ReadOnlySpan<char> line) =>
            System.MemoryExtensions.StartsWith(line.Slice(BodyStart(line)), Prefix.AsSpan(), StringComparison.Ordinal);

        private static int BodyStart(ReadOnlySpan<char> text)
        {
            int p = 0;
            while (p < text.Length && text[p] == ' ') p++;
            while (p < text.Length && text[p] == '#') p++;
            while (p < text.Length && text[p] == ' ') p++;
            return p;
        }

        private static string FirstWord(string body)
        {
            int end = 0;
            while (end < body.Length && body[end] != ' ' && body[end] != '\t') end++;
            return body.Substring(0, end);
        }

        /// <summary>Index of the "--" that separates the rule IDs from the reason; -1 when absent.</summary>
        private static int IndexOfSeparator(string rest)
        {
            for (int i = 0; i + 1 < rest.Length; i++)
            {
                if (rest[i] == '-' && rest[i + 1] == '-' && (i == 0 || rest[i - 1] == ' ' || rest[i - 1] == '\t')) return i;
            }
            return -1;
        }
    }
}
