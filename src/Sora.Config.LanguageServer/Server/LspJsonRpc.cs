using System;
using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Sora.Config.LanguageServer.Server
{
    /// <summary>StreamJsonRpc's connection with LSP's error codes: <c>params</c> that do not fit the method's parameter type
    /// are InvalidParams (StreamJsonRpc reports them as a failed request), and a handler's unexpected exception is an
    /// InternalError whose message goes to the client and whose stack trace goes to stderr, not into the response.</summary>
    internal sealed class LspJsonRpc : JsonRpc
    {
        public LspJsonRpc(IJsonRpcMessageHandler handler)
            : base(handler)
        {
        }

        protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
        {
            if (exception is LocalRpcException) return base.CreateErrorDetails(request, exception);
            if (exception is JsonException json)
            {
                return new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.InvalidParams, Message = $"Invalid params of {request.Method}: {json.Message}" };
            }
            Console.Error.WriteLine($"sora-conf lsp: {request.Method} failed: {exception}");
            return new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.InternalError, Message = $"{request.Method} failed: {exception.Message}" };
        }
    }
}
