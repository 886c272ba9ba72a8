using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

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

        /// <summary>The text for <c>AddSource</c>, read from the builder's chunks. A class's source is over 100,000
        /// characters: as one string it would land on the large object heap, and every first run of the generator would
        /// pay for collections of it. From a reader, Roslyn keeps a text of that size in chunks.</summary>
        public SourceText ToSourceText() => sb.Length < LargeText
            ? SourceText.From(sb.ToString(), Encoding.UTF8)
            : SourceText.From(new BuilderReader(sb), sb.Length, Encoding.UTF8);

        /// <summary>Roslyn's own threshold: from this length on, a text read from a reader is kept in chunks; below it,
        /// Roslyn would read it into one string anyway, so the builder makes that string directly.</summary>
        private const int LargeText = 40 * 1024;

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

        private sealed class BuilderReader : TextReader
        {
            private readonly StringBuilder sb;
            private int position;

            public BuilderReader(StringBuilder sb) => this.sb = sb;

            public override int Peek() => position < sb.Length ? sb[position] : -1;

            public override int Read() => position < sb.Length ? sb[position++] : -1;

            public override int Read(char[] buffer, int index, int count)
            {
                if (buffer is null) throw new ArgumentNullException(nameof(buffer));
                if (index < 0 || count < 0 || buffer.Length - index < count) throw new ArgumentOutOfRangeException(index < 0 ? nameof(index) : nameof(count));
                int n = Math.Min(count, sb.Length - position);
                if (n <= 0) return 0;
                sb.CopyTo(position, buffer, index, n);
                position += n;
                return n;
            }
        }

        private sealed class Closer : IDisposable
        {
            private readonly CodeWriter writer;

            public Closer(CodeWriter writer) => this.writer = writer;

            public void Dispose() => writer.Close();
        }
    }
}
