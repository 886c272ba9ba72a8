using System;
#if NET
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace Sora.Config.Syntax
{
    /// <summary>kvconf's line grammar (docs/grammar.md), implemented once: the lossless document, the linter and the
    /// typed fast path of generated classes all classify lines here.</summary>
    internal static class KvconfScanner
    {
        /// <summary>Erlang string:trim/1 trims Unicode Pattern_White_Space; NBSP, U+3000 and the BOM are not in it
        /// (docs/grammar.md#trimming).</summary>
        public static bool IsTrimmed(char c) =>
            (c >= '\u0009' && c <= '\u000D') || c == ' ' || c == '\u0085' || c == '\u200E' || c == '\u200F' || c == '\u2028' || c == '\u2029';

        /// <summary>Classifies one physical line (no LF; a CR stays part of it). For an entry, the trimmed key and
        /// value bounds are offsets into <paramref name="line"/> (both 0 when the part is empty after trimming).</summary>
        public static SoraConfLineKind Classify(ReadOnlySpan<char> line, out int keyStart, out int keyEnd, out int valueStart, out int valueEnd)
        {
            keyStart = keyEnd = valueStart = valueEnd = 0;
            // Skip line: ^ *(#.*)?$ — spaces only, optionally followed by '#' and anything (docs/grammar.md#skip-lines).
            int i = 0;
            while (i < line.Length && line[i] == ' ') i++;
            if (i == line.Length) return SoraConfLineKind.Blank;
            if (line[i] == '#') return SoraConfLineKind.Comment;

            // Entry line: ^([^=]*)=(.*)$ — the key is everything before the first '=' (docs/grammar.md#entry-lines).
            int eq = line.IndexOf('=');
            if (eq < 0) return SoraConfLineKind.Invalid;
            Trim(line, 0, eq, out keyStart, out keyEnd);
            Trim(line, eq + 1, line.Length, out valueStart, out valueEnd);
            return SoraConfLineKind.Entry;
        }

        private static void Trim(ReadOnlySpan<char> text, int start, int end, out int s, out int e)
        {
            s = start;
            e = end;
            while (s < e && IsTrimmed(text[s])) s++;
            while (e > s && IsTrimmed(text[e - 1])) e--;
            if (s == e) s = e = start;
        }

        /// <summary>Why a line that is not a plain skip line or <c>key = value</c> is a problem, as kvconf sees it; None
        /// for a well-formed line. <paramref name="firstLine"/>: line 1, where a byte order mark may stand.</summary>
        public static LineProblem Diagnose(ReadOnlySpan<char> line, SoraConfLineKind kind, int keyStart, int keyEnd, bool firstLine)
        {
            switch (kind)
            {
                case SoraConfLineKind.Entry:
                    if (firstLine && line.Length > 0 && line[0] == '\uFEFF') return LineProblem.ByteOrderMarkGluedToKey;
                    if (keyEnd == keyStart) return LineProblem.EmptyKey;
                    // A comment indented with a tab (or other non-space whitespace) that holds '=': kvconf reads an entry
                    // whose key starts with '#' (docs/grammar.md#skip-lines).
                    if (line[keyStart] == '#') return LineProblem.IndentedCommentWithEquals;
                    return LineProblem.None;
                case SoraConfLineKind.Invalid:
                    if (firstLine && line.Length > 0 && line[0] == '\uFEFF' && IsSkipLine(line.Slice(1))) return LineProblem.ByteOrderMarkBeforeSkipLine;
                    if (IsWhitespaceOnly(line)) return line.IndexOf('\r') >= 0 ? LineProblem.CarriageReturnOnlyLine : LineProblem.WhitespaceOnlyLine;
                    if (IsIndentedComment(line)) return LineProblem.IndentedComment;
                    return LineProblem.NoEquals;
                default:
                    return LineProblem.None;
            }
        }

        /// <summary>The skip-line regex <c>^ *(#.*)?$</c>.</summary>
        public static bool IsSkipLine(ReadOnlySpan<char> text)
        {
            int i = 0;
            while (i < text.Length && text[i] == ' ') i++;
            return i == text.Length || text[i] == '#';
        }

        /// <summary>Blank to the eye: trimmed whitespace, NBSP or U+3000 only.</summary>
        private static bool IsWhitespaceOnly(ReadOnlySpan<char> text)
        {
            foreach (char c in text) if (!IsBlankChar(c)) return false;
            return true;
        }

        private static bool IsBlankChar(char c) => IsTrimmed(c) || c == '\u00A0' || c == '\u3000';

        /// <summary>The index of the first character that is not blank to the eye.</summary>
        public static int FirstNonBlank(ReadOnlySpan<char> text)
        {
            int i = 0;
            while (i < text.Length && IsBlankChar(text[i])) i++;
            return i;
        }

        private static bool IsIndentedComment(ReadOnlySpan<char> text)
        {
            int i = FirstNonBlank(text);
            return i > 0 && i < text.Length && text[i] == '#';
        }

        /// <summary>Where a value seems to carry an inline comment (a '#' after whitespace), which kvconf keeps
        /// as part of the value (docs/grammar.md#entry-lines); -1 when it does not.</summary>
        public static int IndexOfInlineComment(ReadOnlySpan<char> value)
        {
            for (int from = 1; from < value.Length;)
            {
                int hash = value.Slice(from).IndexOf('#');
                if (hash < 0) return -1;
                hash += from;
                if (IsTrimmed(value[hash - 1])) return hash;
                from = hash + 1;
            }
            return -1;
        }

        /// <summary>The end of the line starting at <paramref name="from"/>: the index of its line feed (a CR before it stays
        /// part of the line), the text's length for the last line, or -1 when the line holds a NUL or a carriage return
        /// not followed by a line feed (docs/grammar.md#cr-and-crlf, #nul-bytes), which the typed fast path leaves to the linter.</summary>
        public static int LineEnd(ReadOnlySpan<char> text, int from)
        {
            for (int at = from; ;)
            {
                int found = text.Slice(at).IndexOfAny('\n', '\r', '\0');
                if (found < 0) return text.Length;
                at += found;
                if (text[at] == '\n') return at;
                if (text[at] == '\0' || at + 1 == text.Length || text[at + 1] != '\n') return -1;
                at++;
            }
        }

        /// <summary>The start of the first line after <paramref name="from"/> that neither begins with '#' nor is empty,
        /// or -1 at the end of the text. Every line passed over is a skip line by <see cref="Classify"/>; lines it stops at
        /// still need classifying (a line of spaces, or spaces then '#', is a skip line too). The typed fast path uses it to
        /// pass over the many comment lines of a commented sora.conf in one vectorized search, which also looks for what
        /// the typed fast path leaves to the linter: it returns -1 with <paramref name="marked"/> set at a NUL, a carriage
        /// return not followed by a line feed, or <paramref name="marker"/> (looked for at its first '-', which it must hold).
        /// Characters a little past the returned line start may be looked at too; a mark there is reported the same.</summary>
        public static int NextPossibleEntry(ReadOnlySpan<char> text, int from, ReadOnlySpan<char> marker, out bool marked)
        {
            marked = false;
            int dash = marker.IndexOf('-');
            int i = from;
#if NET
            // 32 or 16 characters at a time, narrowed to bytes: a character above 0xFF becomes 0xFF, none of those looked for.
            // A line feed starts a possible entry unless the next character is '#' or another line feed; the last one's
            // next character is the first of the next block.
            ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            if (Vector256.IsHardwareAccelerated)
            {
                var top = Vector256.Create((ushort)0xFF);
                for (; i + 32 < text.Length; i += 32)
                {
                    var bytes = Vector256.Narrow(Vector256.Min(Vector256.LoadUnsafe(ref start, (nuint)i), top), Vector256.Min(Vector256.LoadUnsafe(ref start, (nuint)(i + 16)), top));
                    uint lf = Vector256.Equals(bytes, Vector256.Create((byte)'\n')).ExtractMostSignificantBits();
                    uint marks = (Vector256.Equals(bytes, Vector256<byte>.Zero) | Vector256.Equals(bytes, Vector256.Create((byte)'\r')) | Vector256.Equals(bytes, Vector256.Create((byte)'-'))).ExtractMostSignificantBits();
                    if ((lf | marks) == 0) continue;
                    for (; marks != 0; marks &= marks - 1)
                    {
                        if (IsMark(text, i + BitOperations.TrailingZeroCount(marks), marker, dash)) return Marked(out marked);
                    }
                    uint skip = lf | Vector256.Equals(bytes, Vector256.Create((byte)'#')).ExtractMostSignificantBits();
                    uint found = lf & ~((skip >> 1) | (IsSkipStart(text[i + 32]) << 31));
                    if (found != 0) return i + BitOperations.TrailingZeroCount(found) + 1;
                }
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var top = Vector128.Create((ushort)0xFF);
                for (; i + 16 < text.Length; i += 16)
                {
                    var bytes = Vector128.Narrow(Vector128.Min(Vector128.LoadUnsafe(ref start, (nuint)i), top), Vector128.Min(Vector128.LoadUnsafe(ref start, (nuint)(i + 8)), top));
                    uint lf = Vector128.Equals(bytes, Vector128.Create((byte)'\n')).ExtractMostSignificantBits();
                    uint marks = (Vector128.Equals(bytes, Vector128<byte>.Zero) | Vector128.Equals(bytes, Vector128.Create((byte)'\r')) | Vector128.Equals(bytes, Vector128.Create((byte)'-'))).ExtractMostSignificantBits();
                    if ((lf | marks) == 0) continue;
                    for (; marks != 0; marks &= marks - 1)
                    {
                        if (IsMark(text, i + BitOperations.TrailingZeroCount(marks), marker, dash)) return Marked(out marked);
                    }
                    uint skip = lf | Vector128.Equals(bytes, Vector128.Create((byte)'#')).ExtractMostSignificantBits();
                    uint found = lf & ~((skip >> 1) | (IsSkipStart(text[i + 16]) << 15));
                    if (found != 0) return i + BitOperations.TrailingZeroCount(found) + 1;
                }
            }
#endif
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if ((c == '\0' || c == '\r' || c == '-') && IsMark(text, i, marker, dash)) return Marked(out marked);
                // The last character has no next line to look at: a final line feed ends the file.
                if (c == '\n' && i + 1 < text.Length && text[i + 1] != '#' && text[i + 1] != '\n') return i + 1;
            }
            return -1;
        }

#if NET
        /// <summary>1 when a line starting with <paramref name="c"/> is passed over ('#' or an empty line), else 0.</summary>
        private static uint IsSkipStart(char c) => c == '#' || c == '\n' ? 1u : 0u;
#endif

        private static int Marked(out bool marked)
        {
            marked = true;
            return -1;
        }

        /// <summary>The '\0', '\r' or '-' at <paramref name="at"/> is a NUL, a lone carriage return, or the '-' at
        /// <paramref name="dash"/> in <paramref name="marker"/>.</summary>
        private static bool IsMark(ReadOnlySpan<char> text, int at, ReadOnlySpan<char> marker, int dash) => text[at] switch
        {
            '\0' => true,
            '\r' => at + 1 == text.Length || text[at + 1] != '\n',
            _ => at >= dash && text.Slice(at - dash).StartsWith(marker),
        };
    }

    /// <summary>What is wrong with a line as kvconf reads it (docs/grammar.md). The linter reports each through the
    /// check kind that owns it; the typed fast path falls back to the linter on any of them.</summary>
    internal enum LineProblem
    {
        None,

        /// <summary>No '=' and not a skip line: kvconf refuses the file (invalid_line_format).</summary>
        NoEquals,

        /// <summary><c>= value</c>: kvconf reads the key "" (a second one is a duplicate).</summary>
        EmptyKey,

        /// <summary>Line 1 is a skip line behind a byte order mark: kvconf refuses the file.</summary>
        ByteOrderMarkBeforeSkipLine,

        /// <summary>Line 1 is an entry behind a byte order mark: kvconf reads the key with the BOM glued to it.</summary>
        ByteOrderMarkGluedToKey,

        /// <summary>Blank to the eye but holding a CR (a CRLF blank line): kvconf refuses the file.</summary>
        CarriageReturnOnlyLine,

        /// <summary>Blank to the eye but holding a tab or other whitespace that is not a space: kvconf refuses the file.</summary>
        WhitespaceOnlyLine,

        /// <summary>A comment indented with a tab or other non-space whitespace: kvconf refuses the file.</summary>
        IndentedComment,

        /// <summary>The same holding '=': kvconf reads an entry whose key starts with '#'.</summary>
        IndentedCommentWithEquals,
    }
}
