using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Sora.Config.Catalog;
using Sora.Config.IO;

namespace Sora.Config.Syntax
{
    /// <summary>A lossless sora.conf file: every line, comment, blank line, odd spacing, CR and the
    /// presence of a final newline are kept, so writing an unmodified document gives back the same bytes.
    /// Edits (<see cref="Set"/>, <see cref="Remove"/>) change exactly the lines they concern.</summary>
    public sealed class SoraConfDocument
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);
        private static readonly UTF8Encoding LenientUtf8 = new UTF8Encoding(false, false);

        private readonly List<SoraConfLine> lines;

        private SoraConfDocument(List<SoraConfLine> lines, bool hasFinalNewline, string? path)
        {
            this.lines = lines;
            HasFinalNewline = hasFinalNewline;
            Path = path;
        }

        /// <summary>The lines; line N of the file is <c>Lines[N - 1]</c>.</summary>
        public IReadOnlyList<SoraConfLine> Lines => lines;

        /// <summary>True when the last line ends with LF.</summary>
        public bool HasFinalNewline { get; private set; }

        /// <summary>The file the document was loaded from, if any (used in diagnostics).</summary>
        public string? Path { get; }

        /// <summary>True when the text starts with a UTF-8 byte order mark (U+FEFF).</summary>
        public bool HasByteOrderMark => lines.Count > 0 && lines[0].Text.Length > 0 && lines[0].Text[0] == '\uFEFF';

        /// <summary>Parses text. Never throws on content: problems are reported by <see cref="Sora.Config.Evaluation.SoraConfLinter"/>.</summary>
        public static SoraConfDocument Parse(string text) => Parse(text, null);

        /// <summary>Parses text; <paramref name="path"/> is the file it came from (<see cref="Path"/>, shown in diagnostics).
        /// Never throws on content: problems are reported by <see cref="Sora.Config.Evaluation.SoraConfLinter"/>.</summary>
        public static SoraConfDocument Parse(string text, string? path)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            // Sized once: growing a list of a few hundred lines copies it about eight times.
            var result = new List<SoraConfLine>(CountLines(text));
            int start = 0;
            while (true)
            {
                int lf = text.IndexOf('\n', start);
                if (lf < 0)
                {
                    if (start < text.Length) result.Add(SoraConfLine.Create(text, start, text.Length));
                    return new SoraConfDocument(result, text.Length > 0 && start == text.Length, path);
                }
                // Lines point into the text instead of copying it (see SoraConfLine).
                result.Add(SoraConfLine.Create(text, start, lf));
                start = lf + 1;
            }
        }

        private static int CountLines(string text)
        {
#if NET
            return System.MemoryExtensions.Count(text.AsSpan(), '\n') + 1;
#else
            int count = 1;
            foreach (char c in text) if (c == '\n') count++;
            return count;
#endif
        }

        /// <summary>Parses raw bytes as Sora reads them: split on LF only, UTF-8 checked per line.
        /// Bytes that are not UTF-8 are kept as they are and reported (SORA0008).</summary>
        public static SoraConfDocument Parse(byte[] bytes) => Parse(bytes, null);

        /// <summary>Parses raw bytes as Sora reads them, from the file <paramref name="path"/> (<see cref="Path"/>, shown in
        /// diagnostics): split on LF only, UTF-8 checked per line. Bytes that are not UTF-8 are kept as they are and reported
        /// (SORA0008).</summary>
        public static SoraConfDocument Parse(byte[] bytes, string? path)
        {
            if (bytes is null) throw new ArgumentNullException(nameof(bytes));

            // Fast path: valid UTF-8 as a whole (the usual case) is decoded in one go. LF never occurs inside a
            // multi-byte sequence, so this gives the same lines as decoding line by line.
            string? whole = TryDecodeStrict(bytes);
            if (whole != null) return Parse(whole, path);

            var result = new List<SoraConfLine>();
            int start = 0;
            while (true)
            {
                int lf = Array.IndexOf(bytes, (byte)'\n', start);
                int end = lf < 0 ? bytes.Length : lf;
                if (lf >= 0 || start < bytes.Length) result.Add(DecodeLine(bytes, start, end - start));
                if (lf < 0) return new SoraConfDocument(result, bytes.Length > 0 && start == bytes.Length, path);
                start = lf + 1;
            }
        }

        /// <summary>Reads a file. Throws <see cref="IOException"/> (or UnauthorizedAccessException) when it cannot be read.</summary>
        public static SoraConfDocument Load(string path) => Parse(File.ReadAllBytes(path), path);

        private static string? TryDecodeStrict(byte[] bytes)
        {
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        private static SoraConfLine DecodeLine(byte[] bytes, int offset, int count)
        {
            bool ascii = true;
            for (int i = offset; i < offset + count; i++)
            {
                if (bytes[i] >= 0x80) { ascii = false; break; }
            }
            if (ascii) return SoraConfLine.Create(Encoding.ASCII.GetString(bytes, offset, count));
            try
            {
                return SoraConfLine.Create(StrictUtf8.GetString(bytes, offset, count));
            }
            catch (DecoderFallbackException ex)
            {
                int bad = Math.Max(0, Math.Min(ex.Index, count));
                int column = LenientUtf8.GetCharCount(bytes, offset, bad) + 1;
                var raw = new byte[count];
                Buffer.BlockCopy(bytes, offset, raw, 0, count);
                return SoraConfLine.Create(LenientUtf8.GetString(bytes, offset, count), raw, column);
            }
        }

        /// <summary>A copy of this document with <paramref name="insertions"/> applied: each puts text before the line
        /// with that 1-based number (a line of the original). Lines that are not touched keep their exact bytes; a touched
        /// line that held bytes that are not UTF-8 keeps them after the inserted text.</summary>
        internal SoraConfDocument WithInsertions(IReadOnlyList<(int Line, string Text)> insertions)
        {
            var result = new List<SoraConfLine>(lines.Count + insertions.Count);
            var byLine = new Dictionary<int, string>();
            foreach (var (line, text) in insertions) byLine[line] = byLine.TryGetValue(line, out var before) ? before + text : text;
            var utf8 = new UTF8Encoding(false);
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (!byLine.TryGetValue(i + 1, out var inserted))
                {
                    result.Add(line);
                    continue;
                }
                // Inserted text may hold whole lines ("note\n"): each becomes a line; the last part prefixes this line.
                var parts = inserted.Split('\n');
                for (int p = 0; p < parts.Length - 1; p++) result.Add(SoraConfLine.Create(parts[p]));
                var prefix = parts[parts.Length - 1];
                if (prefix.Length == 0) result.Add(line);
                else if (line.RawBytes is { } raw)
                {
                    var head = utf8.GetBytes(prefix);
                    var bytes = new byte[head.Length + raw.Length];
                    Buffer.BlockCopy(head, 0, bytes, 0, head.Length);
                    Buffer.BlockCopy(raw, 0, bytes, head.Length, raw.Length);
                    result.Add(SoraConfLine.Create(prefix + line.Text, bytes, line.InvalidUtf8Column + prefix.Length));
                }
                else result.Add(SoraConfLine.Create(prefix + line.Text));
            }
            return new SoraConfDocument(result, HasFinalNewline, Path);
        }

        /// <summary>Every entry line, in file order (duplicates included).</summary>
        public IEnumerable<SoraConfLine> Entries
        {
            get
            {
                foreach (var line in lines) if (line.Kind == SoraConfLineKind.Entry) yield return line;
            }
        }

        /// <summary>The first entry for the key, or null.</summary>
        public SoraConfLine? Find(string key)
        {
            foreach (var line in lines)
            {
                if (line.Kind == SoraConfLineKind.Entry && line.Key == key) return line;
            }
            return null;
        }

        /// <summary>1-based line number of a line of this document; 0 when it is not one.</summary>
        public int LineNumberOf(SoraConfLine line) => lines.IndexOf(line) + 1;

        /// <summary>The value written for the key (first occurrence), or null.</summary>
        public string? GetValue(string key) => Find(key)?.Value;

        /// <summary>Sets a key: replaces the value of its line, or replaces a commented-out template line
        /// (<c># key = …</c>), or appends a line. Throws <see cref="ArgumentException"/> when the key or value
        /// could not be read back identically by Sora (see <see cref="SoraConfWriter.CheckWritable"/>).</summary>
        public void Set(string key, string value)
        {
            SoraConfWriter.CheckWritable(key, value, SoraConfWriter.IsSecretKey(key));
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Kind != SoraConfLineKind.Entry || line.Key != key) continue;
                if (line.Value == value) return;
                string text;
                if (line.ValueStart < line.ValueEnd)
                {
                    text = line.Text.Substring(0, line.ValueStart) + value + line.Text.Substring(line.ValueEnd);
                }
                else
                {
                    int eq = line.Text.IndexOf('=');
                    var cr = line.Text.EndsWith("\r", StringComparison.Ordinal) ? "\r" : "";
                    text = line.Text.Substring(0, eq + 1) + " " + value + cr;
                }
                lines[i] = SoraConfLine.Create(text);
                return;
            }

            var newLine = key + " = " + value + (UsesCrlf() ? "\r" : "");
            int template = FindTemplate(key);
            if (template >= 0)
            {
                lines[template] = SoraConfLine.Create(newLine);
                return;
            }
            // A file without a final newline keeps that style: the old last line gains the LF it lacked,
            // and the new last line has none.
            bool keepNoFinalNewline = lines.Count > 0 && !HasFinalNewline;
            lines.Add(SoraConfLine.Create(newLine));
            if (!keepNoFinalNewline) HasFinalNewline = true;
        }

        /// <summary>Removes every line that sets the key. Returns false when none did.</summary>
        public bool Remove(string key)
        {
            int removed = lines.RemoveAll(l => l.Kind == SoraConfLineKind.Entry && l.Key == key);
            if (removed > 0 && lines.Count == 0) HasFinalNewline = false;
            return removed > 0;
        }

        /// <summary>Index of a commented-out template line (<c># key = …</c>) for the key; -1 when there is none.</summary>
        internal int FindTemplate(string key)
        {
            for (int i = 0; i < lines.Count; i++)
            {
                if (lines[i].TemplateKeyRange(out int start, out int end) && System.MemoryExtensions.SequenceEqual(lines[i].Span.Slice(start, end - start), key.AsSpan())) return i;
            }
            return -1;
        }

        private bool UsesCrlf()
        {
            int crlf = 0;
            foreach (var line in lines) if (line.Text.EndsWith("\r", StringComparison.Ordinal)) crlf++;
            return lines.Count > 0 && crlf * 2 > lines.Count;
        }

        /// <summary>The document as text (lines that were not UTF-8 show U+FFFD; use <see cref="ToBytes"/> to keep them).</summary>
        public override string ToString()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < lines.Count; i++)
            {
                if (i > 0) sb.Append('\n');
                sb.Append(lines[i].Text);
            }
            if (HasFinalNewline) sb.Append('\n');
            return sb.ToString();
        }

        /// <summary>The document as bytes: identical to the input for an unmodified document.</summary>
        public byte[] ToBytes()
        {
            using var stream = new MemoryStream();
            var utf8 = new UTF8Encoding(false);
            for (int i = 0; i < lines.Count; i++)
            {
                if (i > 0) stream.WriteByte((byte)'\n');
                var bytes = lines[i].RawBytes ?? utf8.GetBytes(lines[i].Text);
                stream.Write(bytes, 0, bytes.Length);
            }
            if (HasFinalNewline) stream.WriteByte((byte)'\n');
            return stream.ToArray();
        }

        /// <summary>True when an entry sets a key that the catalog marks secret (<see cref="SoraKeyInfo.IsSecret"/>,
        /// such as <c>webhook_basic_authn_password</c>) to a non-empty value; see
        /// <see cref="SoraConfWriter.ContainsSecret"/>.</summary>
        /// <param name="catalog">The catalog that says which keys are secret; <see cref="SoraCatalog.Default"/> when null.</param>
        public bool ContainsSecret(SoraCatalog? catalog = null)
        {
            catalog ??= SoraCatalog.Default;
            foreach (var line in Entries)
            {
                if (SoraConfWriter.IsSecretValue(line.Key, line.Value, catalog)) return true;
            }
            return false;
        }

        /// <summary>Writes the document atomically with <see cref="AtomicFile"/>: temporary file, then rename; the
        /// file keeps its mode and a symbolic link is written through; a new file holding a secret
        /// (<see cref="ContainsSecret"/>) is created with mode 0600.</summary>
        public void Save(string path) => AtomicFile.Write(path, ToBytes(), ContainsSecret());
    }
}
