using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Sora.Config.Catalog;
using Sora.Config.LanguageServer.Documents;
using Sora.Config.LanguageServer.Protocol;

namespace Sora.Config.LanguageServer.Server
{
    /// <summary>The language server without its transport: open documents, settings and one method per LSP message, each
    /// returning what the server answers or publishes. <see cref="LspServer"/> connects it to JSON-RPC; the benchmarks and
    /// tests call it directly.</summary>
    internal sealed class LanguageService
    {
        private readonly SoraCatalog catalog;
        private readonly Dictionary<string, Analysis> documents = new(StringComparer.Ordinal);
        private readonly CompletionProvider completion = new();
        private ServerSettings initializationOptions = new();
        private ServerSettings workspaceSettings = new();
        private string? clientLocale;
        private Analysis.Context context;

        public LanguageService(SoraCatalog catalog)
        {
            this.catalog = catalog;
            context = ContextFor(new ServerSettings(), out _);
        }

        /// <summary>Whether an opened or saved document is compared with its file on disk (<see cref="DiskText"/>).</summary>
        public bool ReadDisk { get; set; } = true;

        public int OpenDocuments => documents.Count;

        /// <summary>The answer to <c>initialize</c>; <paramref name="warning"/> is set when a setting cannot be used.</summary>
        public InitializeResult Initialize(InitializeParams parameters, out string? warning)
        {
            clientLocale = parameters.Locale;
            initializationOptions = ServerSettings.From(parameters.InitializationOptions);
            context = ContextFor(ServerSettings.Merge(workspaceSettings, initializationOptions), out warning);
            var version = typeof(LanguageService).Assembly.GetName().Version;
            return new InitializeResult { ServerInfo = new ServerInfo { Version = version is null ? null : version.ToString(3) } };
        }

        /// <summary>New workspace settings: every open document is checked again, and published.</summary>
        public IReadOnlyList<PublishDiagnosticsParams> ChangeConfiguration(JsonElement? settings, out string? warning)
        {
            workspaceSettings = ServerSettings.From(settings);
            context = ContextFor(ServerSettings.Merge(workspaceSettings, initializationOptions), out warning);
            var republished = new List<PublishDiagnosticsParams>(documents.Count);
            foreach (var uri in documents.Keys.ToList())
            {
                var old = documents[uri];
                republished.Add(Publish(documents[uri] = Analysis.Of(old.Text, context, ReadDisk)));
            }
            return republished;
        }

        public PublishDiagnosticsParams Open(DidOpenTextDocumentParams parameters)
        {
            var item = parameters.TextDocument;
            var analysis = Analysis.Of(new TextDocument(item.Uri, item.Version, item.Text ?? ""), context, ReadDisk);
            documents[item.Uri] = analysis;
            return Publish(analysis);
        }

        /// <summary>Applies the changes in order and checks the result; null when the document is not open.</summary>
        public PublishDiagnosticsParams? Change(DidChangeTextDocumentParams parameters)
        {
            if (!documents.TryGetValue(parameters.TextDocument.Uri, out var current)) return null;
            var text = current.Text;
            foreach (var change in parameters.ContentChanges ?? Array.Empty<TextDocumentContentChangeEvent>()) text.Apply(change.Range, change.Text ?? "");
            text.SetVersion(parameters.TextDocument.Version);
            // After an edit the editor's text is what will be saved: the file on disk no longer speaks for it.
            var analysis = Analysis.Of(text, context, readDisk: false);
            documents[text.Uri] = analysis;
            return Publish(analysis);
        }

        public PublishDiagnosticsParams? Save(DidSaveTextDocumentParams parameters)
        {
            if (!documents.TryGetValue(parameters.TextDocument.Uri, out var current)) return null;
            var analysis = Analysis.Of(current.Text, context, ReadDisk);
            documents[current.Text.Uri] = analysis;
            return Publish(analysis);
        }

        /// <summary>Forgets the document; its diagnostics are cleared.</summary>
        public PublishDiagnosticsParams? Close(DidCloseTextDocumentParams parameters)
        {
            if (!documents.Remove(parameters.TextDocument.Uri, out var closed)) return null;
            return new PublishDiagnosticsParams { Uri = closed.Text.Uri, Version = closed.Text.Version };
        }

        public Hover? Hover(TextDocumentPositionParams parameters) =>
            documents.TryGetValue(parameters.TextDocument.Uri, out var analysis) ? HoverProvider.Hover(analysis, parameters.Position) : null;

        public CompletionList Completion(CompletionParams parameters) =>
            documents.TryGetValue(parameters.TextDocument.Uri, out var analysis) ? completion.Complete(analysis, parameters.Position) : new CompletionList();

        public CodeAction[] CodeActions(CodeActionParams parameters) =>
            documents.TryGetValue(parameters.TextDocument.Uri, out var analysis) ? CodeActionProvider.Actions(analysis, parameters.Range, parameters.Context?.Only) : Array.Empty<CodeAction>();

        public TextEdit[] Format(DocumentFormattingParams parameters) =>
            documents.TryGetValue(parameters.TextDocument.Uri, out var analysis) ? StructureProvider.Format(analysis) : Array.Empty<TextEdit>();

        public DocumentSymbol[] Symbols(DocumentSymbolParams parameters) =>
            documents.TryGetValue(parameters.TextDocument.Uri, out var analysis) ? StructureProvider.Symbols(analysis) : Array.Empty<DocumentSymbol>();

        public FoldingRange[] Folding(FoldingRangeParams parameters) =>
            documents.TryGetValue(parameters.TextDocument.Uri, out var analysis) ? StructureProvider.Folding(analysis) : Array.Empty<FoldingRange>();

        /// <summary>The analysis of an open document (tests, benchmarks).</summary>
        internal Analysis? this[string uri] => documents.TryGetValue(uri, out var analysis) ? analysis : null;

        private static PublishDiagnosticsParams Publish(Analysis analysis) =>
            new PublishDiagnosticsParams { Uri = analysis.Text.Uri, Version = analysis.Text.Version, Diagnostics = analysis.Diagnostics };

        private Analysis.Context ContextFor(ServerSettings settings, out string? warning)
        {
            warning = null;
            var culture = Culture(settings.Locale ?? clientLocale);
            bool ja = Analysis.SoraTextIsJapanese(culture);
            var version = catalog.NewestVersion;
            if (settings.SoraVersion is { } requested)
            {
                if (SoraVersions.Normalize(requested) is { } normalized && catalog.IsKnownVersion(normalized)) version = normalized;
                else warning = ja
                    ? $"sora-conf: 設定の Sora バージョン '{requested}' はこのスキーマにありません (既知: {string.Join(", ", catalog.Versions)})。{version} で検査します"
                    : $"sora-conf: the configured Sora version '{requested}' is not in this schema (known: {string.Join(", ", catalog.Versions)}); checking against {version}";
            }
            var profile = settings.Profile == "development" ? SoraConfProfile.Development : SoraConfProfile.Production;
            return new Analysis.Context(catalog, version, profile, culture);
        }

        private static CultureInfo Culture(string? locale)
        {
            if (!string.IsNullOrEmpty(locale))
            {
                try
                {
                    return CultureInfo.GetCultureInfo(locale);
                }
                catch (CultureNotFoundException)
                {
                }
            }
            return CultureInfo.CurrentUICulture;
        }
    }
}
