using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sora.Config.LanguageServer.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Sora.Config.LanguageServer.Server
{
    /// <summary>StreamJsonRpc's <c>Content-Length</c> framing, with one change: a message that is not JSON, or not a
    /// JSON-RPC message, is answered with a JSON-RPC error (id null, as JSON-RPC 2.0 asks when the id cannot be read) and the
    /// server reads on. StreamJsonRpc on its own drops the connection at the first such message.</summary>
    internal sealed class LspMessageHandler : HeaderDelimitedMessageHandler
    {
        /// <summary>Bad messages in a row before the stream is taken for something that is not LSP at all.</summary>
        private const int MaxConsecutiveFailures = 64;

        public LspMessageHandler(Stream sendingStream, Stream receivingStream)
            : base(sendingStream, receivingStream, FormatterFactory.Create())
        {
        }

        protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
        {
            for (int failures = 0; ; failures++)
            {
                string reason;
                int code;
                try
                {
                    return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException ex) when (failures < MaxConsecutiveFailures)
                {
                    // The reader's own errors carry a position; the formatter's (a valid JSON value that is not a
                    // request, response or notification) do not.
                    bool parse = ex.BytePositionInLine is not null || ex.InnerException is System.Text.DecoderFallbackException;
                    code = parse ? (int)JsonRpcErrorCode.ParseError : (int)JsonRpcErrorCode.InvalidRequest;
                    reason = (parse ? "Parse error: " : "Invalid request: ") + ex.Message;
                }
                catch (BadRpcHeaderException ex) when (failures < MaxConsecutiveFailures)
                {
                    code = (int)JsonRpcErrorCode.ParseError;
                    reason = "Bad header: " + ex.Message;
                }
                await ReplyAsync(code, reason, cancellationToken).ConfigureAwait(false);
            }
        }

        private async ValueTask ReplyAsync(int code, string message, CancellationToken cancellationToken)
        {
            var error = ((IJsonRpcMessageFactory)Formatter).CreateErrorMessage();
            error.RequestId = RequestId.Null;
            error.Error = new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)code, Message = message };
            await WriteAsync(error, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The one place where StreamJsonRpc's reflection-based surface is touched. <see cref="SystemTextJsonFormatter"/>
    /// is annotated as not trim- or AOT-safe because it serializes with whatever options it is given; here its only type
    /// resolver is the source-generated <see cref="LspJsonContext"/>, every type that crosses the wire is in that context,
    /// and the server uses none of the features that need reflection (proxies, IProgress, marshaled objects, async
    /// enumerables). This is the configuration StreamJsonRpc documents for NativeAOT with UTF-8 JSON
    /// (docs/editors.md, "What is hand-written").</summary>
    internal static class FormatterFactory
    {
        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only the source-generated LspJsonContext resolves types; see the summary.")]
        [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only the source-generated LspJsonContext resolves types; see the summary.")]
        public static IJsonRpcMessageFormatter Create() => new LspFormatter { JsonSerializerOptions = LspJson.Options };
    }

    /// <summary>StreamJsonRpc's System.Text.Json formatter, refusing text that is not Unicode with a <see cref="JsonException"/>
    /// (which <see cref="LspMessageHandler"/> answers with a parse error): System.Text.Json checks UTF-8 only where it reads
    /// a string, and its reading of the method name then throws an exception that would end the connection.</summary>
    [RequiresUnreferencedCode("See FormatterFactory."), RequiresDynamicCode("See FormatterFactory.")]
    internal sealed class LspFormatter : SystemTextJsonFormatter, IJsonRpcMessageFormatter, IJsonRpcMessageTextFormatter
    {
        JsonRpcMessage IJsonRpcMessageFormatter.Deserialize(ReadOnlySequence<byte> contentBuffer) => Checked(contentBuffer, Encoding);

        JsonRpcMessage IJsonRpcMessageTextFormatter.Deserialize(ReadOnlySequence<byte> contentBuffer, System.Text.Encoding encoding) => Checked(contentBuffer, encoding);

        private JsonRpcMessage Checked(ReadOnlySequence<byte> contentBuffer, System.Text.Encoding encoding)
        {
            var bytes = contentBuffer.IsSingleSegment ? contentBuffer.FirstSpan : contentBuffer.ToArray();
            if (!System.Text.Unicode.Utf8.IsValid(bytes)) throw Invalid("the message is not valid UTF-8", null);
            try
            {
                return Deserialize(contentBuffer, encoding);
            }
            catch (InvalidOperationException ex)
            {
                // A string escape that is not Unicode (a lone surrogate, "\ud800") where the envelope is read.
                throw Invalid(ex.Message, ex);
            }
        }

        /// <summary>A parse error: the position marks it as one (<see cref="LspMessageHandler"/>).</summary>
        private static JsonException Invalid(string message, Exception? inner) => new JsonException(message, null, 0, 0, inner);
    }
}
