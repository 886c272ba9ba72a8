using System;
using System.Runtime.CompilerServices;
#if NET
using System.Numerics;
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
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsTrimmed(char c) =>
            (c >= '\u0009' && c <= '\u000D') || c == ' ' || c == '\u0085' || c == '\u200E' || c == '\u200F' || c == '\u2028' || c == '\u2029';

        /// <summary>Classifies one physical line (no LF; a CR stays part of it). For an entry, the trimmed key and
        /// value bounds are offsets into <paramref name="line"/> (both 0 when the part is empty after trimming).</summary>
        public static SoraConfLineKind Classify(ReadOnlySpan<char> line, out int keyStart, out int keyEnd, out int valueStart, out int valueEnd) =>
            Classify(line, NotLookedFor, out keyStart, out keyEnd, out valueStart, out valueEnd);

        private const int NotLookedFor = -2;

        /// <summary>As <see cref="Classify(ReadOnlySpan{char}, out int, out int, out int, out int)"/>, for a caller that found
        /// the line's first '=' while looking for its end (<see cref="LineEnd"/>): <paramref name="firstEquals"/> is its
        /// offset in <paramref name="line"/>, or -1 when the line holds none.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static SoraConfLineKind Classify(ReadOnlySpan<char> line, int firstEquals, out int keyStart, out int keyEnd, out int valueStart, out int valueEnd)
        {
            keyStart = keyEnd = valueStart = valueEnd = 0;
            // Skip line: ^ *(#.*)?$ — spaces only, optionally followed by '#' and anything (docs/grammar.md#skip-lines).
            int i = 0;
            while (i < line.Length && line[i] == ' ') i++;
            if (i == line.Length) return SoraConfLineKind.Blank;
            if (line[i] == '#') return SoraConfLineKind.Comment;

            // Entry line: ^([^=]*)=(.*)$ — the key is everything before the first '=' (docs/grammar.md#entry-lines).
            // Looked for only now: most lines a linter classifies are comments.
            int eq = firstEquals == NotLookedFor ? line.IndexOf('=') : firstEquals;
            if (eq < 0) return SoraConfLineKind.Invalid;
            Trim(line, 0, eq, out keyStart, out keyEnd);
            Trim(line, eq + 1, line.Length, out valueStart, out valueEnd);
            return SoraConfLineKind.Entry;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
        /// not followed by a line feed (docs/grammar.md#cr-and-crlf, #nul-bytes), which the typed fast path leaves to the linter.
        /// The same pass finds the line's first '=' (<paramref name="firstEquals"/>, an offset from <paramref name="from"/>;
        /// -1 when there is none), which <see cref="Classify(ReadOnlySpan{char}, int, out int, out int, out int, out int)"/> takes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int LineEnd(ReadOnlySpan<char> text, int from, out int firstEquals)
        {
            firstEquals = -1;
            int i = from;
#if NET
            // A key = value line usually fits one or two blocks of 32 characters (16 with 128-bit vectors), narrowed to bytes as
            // in NextPossibleEntry: one pass finds the line feed, the first '=' and any NUL or CR, where two library searches
            // cost more.
            if (Vector256.IsHardwareAccelerated)
            {
                ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
                var top = Vector256.Create((ushort)0xFF);
                for (; i + 32 <= text.Length; i += 32)
                {
                    var bytes = Vector256.Narrow(Vector256.Min(Vector256.LoadUnsafe(ref start, (nuint)i), top), Vector256.Min(Vector256.LoadUnsafe(ref start, (nuint)(i + 16)), top));
                    uint lf = Vector256.Equals(bytes, Vector256.Create((byte)'\n')).ExtractMostSignificantBits();
                    uint equals = Vector256.Equals(bytes, Vector256.Create((byte)'=')).ExtractMostSignificantBits();
                    uint odd = (Vector256.Equals(bytes, Vector256<byte>.Zero) | Vector256.Equals(bytes, Vector256.Create((byte)'\r'))).ExtractMostSignificantBits();
                    int end = BlockLineEnd(text, from, i, lf, equals, odd, ref firstEquals);
                    if (end != InNextBlock) return end;
                }
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
                var top = Vector128.Create((ushort)0xFF);
                for (; i + 16 <= text.Length; i += 16)
                {
                    var bytes = Vector128.Narrow(Vector128.Min(Vector128.LoadUnsafe(ref start, (nuint)i), top), Vector128.Min(Vector128.LoadUnsafe(ref start, (nuint)(i + 8)), top));
                    uint lf = Vector128.Equals(bytes, Vector128.Create((byte)'\n')).ExtractMostSignificantBits();
                    uint equals = Vector128.Equals(bytes, Vector128.Create((byte)'=')).ExtractMostSignificantBits();
                    uint odd = (Vector128.Equals(bytes, Vector128<byte>.Zero) | Vector128.Equals(bytes, Vector128.Create((byte)'\r'))).ExtractMostSignificantBits();
                    int end = BlockLineEnd(text, from, i, lf, equals, odd, ref firstEquals);
                    if (end != InNextBlock) return end;
                }
            }
#endif
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n') return i;
                if (c == '=' && firstEquals < 0) firstEquals = i - from;
                else if (c == '\0' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) return -1;
            }
            return text.Length;
        }

