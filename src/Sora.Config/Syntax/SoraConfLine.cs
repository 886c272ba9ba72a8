using System;

namespace Sora.Config.Syntax
{
    /// <summary>What a line is to kvconf (docs/grammar.md).</summary>
    public enum SoraConfLineKind
    {
        /// <summary>Empty or spaces only: kvconf skips it.</summary>
        Blank,

        /// <summary>Spaces then '#': kvconf skips it.</summary>
        Comment,

        /// <summary><c>key = value</c>.</summary>
        Entry,

        /// <summary>Anything else: Sora refuses the file.</summary>
        Invalid,
    }

    /// <summary>One physical line (the text between two LFs). <see cref="Text"/> excludes the LF but
    /// keeps any CR, exactly as kvconf sees it. Columns are 1-based UTF-16 offsets into Text.</summary>
    public sealed class SoraConfLine
    {
        // The line is source[start..start+length). Parsing a document makes one line per physical line;
        // copying each into its own string (and key and value into two more) doubled what reading allocated,
        // so the strings are cut from the source on first use and then kept.
        private readonly string source;
        private readonly int start;
        private readonly int length;
        private string? text;
        private string? key;
        private string? value;

        internal SoraConfLine(string source, int start, int length, SoraConfLineKind kind, int keyStart, int keyEnd, int valueStart, int valueEnd, byte[]? rawBytes, int invalidUtf8Column = 0)
        {
            InvalidUtf8Column = invalidUtf8Column;
            this.source = source;
            this.start = start;
            this.length = length;
            if (start == 0 && length == source.Length) text = source;
            Kind = kind;
            KeyStart = keyStart;
            KeyEnd = keyEnd;
            ValueStart = valueStart;
            ValueEnd = valueEnd;
            RawBytes = rawBytes;
        }

        public string Text => text ??= source.Substring(start, length);

        /// <summary>The line's characters without materializing <see cref="Text"/>.</summary>
        internal System.ReadOnlySpan<char> Span => System.MemoryExtensions.AsSpan(source, start, length);

        /// <summary>The text this line was cut from (a whole parsed file, or the line itself).</summary>
        internal string Source => source;

        /// <summary>Length of <see cref="Text"/>.</summary>
        internal int Length => length;

        public SoraConfLineKind Kind { get; }

        /// <summary>The trimmed key of an entry.</summary>
        public string? Key => Kind == SoraConfLineKind.Entry ? key ??= source.Substring(start + KeyStart, KeyEnd - KeyStart) : null;

        /// <summary>The trimmed value of an entry (may be empty).</summary>
        public string? Value => Kind == SoraConfLineKind.Entry ? value ??= source.Substring(start + ValueStart, ValueEnd - ValueStart) : null;

        /// <summary>0-based start of the trimmed key in <see cref="Text"/>.</summary>
        public int KeyStart { get; }

        public int KeyEnd { get; }

        /// <summary>0-based start of the trimmed value in <see cref="Text"/> (equal to ValueEnd when the value is empty).</summary>
        public int ValueStart { get; }

        public int ValueEnd { get; }

        /// <summary>For a comment that reads like a commented-out setting, <c># key = value</c> (as sora.conf templates ship
        /// optional settings), the text before the '=': a key, when the catalogue knows it. Null for any other line.
        /// <see cref="SoraConfDocument.Set"/> puts a setting in place of the template line of its key.</summary>
        public string? TemplateKey => TemplateKeyRange(out int s, out int e) ? Text.Substring(s, e - s) : null;

        /// <summary>Where <see cref="TemplateKey"/> is in <see cref="Text"/>: after the leading spaces and '#' characters, up to
        /// the spaces before the first '='.</summary>
        internal bool TemplateKeyRange(out int start, out int end)
        {
            start = end = 0;
            if (Kind != SoraConfLineKind.Comment) return false;
            var text = Span;
            int p = 0;
            while (p < text.Length && (text[p] == ' ' || text[p] == '#')) p++;
            int eq = text.Slice(p).IndexOf('=');
            if (eq < 0) return false;
            int e = p + eq;
            while (e > p && text[e - 1] == ' ') e--;
            if (e == p) return false;
            start = p;
            end = e;
            return true;
        }

        /// <summary>The original bytes when they are not valid UTF-8, so writing gives them back unchanged.</summary>
        internal byte[]? RawBytes { get; }

        /// <summary>1-based column of the first byte that is not valid UTF-8; 0 when the line is valid.</summary>
        internal int InvalidUtf8Column { get; }

        public override string ToString() => Text;

        /// <summary>The line <c>source[start..end)</c>, classified by the scanner, without copying it.</summary>
        internal static SoraConfLine Create(string source, int start, int end, byte[]? rawBytes = null, int invalidUtf8Column = 0)
        {
            var kind = KvconfScanner.Classify(System.MemoryExtensions.AsSpan(source, start, end - start), out int ks, out int ke, out int vs, out int ve);
            return new SoraConfLine(source, start, end - start, kind, ks, ke, vs, ve, rawBytes, invalidUtf8Column);
        }

        internal static SoraConfLine Create(string text, byte[]? rawBytes = null, int invalidUtf8Column = 0) => Create(text, 0, text.Length, rawBytes, invalidUtf8Column);
    }
}
