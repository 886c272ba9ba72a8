using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Evaluation.Engine;
using Sora.Config.IO;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.CodeGeneration
{
    /// <summary>The runtime half of generated sora.conf classes: reading, conversions, setter checks,
    /// validation and summaries. Generated code calls these so that it stays small and so that every
    /// class behaves the same. Not meant to be called directly.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class SoraConfBinding
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>Looks up the keys a generated class uses, once per class.</summary>
        public static SoraKeyInfo[] Keys(SoraCatalog catalog, params string[] names)
        {
            var keys = new SoraKeyInfo[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                if (!catalog.TryGetKey(names[i], out var key))
                    throw new InvalidOperationException($"The sora.conf catalog has no key '{names[i]}': the generated class and the Sora.Config library come from different schemas. Rebuild with matching package versions.");
                keys[i] = key;
            }
            return keys;
        }

        /// <summary>Reads sora.conf text into <paramref name="target"/> and reports the findings of the file itself and of
        /// each setting (rules of <see cref="SoraRuleScope.File"/> and <see cref="SoraRuleScope.Entry"/> scope), exactly as
        /// <see cref="SoraConfLinter"/> does. Files the file-level checks have nothing to say about take a fast path that
        /// builds no syntax tree and cuts no substring for keys; it classifies lines with the same scanner and evaluates,
        /// through the same checks, each setting one of them might report on. Anything else falls back to the linter.
        /// Returns false when a finding is an error.</summary>
        public static bool Read(string text, ISoraConfBinding target, SoraCatalog catalog, string version, out IReadOnlyList<SoraConfDiagnostic> diagnostics)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            List<Entry>? flagged = null;
            SoraConfDiagnostic? refused = null;
            if (!ScanAndApply(text, target, catalog, version, EntryScreens.For(catalog), ref flagged, ref refused))
                return ReadWithLinter(text, target, catalog, version, refused, out diagnostics);
            diagnostics = flagged is null
                ? Array.Empty<SoraConfDiagnostic>()
                : SoraConfEvaluator.EvaluateScope(flagged, Options(catalog, version), SoraRuleScope.Entry);
            return !diagnostics.Any(d => d.Severity == SoraConfSeverity.Error);
        }

        /// <summary>Reads sora.conf text into <paramref name="target"/> as <see cref="Read(string, ISoraConfBinding, SoraCatalog, string, out IReadOnlyList{SoraConfDiagnostic})"/> does, for a caller that keeps
        /// no warnings (a generated class's <c>Parse</c>): throws <see cref="SoraConfParseException"/> with every finding
        /// when one is an error. A clean file's settings are asked only of the checks of error rules, so no warning is
        /// worked out to be thrown away. A file the fast path leaves goes to the linter, as in <c>Read</c>; a setting an
        /// error rule's check flagged (only when a project's schema raised such a rule) is read again by <c>Read</c>.</summary>
        public static void Parse(string text, ISoraConfBinding target, SoraCatalog catalog, string version)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            List<Entry>? flagged = null;
            SoraConfDiagnostic? refused = null;
            bool accepted;
            IReadOnlyList<SoraConfDiagnostic> diagnostics;
            if (!ScanAndApply(text, target, catalog, version, EntryScreens.ForErrors(catalog), ref flagged, ref refused))
            {
                accepted = ReadWithLinter(text, target, catalog, version, refused, out diagnostics);
            }
            else
            {
                if (flagged is null) return;
                target.UnknownKeys.Clear();
                accepted = Read(text, target, catalog, version, out diagnostics);
            }
            if (!accepted) throw new SoraConfParseException(diagnostics);
        }

        /// <summary>The whole file through the linter, once the fast path has left it (<paramref name="refused"/>: the
        /// value the class refused there, if that was why).</summary>
        private static bool ReadWithLinter(string text, ISoraConfBinding target, SoraCatalog catalog, string version, SoraConfDiagnostic? refused, out IReadOnlyList<SoraConfDiagnostic> diagnostics)
        {
            var found = new List<SoraConfDiagnostic>(SoraConfLinter.Run(SoraConfDocument.Parse(text), Options(catalog, version), out var run, SoraRuleScope.Entry).Diagnostics);
            // Not every reason to leave the fast path is an error (a suppression comment, say): the object still gets
            // every setting the linter read, applied afresh over whatever the fast path had applied.
            if (refused is null && !found.Any(d => d.Severity == SoraConfSeverity.Error)) refused = ApplyAll(run.Entries, target, catalog);
            // The class refused a value the catalogue accepts (an enum value it was not generated with): the linter
            // sees nothing wrong, so that refusal is the error. Never report success with a value dropped.
            if (refused != null && !found.Any(d => d.Severity == SoraConfSeverity.Error)) found.Add(refused);
            diagnostics = found;
            return !found.Any(d => d.Severity == SoraConfSeverity.Error);
        }

        /// <summary>The options of a generated class's reading: made only when something is evaluated (most clean files are not).</summary>
        private static SoraConfEvaluationOptions Options(SoraCatalog catalog, string version) =>
            new SoraConfEvaluationOptions { Catalog = catalog, SoraVersion = version };

        /// <summary>Applies every entry, classifying lines with <see cref="KvconfScanner"/>; returns false at the first
        /// thing a file-level check would report (a line problem, a duplicate, a BOM, a NUL or a lone CR in an entry line)
        /// or <paramref name="screens"/>' rules read in comments (<see cref="EntryScreens.Marks"/>), or at a value the class
        /// refuses, so the caller reports the whole file with the linter. Settings one of <paramref name="screens"/>' checks
        /// might report on are collected in <paramref name="flagged"/>.</summary>
        private static bool ScanAndApply(string text, ISoraConfBinding target, SoraCatalog catalog, string version, EntryScreens screens, ref List<Entry>? flagged, ref SoraConfDiagnostic? refused)
        {
            // Which known keys were met: a bit each, on the stack for any class the schema can produce. Allocated here, not
            // in the loop's method: the JIT compiles a method with loops and stackalloc fully at once, without the profile
            // that lets it devirtualize Apply and lay out the hot path.
            var keys = target.BindingKeys;
            var index = SoraKeyIndex.For(keys);
            int words = (index.Count + 63) >> 6;
            Span<ulong> seen = words <= 32 ? stackalloc ulong[words] : new ulong[words];
            return ScanAndApply(text, target, keys, index, catalog, version, screens, seen, ref flagged, ref refused);
        }

        private static bool ScanAndApply(string text, ISoraConfBinding target, SoraKeyInfo[] keys, SoraKeyIndex index, SoraCatalog catalog, string version, EntryScreens screens, Span<ulong> seen, ref List<Entry>? flagged, ref SoraConfDiagnostic? refused)
        {
            var all = text.AsSpan();
            // A BOM here; a NUL or a lone CR in a line read below, and what the screened rules read in comments
            // (screens.Marks), as the lines come.
            if (all.Length > 0 && all[0] == '\uFEFF') return false;
            var keyScreens = screens.ForKeys(keys);
            var marks = screens.Marks;
            int pos = 0;
            // Line numbers are counted only for flagged settings, onwards from the last one: linear however many there are.
            int countedTo = 0, countedLine = 1;
            while (true)
            {
                // pos starts a line that may be an entry; lines that start with '#' or are empty were skipped.
                int end = KvconfScanner.LineEnd(all, pos, out int equals);
                if (end < 0) return false;
                var line = all.Slice(pos, end - pos);
                var kind = KvconfScanner.Classify(line, equals, out int ks, out int ke, out int vs, out int ve);
                if (KvconfScanner.Diagnose(line, kind, ks, ke, firstLine: pos == 0) != LineProblem.None) return false;
                if (kind == SoraConfLineKind.Comment && (marks & CommentMarks.SuppressionComment) != 0 && Suppressions.IsDirectiveLike(line)) return false;
                if (kind == SoraConfLineKind.Entry)
                {
                    var keySpan = line.Slice(ks, ke - ks);
                    var valueSpan = line.Slice(vs, ve - vs);
                    int known = index.IndexOf(keySpan);
                    bool flag;
                    if (known >= 0)
                    {
                        ulong bit = 1UL << (known & 63);
                        if ((seen[known >> 6] & bit) != 0) return false;
                        seen[known >> 6] |= bit;
                        if (target.Apply(known, valueSpan) is { } error)
                        {
                            refused = Refused(catalog, keys[known].Name, error, LineNumber(all, pos, ref countedTo, ref countedLine), vs + 1, Math.Max(ve, vs + 1) + 1);
                            return false;
                        }
                        flag = keyScreens.MayReport(known, valueSpan);
                    }
                    else
                    {
                        var name = keySpan.ToString();
                        if (target.UnknownKeys.ContainsKey(name)) return false;
                        target.UnknownKeys.AddParsed(name, valueSpan.ToString());
                        bool exists = catalog.TryGetKey(name, out var info) && info.ExistsIn(version);
                        flag = screens.MayReport(info, exists, valueSpan);
                    }
                    if (flag)
                    {
                        int number = LineNumber(all, pos, ref countedTo, ref countedLine);
                        var parsedLine = SoraConfLine.Create(text, pos, end);
                        (flagged ??= new List<Entry>()).Add(new Entry(parsedLine.Key!, parsedLine.Value!, lineNumber: number, line: parsedLine));
                    }
                }
                if (end == all.Length) return true;
                // Comment and blank lines in between are passed over in one search, which also stops at what the screened
                // rules' checks read in comments (a NUL, a lone CR, a suppression comment).
                // Without marks, the search is inlined with constants the JIT folds away (most parses: Parse asks for none).
                bool marked = false;
                int next = marks == CommentMarks.None
                    ? KvconfScanner.NextPossibleEntry(all, end, CommentMarks.None, default, out _)
                    : KvconfScanner.NextPossibleEntry(all, end, marks, Suppressions.Prefix.AsSpan(), out marked);
                if (next < 0) return !marked;
                pos = next;
            }
        }

        /// <summary>Applies the linter's entries (first occurrence of each key Sora reads) to a fresh state of the target;
        /// the refusal of a value the class cannot hold, or null.</summary>
        private static SoraConfDiagnostic? ApplyAll(IReadOnlyList<Entry> entries, ISoraConfBinding target, SoraCatalog catalog)
        {
            target.UnknownKeys.Clear();
            var keys = target.BindingKeys;
            var index = SoraKeyIndex.For(keys);
            foreach (var entry in entries)
            {
                int known = index.IndexOf(entry.Key.AsSpan());
                if (known < 0)
                {
                    target.UnknownKeys.AddParsed(entry.Key, entry.Value!);
                    continue;
                }
                if (target.Apply(known, entry.Value.AsSpan()) is { } error && entry.Line is { } line)
                {
                    return Refused(catalog, entry.Key, error, entry.LineNumber, line.ValueStart + 1, Math.Max(line.ValueEnd, line.ValueStart + 1) + 1);
                }
            }
            return null;
        }

        /// <summary>The 1-based number of the line starting at <paramref name="lineStart"/> (lines only move forward).</summary>
        private static int LineNumber(ReadOnlySpan<char> text, int lineStart, ref int countedTo, ref int countedLine)
        {
            foreach (char c in text.Slice(countedTo, lineStart - countedTo)) if (c == '\n') countedLine++;
            countedTo = lineStart;
            return countedLine;
        }

        /// <summary>A value the generated class refused, reported by the catalogue's <c>value</c> rule as the linter would word it.</summary>
        private static SoraConfDiagnostic? Refused(SoraCatalog catalog, string key, SoraValueError error, int line, int column, int endColumn)
        {
            foreach (var rule in catalog.Rules)
            {
                if (rule.Check.Kind != "value") continue;
                return new SoraConfDiagnostic(rule, rule.DefaultSeverity, new SoraMessageArguments(key: key, detail: error.Text), key, SoraFindingTarget.Value, line, column, line, endColumn);
            }
            return null;
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
            throw new SoraConfParseException(SoraConfLinter.Run(SoraConfDocument.Parse(bytes, path), Options(catalog, version), out _, SoraRuleScope.Entry).Diagnostics);
        }

        /// <summary>Writes the settings (as <see cref="SoraConfWriter.Write"/>: UTF-8 without BOM, LF) with
        /// <see cref="AtomicFile"/>; a new file is created with mode 0600 when a key that the class's catalog marks
        /// secret has a value.</summary>
        public static void Save(string path, IReadOnlyList<KeyValuePair<string, string>> settings, SoraCatalog catalog)
        {
            var text = SoraConfWriter.Write(settings);
            AtomicFile.Write(path, new UTF8Encoding(false).GetBytes(text), SoraConfWriter.ContainsSecret(settings, catalog));
        }

        /// <summary>The rule catalogue on the settings and effective values (every rule but the file's own).</summary>
        public static IReadOnlyList<SoraConfDiagnostic> Validate(IEnumerable<KeyValuePair<string, string>> settings, SoraCatalog catalog, string version, SoraConfProfile profile) =>
            SoraConfEvaluator.Evaluate(settings, new SoraConfEvaluationOptions { Catalog = catalog, SoraVersion = version, Profile = profile });

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

        public static bool TryParse(SoraKeyInfo key, string text, [NotNullWhen(true)] out object? value, [NotNullWhen(false)] out SoraValueError? error) =>
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

        public static SoraValueError? ReadLong(SoraKeyInfo key, ReadOnlySpan<char> text, out long value)
        {
            if (SoraValueCodec.TryReadInteger(key, text, out value)) return null;
            value = 0;
            if (!TryParse(key, text.ToString(), out var parsed, out var error)) return error;
            if (NotHeld(key, parsed) is { } notHeld) return notHeld;
            value = (long)parsed!;
            return null;
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
            if (NotHeld(key, parsed) is { } notHeld) return notHeld;
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
            !TryParse(key, text.ToString(), out value, out var error) ? error : NotHeld(key, value);

        /// <summary>The refusal of a value Sora accepts but the class's property type cannot hold (docs/generator.md#values-a-class-cannot-hold).</summary>
        private static SoraValueError? NotHeld(SoraKeyInfo key, object? value)
        {
            if (!SoraValueCodec.IsHeldAsText(key, value)) return null;
            var shown = key.IsSecret ? "(secret)" : "'" + (string)value! + "'";
            return key.ScalarType == SoraValueType.Url
                ? new SoraValueError(
                    $"{shown} is a URL Sora accepts but cannot connect to (it has no host, or its port is beyond 65535), and this class's System.Uri property cannot hold it; fix the URL (SORA0012)",
                    $"{shown} は Sora が受け付けても接続できない URL (ホストがない、またはポートが 65535 を超える) で、このクラスの System.Uri のプロパティには保持できません。URL を直してください (SORA0012)")
                : new SoraValueError(
                    $"{shown} is a number Sora accepts but no setting can use (beyond 64 bits, or an interval of more than 29,000 years), and this class's property cannot hold it; write a realistic value (SORA0012)",
                    $"{shown} は Sora が受け付けてもどの設定にも使えない数 (64 ビットを超える、または 29,000 年を超える時間) で、このクラスのプロパティには保持できません。現実的な値を書いてください (SORA0012)");
        }

        public static string Format(SoraKeyInfo key, object value) => SoraValueCodec.Format(key, value);

        public static bool ToBool(object value) => (bool)value;

        /// <summary>Integers are read as long; a value beyond int cannot reach a generated property.</summary>
        public static bool TryToInt(object value, out int result, [NotNullWhen(false)] out SoraValueError? error)
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
