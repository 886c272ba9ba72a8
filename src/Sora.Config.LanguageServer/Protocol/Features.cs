namespace Sora.Config.LanguageServer.Protocol
{
    internal sealed class Hover
    {
        public MarkupContent Contents { get; set; } = new MarkupContent();

        public Range? Range { get; set; }
    }

    internal sealed class CompletionParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();

        public Position Position { get; set; } = new Position();
    }

    internal sealed class CompletionList
    {
        public bool IsIncomplete { get; set; }

        public CompletionItem[] Items { get; set; } = System.Array.Empty<CompletionItem>();
    }

    internal sealed class CompletionItem
    {
        public string Label { get; set; } = "";

        /// <summary>10 property (a key), 12 value, 11 unit, 15 snippet (a template line to enable).</summary>
        public int Kind { get; set; }

        public string? Detail { get; set; }

        public MarkupContent? Documentation { get; set; }

        /// <summary>1: deprecated.</summary>
        public int[]? Tags { get; set; }

        public bool? Preselect { get; set; }

        public string? SortText { get; set; }

        public string? FilterText { get; set; }

        public TextEdit? TextEdit { get; set; }
    }

    internal static class CompletionItemKinds
    {
        public const int Property = 10;
        public const int Unit = 11;
        public const int Value = 12;
        public const int Snippet = 15;
    }

    internal sealed class CodeActionParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();

        public Range Range { get; set; } = new Range();

        public CodeActionContext Context { get; set; } = new CodeActionContext();
    }

    internal sealed class CodeActionContext
    {
        public Diagnostic[] Diagnostics { get; set; } = System.Array.Empty<Diagnostic>();

        public string[]? Only { get; set; }
    }

    internal sealed class CodeAction
    {
        public string Title { get; set; } = "";

        public string Kind { get; set; } = "quickfix";

        public Diagnostic[]? Diagnostics { get; set; }

        public bool? IsPreferred { get; set; }

        public WorkspaceEdit Edit { get; set; } = new WorkspaceEdit();
    }

    internal sealed class DocumentFormattingParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();
    }

    internal sealed class DocumentSymbolParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();
    }

    internal sealed class DocumentSymbol
    {
        public string Name { get; set; } = "";

        public string? Detail { get; set; }

        /// <summary>20: key.</summary>
        public int Kind { get; set; } = 20;

        public Range Range { get; set; } = new Range();

        public Range SelectionRange { get; set; } = new Range();
    }

    internal sealed class FoldingRangeParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();
    }

    internal sealed class FoldingRange
    {
        public int StartLine { get; set; }

        public int EndLine { get; set; }

        public string Kind { get; set; } = "comment";
    }
}
