using System;
using System.IO;
using System.Text;
using Sora.Config.Syntax;

namespace Sora.Config.LanguageServer.Documents
{
    /// <summary>The file behind an open document, read the way <c>sora-conf lint</c> reads it, when the editor shows exactly
    /// its content: editors hide a UTF-8 byte order mark and show bytes that are not UTF-8 as U+FFFD, and both are
    /// findings Sora cares about (SORA0006, SORA0008) that the editor's text no longer holds.</summary>
    internal static class DiskText
    {
        private static readonly UTF8Encoding Lenient = new UTF8Encoding(false, false);

        /// <summary>The file's document when the editor's <paramref name="text"/> is its content with a byte order mark
        /// hidden (<paramref name="bomHidden"/>) or bytes that are not UTF-8 replaced; null when the editor's text says it
        /// all (the usual case), or the file cannot be read, is larger than <paramref name="maxBytes"/>, or differs.</summary>
        public static SoraConfDocument? Read(string uri, string text, int maxBytes, out bool bomHidden)
        {
            bomHidden = false;
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return null;
            byte[] bytes;
            try
            {
                var info = new FileInfo(parsed.LocalPath);
                if (!info.Exists || info.Length > maxBytes || info.Length < text.Length) return null;
                bytes = File.ReadAllBytes(info.FullName);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return null;
            }
            var decoded = Lenient.GetString(bytes);
            if (decoded == text)
            {
                // Valid UTF-8 reads the same from the text; only replaced bytes need the file.
                return decoded.IndexOf('\uFFFD') >= 0 ? SoraConfDocument.Parse(bytes, parsed.LocalPath) : null;
            }
            if (decoded.Length == text.Length + 1 && decoded[0] == '\uFEFF' && string.CompareOrdinal(decoded, 1, text, 0, text.Length) == 0)
            {
                bomHidden = true;
                return SoraConfDocument.Parse(bytes, parsed.LocalPath);
            }
            return null;
        }
    }
}
