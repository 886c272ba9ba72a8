using System;
using System.Collections.Generic;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Fixes
{
    /// <summary>The fixes of findings, worked out from the rule's check kind and the catalogue, never from a rule ID:
    /// used by the code fixes of sora.conf files in a project, by the C# code fixes (<see cref="Remedies"/>) and by the
    /// language server.</summary>
    public static class SoraConfFixes
    {
        /// <summary>The fixes for <paramref name="diagnostic"/>, a finding in <paramref name="document"/>; none when there is no obvious one.</summary>
        public static IReadOnlyList<SoraConfFix> For(SoraConfDocument document, SoraConfDiagnostic diagnostic, SoraConfEvaluationOptions? options = null)
        {
            options ??= new SoraConfEvaluationOptions();
            var fixes = new List<SoraConfFix>();
            var lines = document.Lines;
            int n = diagnostic.Line;
            var line = n >= 1 && n <= lines.Count ? lines[n - 1] : null;
            switch (diagnostic.Rule.Check.Kind)
            {
                case "inline_comment" when line is { Kind: SoraConfLineKind.Entry }:
                    MoveComment(line, n, fixes);
                    break;
                case "rejected_whitespace" when line != null:
                    StripWhitespace(document, line, n, fixes);
                    break;
                case "byte_order_mark":
                    fixes.Add(new SoraConfFix("sora-conf.remove-bom", new SoraText("Remove the byte order mark", "BOM を取り除く"), new[] { new SoraConfTextEdit(1, 1, 1, 2, "") }));
                    break;
                case "unknown_key" when line is { Kind: SoraConfLineKind.Entry } && diagnostic.Key != null:
                    var catalog = options.EffectiveCatalog;
                    if (catalog.SuggestKey(diagnostic.Key, options.EffectiveVersion) is { } suggestion)
                    {
                        fixes.Add(new SoraConfFix("sora-conf.rename-key", SoraText.Format("Rename to '{0}'", "'{0}' に変更する", suggestion),
                            new[] { new SoraConfTextEdit(n, line.KeyStart + 1, n, line.KeyEnd + 1, suggestion) }));
                    }
                    break;
                case "version" when line is { Kind: SoraConfLineKind.Entry } && options.EffectiveCatalog.TryGetKey(line.Key!, out var gone)
                    && Migration.SoraConfMigrator.Change(gone, options.EffectiveVersion) is { Kind: Migration.SoraConfMigrationKind.Removed or Migration.SoraConfMigrationKind.NotYetAdded } migration:
                    // The same edit `sora-conf migrate` makes: the setting becomes a comment with a note.
                    fixes.Add(new SoraConfFix("sora-conf.migrate", SoraText.Format("Comment out ({0})", "コメントにする ({0})", migration.Text.TrimStart('#', ' ').TrimEnd(':', ' ')),
                        new[] { new SoraConfTextEdit(n, 1, n, 1, migration.Text) }));
                    break;
                case "questionable_value" when line is { Kind: SoraConfLineKind.Entry } && Unquoted(line.Value!) is { } inner:
                    fixes.Add(new SoraConfFix("sora-conf.remove-quotes", new SoraText("Remove the quotes (Sora keeps them as part of the value)", "引用符を取り除く (Sora は引用符を値の一部として扱います)"),
                        new[] { new SoraConfTextEdit(n, line.ValueStart + 1, n, line.ValueEnd + 1, inner) }));
                    break;
                case "duplicate_key" when line != null:
                    fixes.Add(new SoraConfFix("sora-conf.remove-duplicate", SoraText.Format("Remove this line (the key is set on line {0})", "この行を削除する ({0} 行目で設定済み)", diagnostic.Arguments.Other),
                        new[] { new SoraConfTextEdit(n, 1, n + 1, 1, "") }));
                    break;
                default:
                    foreach (var remedy in Remedies(diagnostic.Rule, options.EffectiveCatalog))
                    {
                        if (remedy.Value is null) continue;
                        fixes.Add(new SoraConfFix("sora-conf.set." + remedy.Key + "=" + remedy.Value, SoraText.Format("Set {0} = {1}", "{0} = {1} を設定する", remedy.Key, remedy.Value),
                            SetEdits(document, remedy.Key, remedy.Value)));
                    }
                    break;
            }
            return fixes;
        }

        /// <summary>"Suppress with a reason": inserts the own-line directive <c># sora-conf-disable-next-line ID -- </c> above the
        /// finding's line, for the user to finish with the reason. Until a reason is written the directive suppresses nothing
        /// and is itself reported (the <c>suppression</c> check kind), so no finding is hidden without one. Null when the
        /// finding cannot be suppressed in the file: it has no line, its line is not a key line, or it is about a
        /// suppression comment.</summary>
        public static SoraConfFix? Suppression(SoraConfDocument document, SoraConfDiagnostic diagnostic)
        {
            if (document is null) throw new ArgumentNullException(nameof(document));
            if (diagnostic is null) throw new ArgumentNullException(nameof(diagnostic));
            int n = diagnostic.Line;
            if (n < 1 || n > document.Lines.Count || diagnostic.Rule.Check.Kind == "suppression") return null;
            var line = document.Lines[n - 1];
            if (line.Kind != SoraConfLineKind.Entry) return null;
            var directive = IndentOf(line.Text.Substring(0, line.KeyStart)) + "# " + Evaluation.Engine.Suppressions.Directive + " " + diagnostic.Id + " -- "
                + (line.Text.EndsWith("\r", StringComparison.Ordinal) ? "\r\n" : "\n");
            return new SoraConfFix("sora-conf.suppress." + diagnostic.Id,
                SoraText.Format("Suppress {0} on this line (write the reason after --)", "この行の {0} を抑制する (-- の後に理由を書く)", diagnostic.Id),
                new[] { new SoraConfTextEdit(n, 1, n, 1, directive) });
        }

        /// <summary>The value between matching quotes, when the whole value is quoted and the inside needs none.</summary>
        private static string? Unquoted(string value) =>
            value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0] && value.IndexOf(value[0], 1) == value.Length - 1
                ? value.Substring(1, value.Length - 2).Trim() is { Length: > 0 } inner && inner == value.Substring(1, value.Length - 2) ? inner : null
                : null;

        /// <summary>The settings that each make the rule's finding go away, as the catalogue states them (rules.toml
        /// <c>fixes</c>): a key and its value, or a key only the user can fill (no value). Keys the catalogue does not know
        /// are left out.</summary>
        public static IReadOnlyList<SoraConfRemedy> Remedies(SoraRuleInfo rule, SoraCatalog catalog)
        {
            var result = new List<SoraConfRemedy>();
            foreach (var fix in rule.Fixes)
            {
                if (catalog.TryGetKey(fix.Key, out _)) result.Add(new SoraConfRemedy(fix.Key, fix.Value));
            }
            return result;
        }

        /// <summary>Sets a key in a document: its value where it is written, else a commented-out template line for it,
        /// else a new last line.</summary>
        private static SoraConfTextEdit[] SetEdits(SoraConfDocument document, string key, string value)
        {
            var lines = document.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                var l = lines[i];
                if (l.Kind != SoraConfLineKind.Entry || l.Key != key) continue;
                if (l.ValueEnd > l.ValueStart) return new[] { new SoraConfTextEdit(i + 1, l.ValueStart + 1, i + 1, l.ValueEnd + 1, value) };
                int eq = l.Text.IndexOf('=');
                return new[] { new SoraConfTextEdit(i + 1, eq + 2, i + 1, Content(l) + 1, " " + value) };
            }
            int template = document.FindTemplate(key);
            if (template >= 0) return new[] { new SoraConfTextEdit(template + 1, 1, template + 1, Content(lines[template]) + 1, key + " = " + value) };
            if (lines.Count == 0) return new[] { new SoraConfTextEdit(1, 1, 1, 1, key + " = " + value + "\n") };
            var last = lines[lines.Count - 1];
            var newLine = document.HasFinalNewline ? "" : "\n";
            int at = document.HasFinalNewline ? lines.Count + 1 : lines.Count;
            int col = document.HasFinalNewline ? 1 : last.Length + 1;
            return new[] { new SoraConfTextEdit(at, col, at, col, newLine + key + " = " + value + (document.HasFinalNewline ? "\n" : "")) };
        }

        /// <summary><c>label = edge-1 # tokyo</c> → <c># tokyo</c> on its own line above <c>label = edge-1</c>.</summary>
        private static void MoveComment(SoraConfLine line, int n, List<SoraConfFix> fixes)
        {
            var value = line.Value!;
            int hash = KvconfScanner.IndexOfInlineComment(value.AsSpan());
            if (hash < 0) return;
            int cut = hash;
            while (cut > 0 && KvconfScanner.IsTrimmed(value[cut - 1])) cut--;
            var comment = value.Substring(hash);
            var indent = line.Text.Substring(0, line.KeyStart);
            fixes.Add(new SoraConfFix("sora-conf.move-inline-comment", new SoraText("Move the comment to its own line", "コメントを独立した行に移す"), new[]
            {
                new SoraConfTextEdit(n, 1, n, 1, IndentOf(indent) + comment + "\n"),
                new SoraConfTextEdit(n, line.ValueStart + cut + 1, n, line.ValueEnd + 1, ""),
            }));
        }

        /// <summary>A blank line holding a tab becomes empty; a CRLF file loses its CRs; a comment loses its indentation.</summary>
        private static void StripWhitespace(SoraConfDocument document, SoraConfLine line, int n, List<SoraConfFix> fixes)
        {
            var text = line.Text;
            int first = KvconfScanner.FirstNonBlank(text.AsSpan());
            if (first == text.Length && text.IndexOf('\r') >= 0)
            {
                // Every blank line of a CRLF file is refused: the fix is LF line endings throughout.
                var edits = new List<SoraConfTextEdit>();
                for (int i = 0; i < document.Lines.Count; i++)
                {
                    var t = document.Lines[i].Text;
                    if (t.Length > 0 && t[t.Length - 1] == '\r') edits.Add(new SoraConfTextEdit(i + 1, t.Length, i + 1, t.Length + 1, ""));
                }
                fixes.Add(new SoraConfFix("sora-conf.lf-line-endings", new SoraText("Use LF line endings", "改行を LF にする"), edits));
                return;
            }
            var title = first == text.Length ? new SoraText("Empty the line", "行を空にする") : new SoraText("Remove the indentation", "字下げを取り除く");
            fixes.Add(new SoraConfFix("sora-conf.strip-whitespace", title, new[] { new SoraConfTextEdit(n, 1, n, first + 1, "") }));
        }

        /// <summary>Indentation Sora accepts before a comment: spaces only.</summary>
        private static string IndentOf(string indent)
        {
            foreach (char c in indent) if (c != ' ') return "";
            return indent;
        }

        /// <summary>The length of a line's text without a trailing CR.</summary>
        private static int Content(SoraConfLine line) => line.Text.Length > 0 && line.Text[line.Text.Length - 1] == '\r' ? line.Text.Length - 1 : line.Text.Length;
    }
}
