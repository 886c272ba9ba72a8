using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Sora.Config.Fixes;

namespace Sora.Config.Syntax
{
    /// <summary>Canonical <c>key = value</c> spacing (one space around '=', no leading or trailing spaces), the one formatting
    /// of <c>sora-conf fmt</c> and the language server. Comments, blank lines, order, line endings and the final newline are
    /// kept; a line whose meaning could change (no key, a tab-indented comment Sora reads as a key) is left as it is.</summary>
    public static class SoraConfFormatter
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        /// <summary>The formatted bytes. Works on the raw lines so that a line which is not valid UTF-8 is kept byte for
        /// byte; only entry lines whose spacing differs from <c>key = value</c> change.</summary>
        public static byte[] Format(byte[] bytes)
        {
            if (bytes is null) throw new ArgumentNullException(nameof(bytes));
            var document = SoraConfDocument.Parse(bytes);
            using var result = new MemoryStream(bytes.Length + 64);
            int start = 0;
            for (int i = 0; i < document.Lines.Count; i++)
            {
                int lf = Array.IndexOf(bytes, (byte)'\n', start);
                int end = lf < 0 ? bytes.Length : lf;
                var line = document.Lines[i];
                var canonical = Canonical(line);
                if (canonical != null && line.RawBytes is null)
                {
                    var b = Utf8.GetBytes(canonical);
                    result.Write(b, 0, b.Length);
                }
                else
                {
                    result.Write(bytes, start, end - start);
                }
                if (lf >= 0) result.WriteByte((byte)'\n');
                start = end + 1;
            }
            return result.ToArray();
        }

        /// <summary>The same formatting as text edits on <paramref name="document"/>: one per line that changes, replacing the
        /// line's text up to its CR or line feed. Empty when the document is formatted.</summary>
        public static IReadOnlyList<SoraConfTextEdit> GetEdits(SoraConfDocument document)
        {
            if (document is null) throw new ArgumentNullException(nameof(document));
            var edits = new List<SoraConfTextEdit>();
            for (int i = 0; i < document.Lines.Count; i++)
            {
                var line = document.Lines[i];
                var canonical = Canonical(line);
                if (canonical is null || line.RawBytes != null) continue;
                int content = line.Text.EndsWith("\r", StringComparison.Ordinal) ? line.Text.Length - 1 : line.Text.Length;
                edits.Add(new SoraConfTextEdit(i + 1, 1, i + 1, content + 1, canonical.EndsWith("\r", StringComparison.Ordinal) ? canonical.Substring(0, canonical.Length - 1) : canonical));
            }
            return edits;
        }

        /// <summary><c>key = value</c> for an entry line whose spacing differs (a CR before the LF is kept); null when the line
        /// is left as it is.</summary>
        private static string? Canonical(SoraConfLine line)
        {
            if (line.Kind != SoraConfLineKind.Entry) return null;
            var key = line.Key!;
            // No key, or a tab-indented comment that Sora reads as a key: reformatting would change its meaning.
            if (key.Length == 0 || key[0] == '#') return null;
            var cr = line.Text.EndsWith("\r", StringComparison.Ordinal) ? "\r" : "";
            var canonical = line.Value!.Length == 0 ? key + " =" + cr : key + " = " + line.Value + cr;
            return canonical == line.Text ? null : canonical;
        }
    }
}
