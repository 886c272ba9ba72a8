using System;
using System.Collections.Generic;
using System.Text;
using Sora.Config.LanguageServer.Protocol;
using Range = Sora.Config.LanguageServer.Protocol.Range;

namespace Sora.Config.LanguageServer.Documents
{
    /// <summary>The text of an open document as the editor has it, with incremental changes applied, and the two line
    /// structures over it: LSP's (a line ends at CR LF, LF or a lone CR; positions count UTF-16 code units) and kvconf's
    /// (a line ends at LF only; a CR stays part of the line), which every finding and fix of the runtime uses (1-based).
    /// Both map through offsets into <see cref="Text"/>, so a lone CR inside a kvconf line costs nothing special.</summary>
    internal sealed class TextDocument
    {
        private int[]? lspLineStarts;
        private int[]? kvconfLineStarts;

        public TextDocument(string uri, int version, string text)
        {
            Uri = uri;
            Version = version;
            Text = text;
        }

        public string Uri { get; }

        public int Version { get; private set; }

        public string Text { get; private set; }

        /// <summary>Applies one change event: a range and its new text, or the whole text when there is no range. Positions
        /// past the end of a line or of the document are clamped, as the protocol asks.</summary>
        public void Apply(Range? range, string text)
        {
            if (range is null)
            {
                Text = text;
            }
            else
            {
                int start = OffsetOf(range.Start), end = OffsetOf(range.End);
                if (end < start) (start, end) = (end, start);
                var builder = new StringBuilder(Text.Length - (end - start) + text.Length);
                builder.Append(Text, 0, start).Append(text).Append(Text, end, Text.Length - end);
                Text = builder.ToString();
            }
            lspLineStarts = null;
            kvconfLineStarts = null;
        }

        public void SetVersion(int version) => Version = version;

        /// <summary>The number of LSP lines (an empty document, or one ending with a line break, has an empty last line).</summary>
        public int LspLineCount => LspLineStarts.Length;

        /// <summary>The offset of an LSP position, clamped to its line's content (the line break is not part of it).</summary>
        public int OffsetOf(Position position)
        {
            var starts = LspLineStarts;
            if (position.Line < 0) return 0;
            if (position.Line >= starts.Length) return Text.Length;
            int start = starts[position.Line];
            return start + Math.Max(0, Math.Min(position.Character, LspContentEnd(position.Line) - start));
        }

        /// <summary>The LSP position of an offset. An offset between the CR and the LF of a CR LF belongs to the line that
        /// break ends (the protocol has no position there; <see cref="RangeOf"/> moves edits off it).</summary>
        public Position PositionOf(int offset)
        {
            offset = Math.Max(0, Math.Min(offset, Text.Length));
            var starts = LspLineStarts;
            int line = Array.BinarySearch(starts, offset);
            if (line < 0) line = ~line - 1;
            return new Position(line, offset - starts[line]);
        }

        public Range RangeOf(int start, int end) => new Range(PositionOf(start), PositionOf(end));

        /// <summary>The end of the content of LSP line <paramref name="line"/> (before its line break).</summary>
        public int LspContentEnd(int line)
        {
            var starts = LspLineStarts;
            int end = line + 1 < starts.Length ? starts[line + 1] : Text.Length;
            if (end > starts[line] && line + 1 < starts.Length)
            {
                end--;
                if (Text[end] == '\n' && end > starts[line] && Text[end - 1] == '\r') end--;
            }
            return end;
        }

        /// <summary>The offset of a 1-based kvconf line and UTF-16 column, as the runtime's findings and edits give them: a
        /// column past the end of the line stands for its LF, a line past the last for the end of the text.</summary>
        public int OffsetOfKvconf(int line, int column)
        {
            var starts = KvconfLineStarts;
            if (line < 1) return 0;
            if (line > starts.Length) return Text.Length;
            int start = starts[line - 1];
            int end = line < starts.Length ? starts[line] - 1 : Text.Length;
            return start + Math.Max(0, Math.Min(column - 1, end - start));
        }

        /// <summary>The 1-based kvconf line of an offset.</summary>
        public int KvconfLineAt(int offset)
        {
            var starts = KvconfLineStarts;
            int line = Array.BinarySearch(starts, Math.Max(0, Math.Min(offset, Text.Length)));
            return line < 0 ? ~line : line + 1;
        }

        /// <summary>The offset where kvconf line <paramref name="line"/> (1-based) starts.</summary>
        public int KvconfLineStart(int line) => KvconfLineStarts[Math.Max(0, Math.Min(line, KvconfLineStarts.Length) - 1)];

        /// <summary>An LSP range for an edit of offsets [start, end): a bound between the CR and the LF of a CR LF is moved
        /// off it (LSP has no position there), and the text is widened to match, so removing the CR of a CR LF still works.</summary>
        public (Range Range, string NewText) EditRange(int start, int end, string newText)
        {
            if (InsideCrLf(start))
            {
                start--;
                newText = "\r" + newText;
            }
            if (end > start && InsideCrLf(end))
            {
                end++;
                newText += "\n";
            }
            return (RangeOf(start, end), newText);
        }

        private bool InsideCrLf(int offset) => offset > 0 && offset < Text.Length && Text[offset - 1] == '\r' && Text[offset] == '\n';

        private int[] LspLineStarts => lspLineStarts ??= ComputeLspLineStarts(Text);

        private int[] KvconfLineStarts => kvconfLineStarts ??= ComputeKvconfLineStarts(Text);

        private static int[] ComputeLspLineStarts(string text)
        {
            var starts = new List<int>(text.Length / 32 + 1) { 0 };
            // Searched for line breaks (vectorized) rather than looked at a character at a time: once per edit.
            for (int i = 0; ; i++)
            {
                int found = text.AsSpan(i).IndexOfAny('\n', '\r');
                if (found < 0) break;
                i += found;
                if (text[i] == '\n' || i + 1 == text.Length || text[i + 1] != '\n') starts.Add(i + 1);
            }
            return starts.ToArray();
        }

        /// <summary>One start per kvconf line: the runtime's document has no line for an empty text or after a final LF,
        /// but an edit may still point there (a new last line), so that start is kept too.</summary>
        private static int[] ComputeKvconfLineStarts(string text)
        {
            var starts = new List<int>(text.Length / 32 + 1) { 0 };
            int i = -1;
            while ((i = text.IndexOf('\n', i + 1)) >= 0) starts.Add(i + 1);
            return starts.ToArray();
        }
    }
}
