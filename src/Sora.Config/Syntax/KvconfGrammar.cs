using System;

namespace Sora.Config.Syntax
{
    /// <summary>kvconf's line grammar (docs: sora-conf-format §3), in one place.</summary>
    internal static class KvconfGrammar
    {
        /// <summary>Erlang string:trim/1 trims Unicode Pattern_White_Space; NBSP, U+3000 and the BOM are not in it.</summary>
        public static bool IsTrimmed(char c) =>
            (c >= '\u0009' && c <= '\u000D') || c == ' ' || c == '\u0085' || c == '\u200E' || c == '\u200F' || c == '\u2028' || c == '\u2029';

        /// <summary>Where a value seems to carry an inline comment (a '#' after whitespace), which kvconf keeps
        /// as part of the value; -1 when it does not.</summary>
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

        /// <summary>The skip-line regex <c>^ *(#.*)?$</c>: spaces only, optionally followed by '#' and anything.</summary>
        public static bool IsSkipLine(string text)
        {
            int i = 0;
            while (i < text.Length && text[i] == ' ') i++;
            return i == text.Length || text[i] == '#';
        }

        public static SoraConfLine Classify(string text, byte[]? rawBytes = null, int invalidUtf8Column = 0) =>
            Classify(text, 0, text.Length, rawBytes, invalidUtf8Column);

        /// <summary>Classifies the line <c>source[start..end)</c> without copying it: the line keeps offsets into
        /// <paramref name="source"/> and materializes its text, key and value only when asked (most lines of a
        /// commented sora.conf are comments nobody reads back as strings).</summary>
        public static SoraConfLine Classify(string source, int start, int end, byte[]? rawBytes = null, int invalidUtf8Column = 0)
        {
            int i = start;
            while (i < end && source[i] == ' ') i++;
            if (i == end) return new SoraConfLine(source, start, end - start, SoraConfLineKind.Blank, 0, 0, 0, 0, rawBytes, invalidUtf8Column);
            if (source[i] == '#') return new SoraConfLine(source, start, end - start, SoraConfLineKind.Comment, 0, 0, 0, 0, rawBytes, invalidUtf8Column);

            int eq = source.IndexOf('=', start, end - start);
            if (eq < 0) return new SoraConfLine(source, start, end - start, SoraConfLineKind.Invalid, 0, 0, 0, 0, rawBytes, invalidUtf8Column);

            Trim(source, start, eq, out int ks, out int ke);
            Trim(source, eq + 1, end, out int vs, out int ve);
            return new SoraConfLine(source, start, end - start, SoraConfLineKind.Entry, ks - start, ke - start, vs - start, ve - start, rawBytes, invalidUtf8Column);
        }

        private static void Trim(string text, int start, int end, out int s, out int e)
        {
            s = start;
            e = end;
            while (s < e && IsTrimmed(text[s])) s++;
            while (e > s && IsTrimmed(text[e - 1])) e--;
            if (s == e) s = e = start;
        }
    }
}
