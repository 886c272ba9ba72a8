using System.Runtime.Serialization;

namespace Sora.Config.LanguageServer.Protocol
{
    internal sealed class DidOpenTextDocumentParams
    {
        public TextDocumentItem TextDocument { get; set; } = new TextDocumentItem();
    }

    internal sealed class DidChangeTextDocumentParams
    {
        public VersionedTextDocumentIdentifier TextDocument { get; set; } = new VersionedTextDocumentIdentifier();

        public TextDocumentContentChangeEvent[] ContentChanges { get; set; } = System.Array.Empty<TextDocumentContentChangeEvent>();
    }

    /// <summary>An incremental change (a range and its new text) or, without a range, the whole new text.</summary>
    internal sealed class TextDocumentContentChangeEvent
    {
        public Range? Range { get; set; }

        [System.Text.Json.Serialization.JsonConverter(typeof(LenientStringConverter))]
        public string Text { get; set; } = "";
    }

    internal sealed class DidCloseTextDocumentParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();
    }

    internal sealed class DidSaveTextDocumentParams
    {
        public TextDocumentIdentifier TextDocument { get; set; } = new TextDocumentIdentifier();
    }

    /// <summary>textDocument/publishDiagnostics (a data contract: see <see cref="ShowMessageParams"/>).</summary>
    [DataContract]
    internal sealed class PublishDiagnosticsParams
    {
        [DataMember(Name = "uri")]
        public string Uri { get; set; } = "";

        [DataMember(Name = "version")]
        public int Version { get; set; }

        [DataMember(Name = "diagnostics")]
        public Diagnostic[] Diagnostics { get; set; } = System.Array.Empty<Diagnostic>();
    }

    internal sealed class Diagnostic
    {
        public Range Range { get; set; } = new Range();

        /// <summary>1 error, 2 warning, 3 information, 4 hint.</summary>
        public int Severity { get; set; }

        /// <summary>The rule ID (SORAxxxx); null for what the server itself reports (an unknown version line).</summary>
        public string? Code { get; set; }

        public CodeDescription? CodeDescription { get; set; }

        public string Source { get; set; } = "sora-conf";

        public string Message { get; set; } = "";
    }

    internal sealed class CodeDescription
    {
        public string Href { get; set; } = "";
    }
}
