using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
#if NET
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif
using System.Text;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.IO;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.CodeGeneration
{
    /// <summary>The runtime half of generated sora.conf classes: reading, conversions, setter checks,
    /// validation and summaries. Generated code calls these so that it stays small and so that every
    /// class behaves the same. Not meant to be called directly.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class SoraConfBinding
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>Looks up the keys a generated class uses, once per class.</summary>
        public static SoraKeyInfo[] Keys(SoraCatalog catalog, params string[] names)
        {
            var keys = new SoraKeyInfo[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                if (!catalog.TryGetKey(names[i], out keys[i]))
                    throw new InvalidOperationException($"The sora.conf catalog has no key '{names[i]}': the generated class and the Sora.Config library come from different schemas. Rebuild with matching package versions.");
            }
            return keys;
        }

        /// <summary>Reads sora.conf text into <paramref name="target"/>. Files without errors take a fast path
        /// that builds no syntax tree and cuts no substring for keys (warnings such as unknown keys are
        /// reported from it directly); any error falls back to the full linter so that every file/value
        /// diagnostic (SORA0xxx) comes with its position. Returns false when one of them is an error.</summary>
        public static bool Read(string text, ISoraConfBinding target, SoraCatalog catalog, string version, out IReadOnlyList<SoraConfDiagnostic> diagnostics)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            List<SoraConfDiagnostic>? warnings = null;
            SoraConfDiagnostic? refused = null;
            if (!ScanAndApply(text, target, catalog, version, ref warnings, ref refused))
            {
                var all = SoraConfLinter.Lint(SoraConfDocument.Parse(text), FileOptions(catalog, version));
                var found = all.Where(d => d.Id.StartsWith("SORA0", StringComparison.Ordinal)).ToList();
                // The class refused a value the catalogue accepts (an enum value it was not generated with):
                // the linter sees nothing wrong, so that refusal is the error. Never report success with a value dropped.
                if (refused != null && !found.Any(d => d.Severity == SoraConfSeverity.Error)) found.Add(refused);
                diagnostics = found;
                return !diagnostics.Any(d => d.Severity == SoraConfSeverity.Error);
            }
            diagnostics = (IReadOnlyList<SoraConfDiagnostic>?)warnings ?? Array.Empty<SoraConfDiagnostic>();
            return true;
        }

        private static SoraConfEvaluationOptions FileOptions(SoraCatalog catalog, string version) =>
            new SoraConfEvaluationOptions { Catalog = catalog, SoraVersion = version, Profile = SoraConfProfile.Development };

        /// <summary>Applies every entry with kvconf's grammar; returns false at the first sign of an error
        /// (anything Sora would refuse or misread), so the caller can report it with the full linter.</summary>
        private static bool ScanAndApply(string text, ISoraConfBinding target, SoraCatalog catalog, string version, ref List<SoraConfDiagnostic>? warnings, ref SoraConfDiagnostic? refused)
        {
            if (text.Length > 0 && text[0] == '\uFEFF') return false;
            var keys = target.BindingKeys;
            var index = SoraKeyIndex.For(keys);
            bool[]? seen = null;
            var all = text.AsSpan();
            int pos = 0;
            // Line numbers are counted only for warnings, onwards from the last one: linear however many there are.
            int countedTo = 0, countedLine = 1;
            while (true)
            {
                // pos starts a line that may be an entry; lines that start with '#' or are empty were skipped.
                int i = pos;
                while (i < all.Length && all[i] == ' ') i++;
                int from = i;
                if (i < all.Length && all[i] != '#' && all[i] != '\n')
                {
                    // An entry: the key runs to the first '=' of the line, the value to the line feed. NUL is
                    // refused in both (it is never trimmed, so a NUL anywhere in the line is in one of them).
                    int eq = all.Slice(i).IndexOfAny('=', '\n', '\0');
                    if (eq < 0 || all[i + eq] != '=') return false;
                    eq += i;
                    int lf = all.Slice(eq + 1).IndexOfAny('\n', '\0');
                    if (lf >= 0 && all[eq + 1 + lf] == '\0') return false;
                    int end = lf < 0 ? all.Length : eq + 1 + lf;
                    int ks = i, ke = eq, vs = eq + 1, ve = end;
                    while (ks < ke && KvconfGrammar.IsTrimmed(all[ks])) ks++;
                    while (ke > ks && KvconfGrammar.IsTrimmed(all[ke - 1])) ke--;
                    while (vs < ve && KvconfGrammar.IsTrimmed(all[vs])) vs++;
                    while (ve > vs && KvconfGrammar.IsTrimmed(all[ve - 1])) ve--;
                    if (ke == ks || all[ks] == '#') return false;
                    var keySpan = all.Slice(ks, ke - ks);
                    var valueSpan = all.Slice(vs, ve - vs);
                    int known = index.IndexOf(keySpan);
                    string? value = null;
                    string? reportKey = null;
                    if (known >= 0)
                    {
                        seen ??= new bool[index.Count];
                        if (seen[known]) return false;
                        seen[known] = true;
                        if (target.Apply(known, valueSpan) is { } error)
                        {
                            int line = LineNumber(all, pos, ref countedTo, ref countedLine);
                            refused = Refused(catalog, keys[known].Name, error, line, vs - pos + 1, Math.Max(ve, vs + 1) - pos + 1);
                            return false;
                        }
                        if (KvconfGrammar.IndexOfInlineComment(valueSpan) >= 0) reportKey = keys[known].Name;
                    }
                    else
                    {
                        var key = keySpan.ToString();
                        if (target.UnknownKeys.ContainsKey(key)) return false;
                        value = valueSpan.ToString();
                        target.UnknownKeys.AddParsed(key, value);
                        // A key of another Sora version is kept quietly; Validate() reports it (SORA2001).
                        if (!catalog.TryGetKey(key, out var info) || info.ExistsIn(version) || KvconfGrammar.IndexOfInlineComment(valueSpan) >= 0) reportKey = key;
                    }
                    if (reportKey != null) Warn(ref warnings, catalog, version, reportKey, value ?? valueSpan.ToString(), LineNumber(all, pos, ref countedTo, ref countedLine), ks - pos, ke - pos, vs - pos, ve - pos);
                    if (lf < 0) return true;
                    from = end;
                }
                // Comment and blank lines in between are passed over in one search.
                int next = NextPossibleEntry(all, from);
                if (next < 0) return true;
                pos = next;
            }
        }

        /// <summary>The start of the first line after <paramref name="from"/> that does not begin with '#' and
        /// is not empty (so it may be an entry), or -1. Every line passed over is a comment or blank.</summary>
        private static int NextPossibleEntry(ReadOnlySpan<char> text, int from)
        {
            int i = from;
#if NET
            // Line feeds followed by neither '#' nor another line feed, 32, 16 or 8 characters at a time.
            ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            if (Vector512.IsHardwareAccelerated)
            {
                var lf = Vector512.Create((ushort)'\n');
                var hash = Vector512.Create((ushort)'#');
                for (; i + Vector512<ushort>.Count < text.Length; i += Vector512<ushort>.Count)
                {
                    var here = Vector512.LoadUnsafe(ref start, (nuint)i);
                    var after = Vector512.LoadUnsafe(ref start, (nuint)(i + 1));
                    var found = Vector512.Equals(here, lf) & ~(Vector512.Equals(after, hash) | Vector512.Equals(after, lf));
                    if (found != Vector512<ushort>.Zero) return i + BitOperations.TrailingZeroCount(found.ExtractMostSignificantBits()) + 1;
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var lf = Vector256.Create((ushort)'\n');
                var hash = Vector256.Create((ushort)'#');
                for (; i + Vector256<ushort>.Count < text.Length; i += Vector256<ushort>.Count)
                {
                    var here = Vector256.LoadUnsafe(ref start, (nuint)i);
                    var after = Vector256.LoadUnsafe(ref start, (nuint)(i + 1));
                    var found = Vector256.Equals(here, lf) & ~(Vector256.Equals(after, hash) | Vector256.Equals(after, lf));
                    if (found != Vector256<ushort>.Zero) return i + BitOperations.TrailingZeroCount(found.ExtractMostSignificantBits()) + 1;
                }
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var lf = Vector128.Create((ushort)'\n');
                var hash = Vector128.Create((ushort)'#');
                for (; i + Vector128<ushort>.Count < text.Length; i += Vector128<ushort>.Count)
                {
                    var here = Vector128.LoadUnsafe(ref start, (nuint)i);
                    var after = Vector128.LoadUnsafe(ref start, (nuint)(i + 1));
                    var found = Vector128.Equals(here, lf) & ~(Vector128.Equals(after, hash) | Vector128.Equals(after, lf));
                    if (found != Vector128<ushort>.Zero) return i + BitOperations.TrailingZeroCount(found.ExtractMostSignificantBits()) + 1;
                }
            }
#endif
            // The last character has no next line to look at: a final line feed ends the file.
            for (; i + 1 < text.Length; i++)
            {
                if (text[i] == '\n' && text[i + 1] != '#' && text[i + 1] != '\n') return i + 1;
            }
            return -1;
        }

        /// <summary>The 1-based number of the line starting at <paramref name="lineStart"/> (only for warnings; lines only move forward).</summary>
        private static int LineNumber(ReadOnlySpan<char> text, int lineStart, ref int countedTo, ref int countedLine)
        {
            foreach (char c in text.Slice(countedTo, lineStart - countedTo)) if (c == '\n') countedLine++;
            countedTo = lineStart;
            return countedLine;
        }

        /// <summary>SORA0003 for a value the generated class refused, worded as the rule engine words it.</summary>
        private static SoraConfDiagnostic Refused(SoraCatalog catalog, string key, SoraValueError error, int line, int column, int endColumn)
        {
            var message = catalog.TryGetRule("SORA0003", out var rule)
                ? SoraRuleEngine.Fill(rule.Message, key, detail: error.Text.Current)
                : error.Text.Current;
            return new SoraConfDiagnostic("SORA0003", SoraConfSeverity.Error, message, key, line, column, line, endColumn);
        }

        /// <summary>The warnings a well-formed line can carry (SORA0004, SORA0005), from the rule engine, placed on the line.</summary>
        private static void Warn(ref List<SoraConfDiagnostic>? warnings, SoraCatalog catalog, string version, string key, string value, int line, int ks, int ke, int vs, int ve)
        {
            warnings ??= new List<SoraConfDiagnostic>();
            foreach (var finding in SoraRuleEngine.Evaluate(new[] { new KeyValuePair<string, string>(key, value) }, FileOptions(catalog, version), null, keyLevelOnly: true))
            {
                if (finding.Key != key || !finding.RuleId.StartsWith("SORA0", StringComparison.Ordinal)) continue;
                bool onValue = finding.Target == SoraFindingTarget.Value && ve > vs;
                int start = onValue ? vs : ks, stop = onValue ? ve : ke;
                warnings.Add(new SoraConfDiagnostic(finding.RuleId, finding.Severity, finding.Message, key, line, start + 1, line, stop + 1));
            }
        }

        /// <summary>Reads a file as Sora does (bytes, UTF-8 checked). Throws <see cref="SoraConfParseException"/>
        /// for a BOM or bytes that are not UTF-8, which text-based parsing could not see.</summary>
        public static string ReadFile(string path, SoraCatalog catalog, string version)
        {
            var bytes = File.ReadAllBytes(path);
            bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            if (!bom)
            {
                try
                {
                    return StrictUtf8.GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    // fall through: report with positions
                }
            }
            var diagnostics = SoraConfLinter.Lint(SoraConfDocument.Parse(bytes, path), FileOptions(catalog, version)).Where(d => d.Id.StartsWith("SORA0", StringComparison.Ordinal)).ToList();
            throw new SoraConfParseException(diagnostics);
        }

        /// <summary>Writes the settings (as <see cref="SoraConfWriter.Write"/>: UTF-8 without BOM, LF) with
        /// <see cref="AtomicFile"/>; a new file is created with mode 0600 when a key that the class's catalog marks
        /// secret has a value.</summary>
        public static void Save(string path, IReadOnlyList<KeyValuePair<string, string>> settings, SoraCatalog catalog)
        {
            var text = SoraConfWriter.Write(settings);
            AtomicFile.Write(path, new UTF8Encoding(false).GetBytes(text), SoraConfWriter.ContainsSecret(settings, catalog));
        }

        /// <summary>Writes text atomically as UTF-8 without BOM with LF line endings; a new file is created with
        /// mode 0600 when the text sets a secret key of the bundled catalog. (Kept for classes generated by an
        /// earlier generator; the generator now calls the overload that takes the class's catalog.)</summary>
        public static void Save(string path, string text) =>
            AtomicFile.Write(path, new UTF8Encoding(false).GetBytes(text), SoraConfDocument.Parse(text).ContainsSecret());

        /// <summary>The rule catalogue on effective values (every rule but the file-level ones).</summary>
        public static IReadOnlyList<SoraConfDiagnostic> Validate(IEnumerable<KeyValuePair<string, string>> settings, SoraCatalog catalog, string version, SoraConfProfile profile)
        {
            var findings = SoraRuleEngine.Evaluate(settings, new SoraConfEvaluationOptions { Catalog = catalog, SoraVersion = version, Profile = profile });
            return findings.Select(f => new SoraConfDiagnostic(f.RuleId, f.Severity, f.Message, f.Key, 0, 0, 0, 0)).ToList();
        }

        /// <summary>A one-line summary for logs; secret values are masked.</summary>
        public static string Describe(string typeName, string version, IEnumerable<KeyValuePair<string, string>> settings, SoraCatalog catalog)
        {
            var sb = new StringBuilder(typeName).Append(" (Sora ").Append(version).Append(") {");
            bool first = true;
            foreach (var pair in settings)
            {
                sb.Append(first ? " " : ", ").Append(pair.Key).Append(" = ");
                sb.Append(catalog.TryGetKey(pair.Key, out var key) && key.IsSecret ? "***" : pair.Value);
                first = false;
            }
            return sb.Append(first ? "}" : " }").ToString();
        }

        public static bool TryParse(SoraKeyInfo key, string text, out object? value, out SoraValueError? error) =>
            SoraValueCodec.TryParse(key, text, out value, out error);

        // Typed readers for generated Apply: each takes the value as a span of the file and returns why it is
        // invalid, or null. Values that read cleanly take the codec's span path (no substring, no boxing);
        // anything else goes through TryParse, so the result and the error are always the codec's.

        public static SoraValueError? ReadBool(SoraKeyInfo key, ReadOnlySpan<char> text, out bool value)
        {
            if (SoraValueCodec.TryReadBool(text, out value)) return null;
            if (!TryParse(key, text.ToString(), out var parsed, out var error)) return error;
            value = ToBool(parsed!);
            return null;
        }

        public static SoraValueError? ReadInt(SoraKeyInfo key, ReadOnlySpan<char> text, out int value)
        {
            if (SoraValueCodec.TryReadInteger(key, text, out long n) && n >= int.MinValue && n <= int.MaxValue)
            {
                value = (int)n;
                return null;
            }
            value = 0;
            if (!TryParse(key, text.ToString(), out var parsed, out var error)) return error;
            return TryToInt(parsed!, out value, out error) ? null : error;
        }

        public static SoraValueError? ReadDouble(SoraKeyInfo key, ReadOnlySpan<char> text, out double value)
        {
            if (SoraValueCodec.TryReadFloat(key, text, out value)) return null;
            if (!TryParse(key, text.ToString(), out var parsed, out var error)) return error;
            value = ToDouble(parsed!);
            return null;
        }

        public static SoraValueError? ReadTimeSpan(SoraKeyInfo key, ReadOnlySpan<char> text, out TimeSpan value)
        {
            if (SoraValueCodec.TryReadInterval(key, text, out var interval))
            {
                value = interval.ToTimeSpan();
                return null;
            }
            value = default;
            if (!TryParse(key, text.ToString(), out var parsed, out var error)) return error;
            value = ToTimeSpan(parsed!);
            return null;
        }

        public static SoraValueError? ReadAddress(SoraKeyInfo key, ReadOnlySpan<char> text, out IPAddress? value)
        {
            IPAddress? address = null;
            bool read = key.Type switch
            {
                SoraValueType.Ipv4 => SoraValueCodec.TryParseIpv4Strict(text, out address),
                SoraValueType.Ipv6 => SoraValueCodec.TryReadIpv6(text, out address),
                _ => false,
            };
            if (read)
            {
                value = address;
                return null;
            }
            value = null;
            if (!TryParse(key, text.ToString(), out var parsed, out var error)) return error;
            value = ToAddress(parsed!);
            return null;
        }

        /// <summary>The index of the candidate the text spells; generated enums list the candidates in schema order.</summary>
        /// <summary>An enum value: checked against the runtime catalogue (the codec's error when it is not a candidate),
        /// then matched by spelling against the candidates the class was generated with, so a class built against
        /// another version of this library never gets a member by position.</summary>
        public static SoraValueError? ReadEnum(SoraKeyInfo key, ReadOnlySpan<char> text, string[] spellings, out int value)
        {
            value = -1;
            if (SoraValueCodec.IndexOfCandidate(key, text) < 0)
            {
                return TryParse(key, text.ToString(), out _, out var error) ? null : error;
            }
            for (int i = 0; i < spellings.Length; i++)
            {
                if (text.SequenceEqual(spellings[i].AsSpan()))
                {
                    value = i;
                    return null;
                }
            }
            var shown = text.ToString();
            return new SoraValueError(
                $"'{shown}' is a value of {key.Name} that this class was not generated with; rebuild it against the Sora.Config version it runs with",
                $"'{shown}' は {key.Name} の値ですが、このクラスの生成時には存在しませんでした。実行時と同じバージョンの Sora.Config でビルドし直してください");
        }

        /// <summary>Values kept as objects (text, URLs, lists): the codec's string path.</summary>
        public static SoraValueError? Read(SoraKeyInfo key, ReadOnlySpan<char> text, out object? value) =>
            TryParse(key, text.ToString(), out value, out var error) ? null : error;

        public static string Format(SoraKeyInfo key, object value) => SoraValueCodec.Format(key, value);

        public static bool ToBool(object value) => (bool)value;

        /// <summary>Integers are read as long; a value beyond int cannot reach a generated property.</summary>
        public static bool TryToInt(object value, out int result, out SoraValueError? error)
        {
            long n = (long)value;
            if (n < int.MinValue || n > int.MaxValue)
            {
                result = 0;
                error = new SoraValueError($"{n} does not fit a 32-bit integer", $"{n} は 32 ビット整数に収まりません");
                return false;
            }
            result = (int)n;
            error = null;
            return true;
        }

        public static double ToDouble(object value) => (double)value;

        public static TimeSpan ToTimeSpan(object value) => ((SoraInterval)value).ToTimeSpan();

        public static IPAddress ToAddress(object value) => (IPAddress)value;

        public static Uri ToUri(object value) => (Uri)value;

        public static string ToText(object value) => (string)value;

        public static IReadOnlyList<T> ToList<T>(object value, Func<object, T> item) => ((IEnumerable<object>)value).Select(item).ToList();

        /// <summary>Setter check for value types: the value must be writable and valid for the key.</summary>
        public static T? Check<T>(SoraKeyInfo key, string property, T? value) where T : struct
        {
            if (value is { } v) CheckValue(key, property, v);
            return value;
        }

        /// <summary>Setter check for reference types.</summary>
        public static T? CheckRef<T>(SoraKeyInfo key, string property, T? value) where T : class
        {
            if (value is not null) CheckValue(key, property, value);
            return value;
        }

        private static void CheckValue(SoraKeyInfo key, string property, object value)
        {
            if (key.ScalarType == SoraValueType.Ipv4 || key.ScalarType == SoraValueType.Ipv6)
            {
                var want = key.ScalarType == SoraValueType.Ipv4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
                foreach (var address in value is IPAddress one ? new[] { one } : ((IEnumerable<IPAddress>)value))
                {
                    if (address.AddressFamily != want)
                        throw new ArgumentException($"{property} ({key.Name}) takes an {(want == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address, not {address}.", property);
                }
            }

            string text;
            try
            {
                text = Format(key, value);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentOutOfRangeException(property, value, ex.Message);
            }
            SoraConfWriter.CheckWritable(key.Name, text, key.IsSecret);
            if (!SoraValueCodec.TryParse(key, text, out _, out var error))
            {
                var message = $"{property} ({key.Name}): {error!.Text.English}";
                bool range = key.Type is SoraValueType.Int or SoraValueType.Port or SoraValueType.Float or SoraValueType.Interval;
                if (range) throw new ArgumentOutOfRangeException(property, key.IsSecret ? null : value, message);
                throw new ArgumentException(message, property);
            }
        }
    }
}
