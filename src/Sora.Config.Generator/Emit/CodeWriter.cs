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

        /// <summary>One line of three parts, appended as they are: a long text (a key's description) is not copied into a
        /// concatenated string first.</summary>
        public CodeWriter Line(string prefix, string text, string suffix)
        {
            sb.Append(' ', indent * 4).Append(prefix).Append(text).Append(suffix).Append('\n');
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

        /// <summary>A C# string literal. Printable ASCII without a quote or backslash (every key name, most values) needs
        /// no escaping and is quoted as it is; anything else goes through Roslyn's own formatting.</summary>
        public static string Literal(string? value)
        {
            if (value is null) return "null";
            foreach (char c in value)
            {
                if (c < ' ' || c > '~' || c == '"' || c == '\\') return SymbolDisplay.FormatLiteral(value, true);
            }
            return "\"" + value + "\"";
        }

        private sealed class Closer : IDisposable
        {
            private readonly CodeWriter writer;

            public Closer(CodeWriter writer) => this.writer = writer;

            public void Dispose() => writer.Close();
        }
    }
}
