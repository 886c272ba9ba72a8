using System;
using System.Collections.Generic;
using System.Text;
using Sora.Config.Catalog;

namespace Sora.Config.Syntax
{
    /// <summary>Writes sora.conf text that Sora reads back exactly as meant: UTF-8 without BOM, LF,
    /// <c>key = value</c> lines, and a guard that refuses any key or value that would not survive.</summary>
    public static class SoraConfWriter
    {
        /// <summary>What stands between a key and its value on every line written.</summary>
        private const string Separator = " = ";

        /// <summary>Writes the pairs, one <c>key = value</c> line each, in the given order.</summary>
        public static string Write(IEnumerable<KeyValuePair<string, string>> settings)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
#if NET
            // An array or a list (what generated classes hand over) is read twice: once to check and measure, once to copy.
            if (settings is KeyValuePair<string, string>[] or List<KeyValuePair<string, string>>) return WriteAll(settings);
#endif
            var sb = new StringBuilder(1024);
            foreach (var pair in settings)
            {
                Check(pair);
                sb.Append(pair.Key).Append(Separator).Append(pair.Value).Append('\n');
            }
            return sb.ToString();
        }

#if NET
        private static int LineLength(KeyValuePair<string, string> pair) => pair.Key.Length + Separator.Length + pair.Value.Length + 1;

        /// <summary>The pairs of an array or a list, without copying them.</summary>
        private static ReadOnlySpan<KeyValuePair<string, string>> Pairs(object source) =>
            source is List<KeyValuePair<string, string>> list ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list) : (KeyValuePair<string, string>[])source;

        private static string WriteAll(object source)
        {
            int length = 0;
            foreach (var pair in Pairs(source))
            {
                Check(pair);
                length += LineLength(pair);
            }
            return string.Create(length, source, static (text, source) =>
            {
                int at = 0;
                foreach (var pair in Pairs(source))
                {
                    // The pairs were checked and measured in the first pass; a caller changing them meanwhile is refused.
                    if (at + LineLength(pair) > text.Length) throw Changed();
                    pair.Key.AsSpan().CopyTo(text.Slice(at));
                    at += pair.Key.Length;
                    Separator.AsSpan().CopyTo(text.Slice(at));
                    at += Separator.Length;
                    pair.Value.AsSpan().CopyTo(text.Slice(at));
                    at += pair.Value.Length;
                    text[at++] = '\n';
                }
                if (at != text.Length) throw Changed();
            });
        }

        private static InvalidOperationException Changed() => new InvalidOperationException("The settings changed while they were being written.");
