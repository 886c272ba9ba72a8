using System;
using System.IO;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Sora.Config.Catalog;
using Sora.Config.Evaluation;
using Sora.Config.LanguageServer.Protocol;
using Sora.Config.LanguageServer.Server;
using Sora.Config.Syntax;

namespace Sora.Config.LanguageServer.Bench
{
    /// <summary>What the server does for one keystroke, from the didChange message's bytes to the publishDiagnostics
    /// message's bytes: deserialize, apply the incremental edit, re-lint with lint's options, build the diagnostics,
    /// serialize. Only StreamJsonRpc's framing and dispatch are left out. Baseline: the linting of <c>sora-conf lint</c>
    /// on the same bytes (parse + <see cref="SoraConfLinter"/>, without its report).</summary>
    [MemoryDiagnoser, MedianColumn, MinColumn]
    public class EditingBenchmarks
    {
        public const string Uri = "file:///etc/sora/sora.conf";

        private byte[] bytes = Array.Empty<byte>();
        private LanguageService service = null!;
        private byte[][] changes = Array.Empty<byte[]>();
        private byte[] completion = Array.Empty<byte>();
        private int next;

        [GlobalSetup]
        public void Setup()
        {
            bytes = File.ReadAllBytes(Inputs.SoraConfPath);
            var text = Encoding.UTF8.GetString(bytes);
            service = Inputs.OpenedService(text, Uri);
            // A keystroke in a value in the middle of the file (5 s → 50 s), typed and then deleted: the document returns
            // to the original each second change, so every iteration edits the same text.
            var (line, character) = Inputs.After(text, "webhook_response_timeout = 5");
            changes = new[]
            {
                Inputs.Change(Uri, line, character, character, "0"),
                Inputs.Change(Uri, line, character, character + 1, ""),
            };
            // Completion on the blank line before the first comment of a key: every key not set yet.
            completion = Inputs.Completion(Uri, Inputs.BlankLine(text), 0);
        }

        [Benchmark(Baseline = true, Description = "sora-conf lint, in process (parse + lint)")]
        public int Lint()
        {
            var document = SoraConfDocument.Parse(bytes);
            return SoraConfLinter.Analyze(document, new SoraConfEvaluationOptions { InlineSuppressions = true }).Diagnostics.Count;
        }

        [Benchmark(Description = "LSP didChange → publishDiagnostics")]
        public int DidChange()
        {
            var message = changes[next++ & 1];
            var change = JsonSerializer.Deserialize<DidChangeTextDocumentParams>(message, LspJson.Options)!;
            change.TextDocument.Version = next;
            var publish = service.Change(change)!;
            return JsonSerializer.SerializeToUtf8Bytes(publish, LspJson.Options).Length;
        }

        [Benchmark(Description = "LSP completion (keys)")]
        public int Completion()
        {
            var request = JsonSerializer.Deserialize<CompletionParams>(completion, LspJson.Options)!;
            return JsonSerializer.SerializeToUtf8Bytes(service.Completion(request), LspJson.Options).Length;
        }
    }
}
