namespace Sora.Config
{
    /// <summary>kvconf's line grammar (docs: sora-conf-format §3), in one place.</summary>
    internal static class KvconfGrammar
    {
        /// <summary>Erlang string:trim/1 trims Unicode Pattern_White_Space; NBSP, U+3000 and the BOM are not in it.</summary>
        public static bool IsTrimmed(char c) =>
            (c >= '\u0009' && c <= '\u000D') || c == ' ' || c == '\u0085' || c == '\u200E' || c == '\u200F' || c == '\u2028' || c == '\u2029';

        /// <summary>The skip-line regex <c>^ *(#.*)?$</c>: spaces only, optionally followed by '#' and anything.</summary>
        public static bool IsSkipLine(string text)
        {
            int i = 0;
            while (i < text.Length && text[i] == ' ') i++;
            return i == text.Length || text[i] == '#';
        }

        public static SoraConfLine Classify(string text, byte[]? rawBytes = null, int invalidUtf8Column = 0)
        {
            if (IsSkipLine(text))
            {
                var kind = text.TrimStart(' ').Length == 0 ? SoraConfLineKind.Blank : SoraConfLineKind.Comment;
                return new SoraConfLine(text, kind, null, null, 0, 0, 0, 0, rawBytes, invalidUtf8Column);
            }

            int eq = text.IndexOf('=');
            if (eq < 0) return new SoraConfLine(text, SoraConfLineKind.Invalid, null, null, 0, 0, 0, 0, rawBytes, invalidUtf8Column);

            Trim(text, 0, eq, out int ks, out int ke);
            Trim(text, eq + 1, text.Length, out int vs, out int ve);
            return new SoraConfLine(text, SoraConfLineKind.Entry, text.Substring(ks, ke - ks), text.Substring(vs, ve - vs), ks, ke, vs, ve, rawBytes, invalidUtf8Column);
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