#endif

        /// <summary>Fast allocation-free check first; the catalog lookup (is the key secret?) and the message are only
        /// needed when the pair is refused, and CheckWritable then throws.</summary>
        private static void Check(KeyValuePair<string, string> pair)
        {
            if (!IsWritable(pair.Key, pair.Value)) CheckWritable(pair.Key, pair.Value, IsSecretKey(pair.Key));
        }

        /// <summary>Throws <see cref="ArgumentException"/> naming the key and the reason when the pair
        /// would not read back identically: line breaks (a value must never smuggle in another line),
        /// whitespace Sora trims, a key Sora would split or skip, NUL bytes. A secret value is never quoted.</summary>
        public static void CheckWritable(string key, string value, bool secret = false)
        {
            if (key is null) throw new ArgumentNullException(nameof(key));
            if (value is null) throw new ArgumentNullException(nameof(value), $"sora.conf key '{key}': the value is null.");
            if (key.Length == 0) throw new ArgumentException("A sora.conf key cannot be empty.", nameof(key));
            for (int i = 0; i < key.Length; i++)
            {
                if (IsBadKeyChar(key, i))
                    throw new ArgumentException($"'{Printable(key)}' cannot be written as a sora.conf key: it contains {Describe(key[i])}{(IsEdge(key, i) ? " at its start or end" : "")}, which Sora would read differently.", nameof(key));
            }

            // Built only when a message needs it: formatting it for every valid pair made writing several times slower.
            string Shown() => secret ? "the (secret) value" : $"the value '{Printable(value)}'";
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '\n' || c == '\r')
                    throw new ArgumentException($"sora.conf key '{key}': {Shown()} contains a line break; sora.conf has no escaping, so it would end the line and could inject another setting.", nameof(value));
                if (c == '\0')
                    throw new ArgumentException($"sora.conf key '{key}': {Shown()} contains a NUL character.", nameof(value));
            }
            if (value.Length > 0 && (KvconfScanner.IsTrimmed(value[0]) || KvconfScanner.IsTrimmed(value[value.Length - 1])))
                throw new ArgumentException($"sora.conf key '{key}': {Shown()} starts or ends with whitespace, which Sora trims away.", nameof(value));
        }

        /// <summary>What <see cref="CheckWritable"/> refuses in a key: '=', line breaks and NUL anywhere; a leading '#'
        /// (the line would be a comment) or BOM; whitespace Sora trims at either end. Inner spaces read back as they are.</summary>
        private static bool IsBadKeyChar(string key, int i)
        {
            char c = key[i];
            if (c == '=' || c == '\n' || c == '\r' || c == '\0') return true;
            if (i == 0 && (c == '#' || c == '\uFEFF')) return true;
            return IsEdge(key, i) && KvconfScanner.IsTrimmed(c);
        }

        private static bool IsEdge(string key, int i) => i == 0 || i == key.Length - 1;

        /// <summary>True exactly when <see cref="CheckWritable"/> would not throw. Allocation-free; keys are short,
        /// so a plain loop beats a vectorized search, and values use the vectorized IndexOfAny.</summary>
        internal static bool IsWritable(string? key, string? value)
        {
            if (key is null || value is null || key.Length == 0) return false;
            for (int i = 0; i < key.Length; i++)
            {
                // Printable ASCII other than '=' and '#' is the common case: one range check per character.
                char c = key[i];
                if ((c > ' ' && c < 0x7F && c != '=' && c != '#') || !IsBadKeyChar(key, i)) continue;
                return false;
            }
            if (value.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0) return false;
            return value.Length == 0 || (!KvconfScanner.IsTrimmed(value[0]) && !KvconfScanner.IsTrimmed(value[value.Length - 1]));
        }

        internal static bool IsSecretKey(string key) => SoraCatalog.Default.TryGetKey(key, out var info) && info.IsSecret;

        /// <summary>True when a pair sets a key that the catalog marks secret (<see cref="SoraKeyInfo.IsSecret"/>,
        /// such as <c>webhook_basic_authn_password</c>) to a non-empty value: text written from these settings must
        /// not be readable by other users, so pass the result to <see cref="IO.AtomicFile.Write(string, byte[], bool)"/>.</summary>
        /// <param name="settings">The pairs to be written.</param>
        /// <param name="catalog">The catalog that says which keys are secret; <see cref="SoraCatalog.Default"/> when null.</param>
        public static bool ContainsSecret(IEnumerable<KeyValuePair<string, string>> settings, SoraCatalog? catalog = null)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            catalog ??= SoraCatalog.Default;
            foreach (var pair in settings)
            {
                if (IsSecretValue(pair.Key, pair.Value, catalog)) return true;
            }
            return false;
        }

        internal static bool IsSecretValue(string? key, string? value, SoraCatalog catalog) =>
            key != null && !string.IsNullOrEmpty(value) && catalog.TryGetKey(key, out var info) && info.IsSecret;

        private static string Describe(char c) => c switch
        {
            '=' => "'='",
            '#' => "'#'",
            '\n' => "a line feed",
            '\r' => "a carriage return",
            '\0' => "a NUL character",
            '\uFEFF' => "a byte order mark",
            _ => "whitespace",
        };

        private static string Printable(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t").Replace("\0", "\\0");
    }
}
