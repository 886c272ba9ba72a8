using System;
using System.IO;
using System.Text;
using Sora.Config.Catalog;
using Sora.Config.LanguageServer.Protocol;
using Sora.Config.LanguageServer.Server;

namespace Sora.Config.LanguageServer.Bench
{
    /// <summary>The input file and the LSP messages the benchmarks send, as the bytes an editor would send.</summary>
    internal static class Inputs
    {
        /// <summary>The 301-line, 60-key commented sora.conf of bench/Sora.Config.Benchmarks (Japanese comments included).</summary>
        public static string SoraConfPath => Path.Combine(AppContext.BaseDirectory, "Inputs", "sora.conf");

        public static LanguageService OpenedService(string text, string uri)
        {
            var service = new LanguageService(SoraCatalog.Default) { ReadDisk = false };
            service.Initialize(new InitializeParams { Locale = "en" }, out _);
            service.Open(new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = uri, LanguageId = "sora-conf", Version = 1, Text = text } });
            return service;
        }

        public static byte[] Change(string uri, int line, int from, int to, string inserted) => Encoding.UTF8.GetBytes(
            "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":" + line +
            ",\"character\":" + from + "},\"end\":{\"line\":" + line + ",\"character\":" + to + "}},\"text\":\"" + inserted + "\"}]}");

        public static byte[] Completion(string uri, int line, int character) => Encoding.UTF8.GetBytes(
            "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":" + line + ",\"character\":" + character + "}}");

        /// <summary>The 0-based line that starts with <paramref name="prefix"/> and the UTF-16 column after it.</summary>
        public static (int Line, int Character) After(string text, string prefix)
        {
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
                if (lines[i].StartsWith(prefix, StringComparison.Ordinal)) return (i, prefix.Length);
            throw new InvalidOperationException("no line starts with " + prefix);
        }

        /// <summary>The first blank line after line 100.</summary>
        public static int BlankLine(string text)
        {
            var lines = text.Split('\n');
            for (int i = 100; i < lines.Length; i++)
                if (lines[i].Length == 0) return i;
            throw new InvalidOperationException("no blank line in the input");
        }
    }
}
