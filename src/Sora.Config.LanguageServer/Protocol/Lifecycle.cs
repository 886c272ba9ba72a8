using System.Runtime.Serialization;
using System.Text.Json;

namespace Sora.Config.LanguageServer.Protocol
{
    internal sealed class InitializeParams
    {
        public int? ProcessId { get; set; }

        public ClientInfo? ClientInfo { get; set; }

        /// <summary>The client's UI language (LSP 3.16), e.g. <c>ja</c> or <c>en-us</c>.</summary>
        public string? Locale { get; set; }

        public string? RootUri { get; set; }

        /// <summary>Kept as JSON: a client may send anything here, and a setting the server cannot read must not fail
        /// the initialization (<see cref="Server.ServerSettings"/> reads what it knows).</summary>
        public JsonElement? InitializationOptions { get; set; }

        public ClientCapabilities? Capabilities { get; set; }
    }

    internal sealed class ClientInfo
    {
        public string Name { get; set; } = "";

        public string? Version { get; set; }
    }

    internal sealed class ClientCapabilities
    {
        public GeneralClientCapabilities? General { get; set; }
    }

    internal sealed class GeneralClientCapabilities
    {
        public string[]? PositionEncodings { get; set; }
    }

    internal sealed class InitializeResult
    {
        public ServerCapabilities Capabilities { get; set; } = new ServerCapabilities();

        public ServerInfo ServerInfo { get; set; } = new ServerInfo();
    }

    internal sealed class ServerInfo
    {
        public string Name { get; set; } = "sora-conf";

        public string? Version { get; set; }
    }

    internal sealed class ServerCapabilities
    {
        /// <summary>Always <c>utf-16</c>: LSP's default, which every client supports.</summary>
        public string PositionEncoding { get; set; } = "utf-16";

        public TextDocumentSyncOptions TextDocumentSync { get; set; } = new TextDocumentSyncOptions();

        public bool HoverProvider { get; set; } = true;

        public CompletionOptions CompletionProvider { get; set; } = new CompletionOptions();

        public CodeActionOptions CodeActionProvider { get; set; } = new CodeActionOptions();

        public bool DocumentFormattingProvider { get; set; } = true;

        public bool DocumentSymbolProvider { get; set; } = true;

        public bool FoldingRangeProvider { get; set; } = true;
    }

    internal sealed class TextDocumentSyncOptions
    {
        public bool OpenClose { get; set; } = true;

        /// <summary>2: incremental.</summary>
        public int Change { get; set; } = 2;

        /// <summary>On save the server compares the file on disk again (a byte order mark or bytes that are not UTF-8
        /// are what editors hide).</summary>
        public SaveOptions Save { get; set; } = new SaveOptions();
    }

    internal sealed class SaveOptions
    {
        public bool IncludeText { get; set; }
    }

    internal sealed class CompletionOptions
    {
        /// <summary>'=' starts a value; a space after a number starts its unit.</summary>
        public string[] TriggerCharacters { get; set; } = { "=", " " };

        public bool ResolveProvider { get; set; }
    }

    internal sealed class CodeActionOptions
    {
        public string[] CodeActionKinds { get; set; } = { "quickfix", "refactor.rewrite" };
    }

    internal sealed class DidChangeConfigurationParams
    {
        /// <summary>Kept as JSON for the same reason as the initialization options.</summary>
        public JsonElement? Settings { get; set; }
    }

    /// <summary>window/showMessage. A data contract: StreamJsonRpc names the parameters of a notification the server sends
    /// from it (<see cref="StreamJsonRpc.NamedArgs"/>).</summary>
    [DataContract]
    internal sealed class ShowMessageParams
    {
        /// <summary>1 error, 2 warning, 3 info, 4 log.</summary>
        [DataMember(Name = "type")]
        public int Type { get; set; }

        [DataMember(Name = "message")]
        public string Message { get; set; } = "";
    }
}