#if NET
        /// <summary><see cref="LineEnd"/>'s verdict on the block at <paramref name="i"/>, given the bits of its line feeds, '='
        /// and NUL or CR characters (either vector width): the line's end, -1 at a NUL or lone CR in the line, or
        /// <see cref="InNextBlock"/> when the line goes on. Records the line's first '=' in <paramref name="firstEquals"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int BlockLineEnd(ReadOnlySpan<char> text, int from, int i, uint lf, uint equals, uint odd, ref int firstEquals)
        {
            // The characters of this line: those before the block's first line feed.
            uint line = lf == 0 ? uint.MaxValue : (lf & (0u - lf)) - 1;
            if (firstEquals < 0 && (equals & line) != 0) firstEquals = i + BitOperations.TrailingZeroCount(equals & line) - from;
            for (uint marks = odd & line; marks != 0; marks &= marks - 1)
            {
                int at = i + BitOperations.TrailingZeroCount(marks);
                if (text[at] == '\0' || at + 1 == text.Length || text[at + 1] != '\n') return -1;
            }
            return lf != 0 ? i + BitOperations.TrailingZeroCount(lf) : InNextBlock;
        }

        private const int InNextBlock = -2;
#endif

        /// <summary>The start of the first line after <paramref name="from"/> that neither begins with '#' nor is empty,
        /// or -1 at the end of the text. Every line passed over is a skip line by <see cref="Classify(ReadOnlySpan{char}, out int, out int, out int, out int)"/>;
        /// lines it stops at still need classifying (a line of spaces, or spaces then '#', is a skip line too). The typed fast
        /// path uses it to pass over the many comment lines of a commented sora.conf in one vectorized search, which also
        /// looks for the <paramref name="marks"/> its checks read: it returns -1 with <paramref name="marked"/> set at a NUL or
        /// a carriage return not followed by a line feed (<see cref="CommentMarks.NulOrLoneCarriageReturn"/>), or at
        /// <paramref name="marker"/> (<see cref="CommentMarks.SuppressionComment"/>; looked for at its first '-', which it must
        /// hold). Characters a little past the returned line start may be looked at too; a mark there is reported the same.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int NextPossibleEntry(ReadOnlySpan<char> text, int from, CommentMarks marks, ReadOnlySpan<char> marker, out bool marked)
        {
            marked = false;
            bool nulOrCr = (marks & CommentMarks.NulOrLoneCarriageReturn) != 0;
            int dash = (marks & CommentMarks.SuppressionComment) != 0 ? marker.IndexOf('-') : -1;
            int i = from;
#if NET
            // 64 characters at a time (32 with 128-bit vectors), narrowed to bytes: a character above 0xFF becomes 0xFF, none of
            // those looked for. A line feed starts a possible entry unless the next character is '#' or another line feed; the
            // last one's next character is the first of the next block. Every block's masks are worked out without a branch
            // on whether it holds a line feed (most do): only a possible entry or a mark leaves the loop.
            ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            if (Vector256.IsHardwareAccelerated)
            {
                var top = Vector256.Create((ushort)0xFF);
                for (; i + 64 < text.Length; i += 64)
                {
                    var low = Vector256.Narrow(Vector256.Min(Vector256.LoadUnsafe(ref start, (nuint)i), top), Vector256.Min(Vector256.LoadUnsafe(ref start, (nuint)(i + 16)), top));
                    var high = Vector256.Narrow(Vector256.Min(Vector256.LoadUnsafe(ref start, (nuint)(i + 32)), top), Vector256.Min(Vector256.LoadUnsafe(ref start, (nuint)(i + 48)), top));
                    ulong lf = Vector256.Equals(low, Vector256.Create((byte)'\n')).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, Vector256.Create((byte)'\n')).ExtractMostSignificantBits() << 32);
                    if (nulOrCr || dash >= 0)
                    {
                        ulong odd = Odd(low, nulOrCr, dash) | (Odd(high, nulOrCr, dash) << 32);
                        for (; odd != 0; odd &= odd - 1)
                        {
                            if (IsMark(text, i + BitOperations.TrailingZeroCount(odd), nulOrCr, marker, dash)) return Marked(out marked);
                        }
                    }
                    ulong skip = lf | Vector256.Equals(low, Vector256.Create((byte)'#')).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, Vector256.Create((byte)'#')).ExtractMostSignificantBits() << 32);
                    ulong next = lf & ~((skip >> 1) | ((ulong)IsSkipStart(text[i + 64]) << 63));
                    if (next != 0) return i + BitOperations.TrailingZeroCount(next) + 1;
                }
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var top = Vector128.Create((ushort)0xFF);
                for (; i + 32 < text.Length; i += 32)
                {
                    var low = Vector128.Narrow(Vector128.Min(Vector128.LoadUnsafe(ref start, (nuint)i), top), Vector128.Min(Vector128.LoadUnsafe(ref start, (nuint)(i + 8)), top));
                    var high = Vector128.Narrow(Vector128.Min(Vector128.LoadUnsafe(ref start, (nuint)(i + 16)), top), Vector128.Min(Vector128.LoadUnsafe(ref start, (nuint)(i + 24)), top));
                    ulong lf = Vector128.Equals(low, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() | ((ulong)Vector128.Equals(high, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() << 16);
                    if (nulOrCr || dash >= 0)
                    {
                        ulong odd = Odd(low, nulOrCr, dash) | (Odd(high, nulOrCr, dash) << 16);
                        for (; odd != 0; odd &= odd - 1)
                        {
                            if (IsMark(text, i + BitOperations.TrailingZeroCount(odd), nulOrCr, marker, dash)) return Marked(out marked);
                        }
                    }
                    ulong skip = lf | Vector128.Equals(low, Vector128.Create((byte)'#')).ExtractMostSignificantBits() | ((ulong)Vector128.Equals(high, Vector128.Create((byte)'#')).ExtractMostSignificantBits() << 16);
                    ulong next = lf & ~((skip >> 1) | ((ulong)IsSkipStart(text[i + 32]) << 31));
                    if (next != 0) return i + BitOperations.TrailingZeroCount(next) + 1;
                }
            }
#endif
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if ((c == '\0' || c == '\r' || c == '-') && IsMark(text, i, nulOrCr, marker, dash)) return Marked(out marked);
                // The last character has no next line to look at: a final line feed ends the file.
                if (c == '\n' && i + 1 < text.Length && text[i + 1] != '#' && text[i + 1] != '\n') return i + 1;
            }
            return -1;
        }

