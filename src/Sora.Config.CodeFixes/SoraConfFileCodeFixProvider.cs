using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Sora.Config.Analyzers;
using Sora.Config.Catalog;
using Sora.Config.Evaluation;
using Sora.Config.Fixes;
using Sora.Config.Syntax;

namespace Sora.Config.CodeFixes
{
    /// <summary>Fixes in sora.conf files added as AdditionalFiles (edited through
    /// <see cref="Solution.WithAdditionalDocumentText(DocumentId, SourceText, PreservationMode)"/>): whatever
    /// <see cref="SoraConfFixes"/> offers for the finding — the same fixes the language server offers — such as moving an
    /// inline comment to its own line, removing whitespace Sora rejects, renaming a misspelt key or setting a key to its
    /// safe value. (A BOM never reaches an AdditionalFile's text: the compiler drops it when it reads the file.)</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SoraConfFileCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) }, DocumentExtensions = new[] { ".conf" }), Shared]
    public sealed class SoraConfFileCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = SoraCatalog.Default.Rules.Select(r => r.Id).ToImmutableArray();

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var text = await context.TextDocument.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            var document = SoraConfDocument.Parse(text.ToString(), context.TextDocument.FilePath);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(SoraProperties.Site, out var site) || site != SoraProperties.SiteFile) continue;
                // The finding as the runtime sees it: the same file, linted the same way, at the same position.
                var position = text.Lines.GetLinePosition(diagnostic.Location.SourceSpan.Start);
                var finding = SoraConfLinter.Lint(document).FirstOrDefault(d => d.Id == diagnostic.Id && d.Line == position.Line + 1 && d.Column == position.Character + 1);
                if (finding is null) continue;
                foreach (var fix in SoraConfFixes.For(document, finding))
                {
                    var edits = fix.Edits;
                    context.RegisterCodeFix(CodeAction.Create(fix.Title.English, ct => ApplyAsync(context.TextDocument, edits, ct), fix.EquivalenceKey), diagnostic);
                }
            }
        }

        private static async Task<Solution> ApplyAsync(TextDocument document, System.Collections.Generic.IReadOnlyList<SoraConfTextEdit> edits, CancellationToken ct)
        {
            var text = await document.GetTextAsync(ct).ConfigureAwait(false);
            var changes = edits.Select(e => new TextChange(TextSpan.FromBounds(Offset(text, e.Line, e.Column), Offset(text, e.EndLine, e.EndColumn)), e.NewText));
            return document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(changes));
        }

        /// <summary>The offset of a 1-based line and column; a column past the line's text stands for its line break.</summary>
        private static int Offset(SourceText text, int line, int column)
        {
            if (line > text.Lines.Count) return text.Length;
            var l = text.Lines[line - 1];
            return System.Math.Min(l.Start + column - 1, l.EndIncludingLineBreak);
        }
    }
}
