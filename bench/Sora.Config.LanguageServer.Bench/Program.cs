using System;
using System.IO;
using System.Text;
using BenchmarkDotNet.Running;
using Sora.Config.Catalog;
using Sora.Config.LanguageServer.Protocol;
using Sora.Config.LanguageServer.Server;

namespace Sora.Config.LanguageServer.Bench
{
    public static class Program
    {
        /// <summary><c>dotnet run -c Release -- --filter '*'</c> runs the benchmarks (any BenchmarkDotNet switch works);
        /// <c>dotnet run -c Release -- memory</c> prints the memory an open document keeps.</summary>
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "memory") return Memory(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }

        /// <summary>Opens <paramref name="count"/> copies of the input under different URIs and divides the growth of the
        /// live heap (after full collections) by the count: what each open document keeps (text, line index, syntax tree,
        /// findings, diagnostics). A retained size, which BenchmarkDotNet's allocation counts do not give.</summary>
        private static int Memory(int count)
        {
            var text = File.ReadAllText(Inputs.SoraConfPath, Encoding.UTF8);
            var service = new LanguageService(SoraCatalog.Default) { ReadDisk = false };
            service.Initialize(new InitializeParams { Locale = "en" }, out _);
            // Warm up: the catalogue and everything the first analysis loads are not per-document costs.
            service.Open(Open("file:///warm-up/sora.conf", text));
            long before = LiveBytes();
            // Each document its own copy of the text, as each didOpen message deserializes its own string.
            for (int i = 0; i < count; i++) service.Open(Open($"file:///etc/sora/{i}/sora.conf", new string(text.AsSpan())));
            long after = LiveBytes();
            GC.KeepAlive(service);
            var perDocument = (after - before) / (double)count;
            Console.WriteLine($"input: {text.Split('\n').Length - 1} lines, {Encoding.UTF8.GetByteCount(text):N0} bytes of UTF-8, {text.Length:N0} UTF-16 chars ({text.Length * 2:N0} bytes as a .NET string)");
            Console.WriteLine($"open documents: {service.OpenDocuments}; retained per document: {perDocument / 1024:N1} KiB ({perDocument / (text.Length * 2):N1} × the text)");
            return 0;
        }

        private static DidOpenTextDocumentParams Open(string uri, string text) =>
            new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = uri, LanguageId = "sora-conf", Version = 1, Text = text } };

        private static long LiveBytes()
        {
            for (int i = 0; i < 3; i++)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
            return GC.GetTotalMemory(forceFullCollection: true);
        }
    }
}
