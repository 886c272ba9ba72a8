using System;
using System.Collections.Generic;
using System.Linq;
using Sora.Config.Fixes;
using Sora.Config.LanguageServer.Protocol;

namespace Sora.Config.LanguageServer.Server
{
    /// <summary>textDocument/codeAction: for each finding in the range, every fix the runtime offers
    /// (<see cref="SoraConfFixes.For"/>: the same as the analyzers' code fixes in sora.conf files) and "suppress with a
    /// reason" (<see cref="SoraConfFixes.Suppression"/>); on a commented-out setting, enabling it.</summary>
    internal static class CodeActionProvider
    {
        public static CodeAction[] Actions(Analysis analysis, Protocol.Range range, string[]? only)
        {
            var text = analysis.Text;
            int from = text.OffsetOf(range.Start), to = text.OffsetOf(range.End);
            // A finding on a line the range touches: editors ask with the cursor's position, which may be anywhere on it.
            int firstLine = text.KvconfLineAt(from), lastLine = text.KvconfLineAt(to);
            var actions = new List<CodeAction>();
            for (int i = 0; i < analysis.Findings.Count; i++)
            {
                var finding = analysis.Findings[i];
                var (startOffset, endOffset) = analysis.OffsetsOf(finding);
                int start = text.KvconfLineAt(startOffset), end = text.KvconfLineAt(endOffset);
                if (end < firstLine || start > lastLine) continue;
                var diagnostic = analysis.ToLsp(finding);
                bool first = true;
                foreach (var fix in SoraConfFixes.For(analysis.Linted, finding, analysis.Options))
                {
                    // An editor that hides the byte order mark has no character an edit could remove.
                    if (analysis.BomHidden && fix.EquivalenceKey == "sora-conf.remove-bom") continue;
                    actions.Add(Action(analysis, fix, "quickfix", diagnostic, preferred: first));
                    first = false;
                }
                if (SoraConfFixes.Suppression(analysis.Linted, finding) is { } suppress) actions.Add(Action(analysis, suppress, "quickfix", diagnostic, preferred: false));
            }
            Templates(analysis, from, to, actions);
            return only is { Length: > 0 } ? actions.Where(a => only.Any(kind => a.Kind == kind || a.Kind.StartsWith(kind + ".", StringComparison.Ordinal))).ToArray() : actions.ToArray();
        }

        private static CodeAction Action(Analysis analysis, SoraConfFix fix, string kind, Protocol.Diagnostic? diagnostic, bool preferred) => new CodeAction
        {
            Title = fix.Title.For(analysis.Culture),
            Kind = kind,
            Diagnostics = diagnostic is null ? null : new[] { diagnostic },
            IsPreferred = preferred ? true : null,
            Edit = Edit(analysis, fix.Edits),
        };

        /// <summary>The runtime's edits (1-based line and column of the linted document) as an LSP workspace edit.</summary>
        public static WorkspaceEdit Edit(Analysis analysis, IReadOnlyList<SoraConfTextEdit> edits)
        {
            var result = new TextEdit[edits.Count];
            for (int i = 0; i < edits.Count; i++)
            {
                var e = edits[i];
                var (range, newText) = analysis.Text.EditRange(analysis.Offset(e.Line, e.Column), analysis.Offset(e.EndLine, e.EndColumn), e.NewText);
                result[i] = new TextEdit { Range = range, NewText = newText };
            }
            return new WorkspaceEdit { Changes = new Dictionary<string, TextEdit[]> { [analysis.Text.Uri] = result } };
        }

        /// <summary>"Enable <c>key = value</c>" on each commented-out setting in the range (a refactoring: nothing is wrong).</summary>
        private static void Templates(Analysis analysis, int from, int to, List<CodeAction> actions)
        {
            var text = analysis.Text;
            int first = text.KvconfLineAt(from), last = Math.Min(text.KvconfLineAt(to), analysis.Syntax.Lines.Count);
            for (int n = first; n <= last; n++)
            {
                var line = analysis.Syntax.Lines[n - 1];
                if (TemplateLine.Enabled(analysis, line) is not { } enabled) continue;
                int start = text.KvconfLineStart(n);
                var content = line.Text.TrimEnd('\r');
                actions.Add(new CodeAction
                {
                    Title = (analysis.Japanese ? "設定を有効にする: " : "Enable ") + enabled.Text,
                    Kind = "refactor.rewrite",
                    Edit = new WorkspaceEdit
                    {
                        Changes = new Dictionary<string, TextEdit[]>
                        {
                            [text.Uri] = new[] { new TextEdit { Range = text.RangeOf(start, start + content.Length), NewText = enabled.Text } },
                        },
                    },
                });
            }
        }
    }
}