#if NET
        /// <summary>The bits of the NUL and CR bytes (when <paramref name="nulOrCr"/>) and of the '-' bytes (when
        /// <paramref name="dash"/> is not -1) of a narrowed block: the characters <see cref="IsMark"/> decides on.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Odd(Vector256<byte> bytes, bool nulOrCr, int dash)
        {
            var odd = Vector256<byte>.Zero;
            if (nulOrCr) odd = Vector256.Equals(bytes, Vector256<byte>.Zero) | Vector256.Equals(bytes, Vector256.Create((byte)'\r'));
            if (dash >= 0) odd |= Vector256.Equals(bytes, Vector256.Create((byte)'-'));
            return odd.ExtractMostSignificantBits();
        }

        /// <summary>As the 256-bit <see cref="Odd(Vector256{byte}, bool, int)"/>, for 16 bytes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Odd(Vector128<byte> bytes, bool nulOrCr, int dash)
        {
            var odd = Vector128<byte>.Zero;
            if (nulOrCr) odd = Vector128.Equals(bytes, Vector128<byte>.Zero) | Vector128.Equals(bytes, Vector128.Create((byte)'\r'));
            if (dash >= 0) odd |= Vector128.Equals(bytes, Vector128.Create((byte)'-'));
            return odd.ExtractMostSignificantBits();
        }

        /// <summary>1 when a line starting with <paramref name="c"/> is passed over ('#' or an empty line), else 0.</summary>
        private static uint IsSkipStart(char c) => c == '#' || c == '\n' ? 1u : 0u;
#endif

        private static int Marked(out bool marked)
        {
            marked = true;
            return -1;
        }

        /// <summary>The '\0', '\r' or '-' at <paramref name="at"/> is a NUL or a lone carriage return (when
        /// <paramref name="nulOrCr"/>), or the '-' at <paramref name="dash"/> in <paramref name="marker"/> (-1: not looked for).</summary>
        private static bool IsMark(ReadOnlySpan<char> text, int at, bool nulOrCr, ReadOnlySpan<char> marker, int dash) => text[at] switch
        {
            '\0' => nulOrCr,
            '\r' => nulOrCr && (at + 1 == text.Length || text[at + 1] != '\n'),
            _ => dash >= 0 && at >= dash && text.Slice(at - dash).StartsWith(marker),
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
