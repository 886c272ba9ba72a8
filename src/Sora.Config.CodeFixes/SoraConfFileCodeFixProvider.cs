using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Sora.Config.Analyzers;

namespace Sora.Config.CodeFixes
{
    /// <summary>Fixes in sora.conf files added as AdditionalFiles (edited through
    /// <see cref="Solution.WithAdditionalDocumentText(DocumentId, SourceText, PreservationMode)"/>):
    /// SORA0005 moves an inline '#' comment to its own line above the setting; SORA0007 empties a blank line
    /// that holds a tab or CR, or strips the tab indentation of a comment. SORA0006 (BOM) has no fix here: the
    /// compiler drops the BOM when it reads an AdditionalFile, so the analyzer never sees one there.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SoraConfFileCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) }, DocumentExtensions = new[] { ".conf" }), Shared]
    public sealed class SoraConfFileCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SORA0005", "SORA0007");

        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(SoraProperties.Site, out var site) || site != SoraProperties.SiteFile) continue;
                var document = context.TextDocument;
                if (diagnostic.Id == "SORA0005")
                {
                    context.RegisterCodeFix(CodeAction.Create("Move the comment to its own line", ct => EditLineAsync(document, diagnostic, MoveComment, ct), "SoraConf.File.MoveInlineComment"), diagnostic);
                }
                else
                {
                    context.RegisterCodeFix(CodeAction.Create("Remove the whitespace Sora rejects", ct => EditLineAsync(document, diagnostic, StripWhitespace, ct), "SoraConf.File.StripWhitespace"), diagnostic);
                }
            }
            return Task.CompletedTask;
        }

        private delegate string? LineEdit(string line);

        private static async Task<Solution> EditLineAsync(TextDocument document, Diagnostic diagnostic, LineEdit edit, CancellationToken ct)
        {
            var text = await document.GetTextAsync(ct).ConfigureAwait(false);
            var line = text.Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start);
            if (diagnostic.Id == "SORA0007" && line.EndIncludingLineBreak - line.End == 2 && string.IsNullOrWhiteSpace(text.ToString(line.Span)))
            {
                // A blank line of a CRLF file: Sora refuses every one of them; the fix is LF line endings throughout.
                var lf = SourceText.From(text.ToString().Replace("\r\n", "\n"), text.Encoding);
                return document.Project.Solution.WithAdditionalDocumentText(document.Id, lf);
            }
            var replacement = edit(text.ToString(line.Span));
            if (replacement is null) return document.Project.Solution;
            var changed = text.WithChanges(new TextChange(line.Span, replacement));
            return document.Project.Solution.WithAdditionalDocumentText(document.Id, changed);
        }

        /// <summary><c>label = edge-1 # tokyo</c> → <c># tokyo</c> newline <c>label = edge-1</c>.</summary>
        internal static string? MoveComment(string line)
        {
            int hash = -1;
            for (int i = 1; i < line.Length; i++)
            {
                if (line[i] == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t'))
                {
                    hash = i;
                    break;
                }
            }
            if (hash < 0) return null;
            var comment = line.Substring(hash).TrimEnd();
            var setting = line.Substring(0, hash).TrimEnd();
            return comment + "\n" + setting;
        }

        /// <summary>A whitespace-only line becomes empty; a comment loses its indentation.</summary>
        internal static string StripWhitespace(string line)
        {
            var trimmed = line.Trim(' ', '\t', '\r', '\v', '\f', '\u00A0', '\u3000');
            return trimmed.Length == 0 ? "" : line.TrimStart(' ', '\t', '\v', '\f', '\u00A0', '\u3000').TrimEnd('\r');
        }
    }
}
