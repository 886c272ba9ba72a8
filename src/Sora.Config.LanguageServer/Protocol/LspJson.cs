using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sora.Config.LanguageServer.Protocol
{
    /// <summary>Source-generated serialization of every type that crosses the wire: with it as the only type resolver,
    /// System.Text.Json needs no reflection (NativeAOT, trimming).</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(InitializeParams))]
    [JsonSerializable(typeof(InitializeResult))]
    [JsonSerializable(typeof(DidChangeConfigurationParams))]
    [JsonSerializable(typeof(ShowMessageParams))]
    [JsonSerializable(typeof(DidOpenTextDocumentParams))]
    [JsonSerializable(typeof(DidChangeTextDocumentParams))]
    [JsonSerializable(typeof(DidCloseTextDocumentParams))]
    [JsonSerializable(typeof(DidSaveTextDocumentParams))]
    [JsonSerializable(typeof(PublishDiagnosticsParams))]
    [JsonSerializable(typeof(Diagnostic[]))]
    [JsonSerializable(typeof(TextDocumentPositionParams))]
    [JsonSerializable(typeof(Hover))]
    [JsonSerializable(typeof(CompletionParams))]
    [JsonSerializable(typeof(CompletionList))]
    [JsonSerializable(typeof(CodeActionParams))]
    [JsonSerializable(typeof(CodeAction[]))]
    [JsonSerializable(typeof(DocumentFormattingParams))]
    [JsonSerializable(typeof(TextEdit[]))]
    [JsonSerializable(typeof(DocumentSymbolParams))]
    [JsonSerializable(typeof(DocumentSymbol[]))]
    [JsonSerializable(typeof(FoldingRangeParams))]
    [JsonSerializable(typeof(FoldingRange[]))]
    [JsonSerializable(typeof(JsonElement))]
    [JsonSerializable(typeof(string))]
    [JsonSerializable(typeof(int))]
    [JsonSerializable(typeof(object))]
    internal sealed partial class LspJsonContext : JsonSerializerContext
    {
    }

    internal static class LspJson
    {
        /// <summary>The options of every message: the generated metadata only, camelCase names, null members left out.</summary>
        public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions
        {
            TypeInfoResolver = LspJsonContext.Default,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
    }
}
