using System;
using System.IO;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Sora.Config.Catalog;
using Sora.Config.LanguageServer.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Sora.Config.LanguageServer.Server
{
    /// <summary>The LSP lifecycle over JSON-RPC: initialize → initialized → requests and notifications → shutdown → exit.
    /// Each LSP method is a method of this class registered by name (no reflection over a target object); StreamJsonRpc
    /// answers unknown requests with MethodNotFound, ignores unknown notifications, and honours <c>$/cancelRequest</c>.
    /// Messages are handled one at a time, in order, so a change is always applied before a later hover.</summary>
    internal sealed class LspServer
    {
        private const int ServerNotInitialized = -32002;

        private readonly LanguageService service;
        private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private JsonRpc? rpc;
        private bool initialized;
        private bool shutDown;

        public LspServer(SoraCatalog catalog)
        {
            service = new LanguageService(catalog);
        }

        /// <summary>Serves until <c>exit</c> (0 after <c>shutdown</c>, else 1, as LSP asks) or the end of the input (the same
        /// codes: a client that closes the pipe after shutdown has ended the session properly).</summary>
        public async Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken)
        {
            using var handler = new LspMessageHandler(output, input);
            using var jsonRpc = new LspJsonRpc(handler);
            rpc = jsonRpc;
            if (Environment.GetEnvironmentVariable("SORA_CONF_LSP_TRACE") == "1")
            {
                // What StreamJsonRpc sees and drops, on stderr (stdout carries the protocol). docs/editors.md, "Troubleshooting".
                jsonRpc.TraceSource.Switch.Level = System.Diagnostics.SourceLevels.Warning;
                jsonRpc.TraceSource.Listeners.Add(new System.Diagnostics.TextWriterTraceListener(Console.Error));
            }
            Register(jsonRpc);
            jsonRpc.StartListening();
            using (cancellationToken.Register(() => exited.TrySetResult(1)))
            {
                var finished = await Task.WhenAny(exited.Task, jsonRpc.Completion.ContinueWith(_ => 0, TaskScheduler.Default)).ConfigureAwait(false);
                if (finished != exited.Task) exited.TrySetResult(shutDown ? 0 : 1);
            }
            return await exited.Task.ConfigureAwait(false);
        }

        private void Register(JsonRpc jsonRpc)
        {
            Add(jsonRpc, "initialize", nameof(Initialize));
            Add(jsonRpc, "initialized", nameof(Initialized));
            Add(jsonRpc, "shutdown", nameof(Shutdown));
            Add(jsonRpc, "exit", nameof(Exit));
            Add(jsonRpc, "workspace/didChangeConfiguration", nameof(DidChangeConfiguration));
            Add(jsonRpc, "textDocument/didOpen", nameof(DidOpen));
            Add(jsonRpc, "textDocument/didChange", nameof(DidChange));
            Add(jsonRpc, "textDocument/didSave", nameof(DidSave));
            Add(jsonRpc, "textDocument/didClose", nameof(DidClose));
            Add(jsonRpc, "textDocument/hover", nameof(Hover));
            Add(jsonRpc, "textDocument/completion", nameof(Completion));
            Add(jsonRpc, "textDocument/codeAction", nameof(CodeAction));
            Add(jsonRpc, "textDocument/formatting", nameof(Formatting));
            Add(jsonRpc, "textDocument/documentSymbol", nameof(DocumentSymbol));
            Add(jsonRpc, "textDocument/foldingRange", nameof(FoldingRange));
        }

        /// <summary>Registers one public method of this class under an LSP method name; the whole <c>params</c> object is
        /// deserialized into its one parameter.</summary>
        private void Add(JsonRpc jsonRpc, string name, string method)
        {
            var info = Method(method);
            jsonRpc.AddLocalRpcMethod(info, this, new JsonRpcMethodAttribute(name) { UseSingleObjectParameterDeserialization = true });
        }

        private static MethodInfo Method(string name) =>
            typeof(LspServer).GetMethod(name, BindingFlags.Public | BindingFlags.Instance) ?? throw new MissingMethodException(nameof(LspServer), name);

        public async Task<InitializeResult> Initialize(InitializeParams parameters)
        {
            if (initialized) throw new LocalRpcException("initialize was already received") { ErrorCode = (int)JsonRpcErrorCode.InvalidRequest };
            var result = service.Initialize(parameters, out var warning);
            initialized = true;
            if (warning != null) await ShowWarningAsync(warning).ConfigureAwait(false);
            return result;
        }

        public void Initialized(System.Text.Json.JsonElement parameters)
        {
        }

        public void Shutdown()
        {
            Require();
            shutDown = true;
        }

        public void Exit() => exited.TrySetResult(shutDown ? 0 : 1);

        public async Task DidChangeConfiguration(DidChangeConfigurationParams parameters)
        {
            if (!Accepting) return;
            var republished = service.ChangeConfiguration(parameters.Settings, out var warning);
            foreach (var publish in republished) await PublishAsync(publish).ConfigureAwait(false);
            if (warning != null) await ShowWarningAsync(warning).ConfigureAwait(false);
        }

        public Task DidOpen(DidOpenTextDocumentParams parameters) => Accepting ? PublishAsync(service.Open(parameters)) : Task.CompletedTask;

        public Task DidChange(DidChangeTextDocumentParams parameters) => Accepting ? PublishAsync(service.Change(parameters)) : Task.CompletedTask;

        public Task DidSave(DidSaveTextDocumentParams parameters) => Accepting ? PublishAsync(service.Save(parameters)) : Task.CompletedTask;

        public Task DidClose(DidCloseTextDocumentParams parameters) => Accepting ? PublishAsync(service.Close(parameters)) : Task.CompletedTask;

        public Hover? Hover(TextDocumentPositionParams parameters)
        {
            Require();
            return service.Hover(parameters);
        }

        public CompletionList Completion(CompletionParams parameters)
        {
            Require();
            return service.Completion(parameters);
        }

        public CodeAction[] CodeAction(CodeActionParams parameters)
        {
            Require();
            return service.CodeActions(parameters);
        }

        public TextEdit[] Formatting(DocumentFormattingParams parameters)
        {
            Require();
            return service.Format(parameters);
        }

        public DocumentSymbol[] DocumentSymbol(DocumentSymbolParams parameters)
        {
            Require();
            return service.Symbols(parameters);
        }

        public FoldingRange[] FoldingRange(FoldingRangeParams parameters)
        {
            Require();
            return service.Folding(parameters);
        }

        /// <summary>Notifications between initialize and shutdown are handled; others are dropped, as LSP asks.</summary>
        private bool Accepting => initialized && !shutDown;

        /// <summary>A request before initialize is answered with ServerNotInitialized, one after shutdown with InvalidRequest.</summary>
        private void Require()
        {
            if (!initialized) throw new LocalRpcException("the server is not initialized: send initialize first") { ErrorCode = ServerNotInitialized };
            if (shutDown) throw new LocalRpcException("the server is shut down: only exit is accepted") { ErrorCode = (int)JsonRpcErrorCode.InvalidRequest };
        }

        private Task PublishAsync(PublishDiagnosticsParams? publish) =>
            publish is null ? Task.CompletedTask : rpc!.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", NamedArgs.Create(publish));

        private Task ShowWarningAsync(string message) =>
            rpc!.NotifyWithParameterObjectAsync("window/showMessage", NamedArgs.Create(new ShowMessageParams { Type = 2, Message = message }));
    }
}
