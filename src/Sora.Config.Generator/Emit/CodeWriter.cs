using System;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Sora.Config.Generator.Emit
{
    /// <summary>An indented source writer (LF line endings, invariant output).</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder sb = new StringBuilder(16 * 1024);
        private int indent;

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0) sb.Append(' ', indent * 4).Append(text);
            sb.Append('\n');
            return this;
        }

        public CodeWriter Open(string text)
        {
            Line(text);
            Line("{");
            indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            indent--;
            return Line("}" + suffix);
        }

        public IDisposable Block(string text)
        {
            Open(text);
            return new Closer(this);
        }

        public override string ToString() => sb.ToString();

        public static string Literal(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, true);

        private sealed class Closer : IDisposable
        {
            private readonly CodeWriter writer;

            public Closer(CodeWriter writer) => this.writer = writer;

            public void Dispose() => writer.Close();
        }
    }
}
