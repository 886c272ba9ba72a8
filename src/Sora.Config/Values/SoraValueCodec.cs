using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sora.Config.Catalog;

namespace Sora.Config.Values
{
    /// <summary>Reads and writes sora.conf values with exactly the spellings Sora (kvconf) accepts.
    /// Parsed values are: bool, long (int, port), double (float), string (string, enum, fqdn, path),
    /// <see cref="SoraInterval"/>, <see cref="IPAddress"/>, <see cref="Uri"/> (url), and
    /// <see cref="IReadOnlyList{T}"/> of object for lists. See docs/values.md for where we are
    /// deliberately stricter than kvconf.</summary>
    public static class SoraValueCodec
    {
        // Booleans are read from every file: one box each instead of one per value.
        private static readonly object BoxedTrue = true;
        private static readonly object BoxedFalse = false;

        /// <summary>Parses <paramref name="text"/> (already trimmed, as Sora trims) for <paramref name="key"/>.</summary>
        public static bool TryParse(SoraKeyInfo key, string text, [NotNullWhen(true)] out object? value, [NotNullWhen(false)] out SoraValueError? error)
        {
            if (key.Type == SoraValueType.List)
            {
                var items = new List<object>();
                foreach (var item in SplitList(text))
                {
                    if (!TryParseScalar(key, key.ScalarType, item, out var parsed, out error))
                    {
                        value = null;
                        return false;
                    }
                    items.Add(parsed!);
                }
                value = items;
                error = null;
                return true;
            }
            return TryParseScalar(key, key.Type, text, out value, out error);
        }

        /// <summary>The canonical sora.conf spelling of a parsed value.</summary>
        public static string Format(SoraKeyInfo key, object value)
        {
            switch (value)
            {
                case bool b: return b ? "true" : "false";
                case long l: return l.ToString(CultureInfo.InvariantCulture);
                case int i: return i.ToString(CultureInfo.InvariantCulture);
                case double d: return FormatFloat(d);
                case SoraInterval interval: return interval.ToString();
                case TimeSpan span:
                    if (!SoraInterval.TryFromTimeSpan(span, key.Units, key.DefaultUnit, out var iv))
                        throw new ArgumentException($"{key.Name}: {span} cannot be written in the units Sora allows for this key ({UnitList(key)}).");
                    return iv.ToString();
                case IPAddress address: return address.ToString();
                case Uri uri: return uri.OriginalString;
                case string s: return s;
                case System.Collections.IEnumerable list:
                    var parts = new List<string>();
                    foreach (var item in list) parts.Add(Format(key, item!));
                    return string.Join(",", parts);
                default: return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            }
        }

        /// <summary>True when <paramref name="text"/> is valid for the key; <paramref name="canonical"/> is then its canonical
        /// spelling (null when false).</summary>
        public static bool TryCanonicalize(SoraKeyInfo key, string text, [MaybeNullWhen(false)] out string canonical)
        {
            if (TryParse(key, text, out var value, out _))
            {
                canonical = Format(key, value);
                return true;
            }
            canonical = null;
            return false;
        }

        /// <summary>kvconf list syntax: items separated by commas and/or spaces; empty items dropped.</summary>
        public static IEnumerable<string> SplitList(string text)
        {
            int start = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] != ',' && text[i] != ' ') continue;
                if (i > start) yield return text.Substring(start, i - start);
                start = i + 1;
            }
        }

        private static bool TryParseScalar(SoraKeyInfo key, SoraValueType type, string text, [NotNullWhen(true)] out object? value, [NotNullWhen(false)] out SoraValueError? error)
        {
            value = null;
            error = null;
            switch (type)
            {
                case SoraValueType.Bool:
                    if (text == "true" || text == "false")
                    {
                        value = text == "true" ? BoxedTrue : BoxedFalse;
                        return true;
                    }
                    error = new SoraValueError($"{Shown(key, text)} is not a boolean; write true or false in lowercase", $"{ShownJa(key, text)} は真偽値ではありません。小文字の true か false を書いてください");
                    return false;

                case SoraValueType.Int:
                case SoraValueType.Port:
                    return TryParseInteger(key, text, out value, out error);

                case SoraValueType.Float:
                    // OTP's float reader also takes a comma as the decimal separator (docs/grammar.md#value-float).
                    if (IsErlangFloat(text.AsSpan()) && double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
                    {
                        if (!InRange(key, d, out error)) return false;
                        value = d;
                        return true;
                    }
                    error = new SoraValueError($"{Shown(key, text)} is not a float; write digits, a dot and digits (e.g. 1.5)", $"{ShownJa(key, text)} は浮動小数点数ではありません。数字・ドット・数字の形式 (例: 1.5) で書いてください");
                    return false;

                case SoraValueType.String:
                case SoraValueType.PemFullchainFile:
                case SoraValueType.PemCertFile:
                case SoraValueType.PemPrivkeyFile:
                    // kvconf's strings accept anything; its PEM types read the file when Sora starts, which a lint of
                    // the text cannot (docs/grammar.md#value-string).
                    value = text;
                    return true;

                case SoraValueType.Enum:
                    if (IndexOfCandidate(key, text.AsSpan()) >= 0)
                    {
                        value = text;
                        return true;
                    }
                    var list = string.Join(", ", key.Candidates);
                    error = new SoraValueError($"{Shown(key, text)} is not one of {list} (case-sensitive)", $"{ShownJa(key, text)} は {list} のいずれでもありません (大文字小文字を区別します)");
                    return false;

                case SoraValueType.Interval:
                    return TryParseInterval(key, text, out value, out error);

                case SoraValueType.Ipv4:
                    if (TryParseIpv4Strict(text.AsSpan(), out var v4))
                    {
                        value = v4;
                        return true;
                    }
                    error = new SoraValueError($"{Shown(key, text)} is not a strict IPv4 address; write four decimal numbers 0-255 without leading zeros, port or prefix", $"{ShownJa(key, text)} は厳密な IPv4 アドレスではありません。先頭のゼロ・ポート・プレフィックスなしで 0-255 の十進数を四つ書いてください");
                    return false;

                case SoraValueType.Ipv6:
                    return TryParseIpv6(key, text, out value, out error);

                case SoraValueType.Url:
                    return TryParseUrl(key, text, out value, out error);

                default:
                    value = text;
                    return true;
            }
        }

        // Span readers for generated classes: each accepts exactly what TryParse accepts for the type, with the
        // same value, or says false; a false is then sent to TryParse, which decides and words the error.

        /// <summary>The index of the candidate <paramref name="text"/> spells (case-sensitive), or -1.</summary>
        internal static int IndexOfCandidate(SoraKeyInfo key, ReadOnlySpan<char> text)
        {
            var candidates = key.Candidates;
            for (int i = 0; i < candidates.Count; i++)
            {
                if (text.SequenceEqual(candidates[i].AsSpan())) return i;
            }
            return -1;
        }

        internal static bool TryReadBool(ReadOnlySpan<char> text, out bool value)
        {
            value = text.SequenceEqual("true".AsSpan());
            return value || text.SequenceEqual("false".AsSpan());
        }

        internal static bool TryReadInteger(SoraKeyInfo key, ReadOnlySpan<char> text, out long value)
        {
            value = 0;
            return IsErlangInteger(text) && TryReadLong(text, out value) && IsInRange(key, value);
        }

        internal static bool TryReadFloat(SoraKeyInfo key, ReadOnlySpan<char> text, out double value)
        {
#if NET
            value = 0;
            return IsErlangFloat(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value) && IsInRange(key, value);
#else
            value = 0;
            return false;
#endif
        }

        internal static bool TryReadIpv6(ReadOnlySpan<char> text, out IPAddress address)
        {
#if NET
            if (text.IndexOf('%') < 0 && text.IndexOf(':') >= 0 && text.IndexOfAny(NotInIpv6) < 0
                && IPAddress.TryParse(text, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6)
            {
                address = parsed;
                return true;
            }
#endif
            address = IPAddress.None;
            return false;
        }

        // How a rejected value is quoted in messages (a secret never is). Built only on the error path:
        // building both spellings for every value parsed was a large share of reading a file.
        private static string Shown(SoraKeyInfo key, string text) => key.IsSecret ? "the value" : "'" + text + "'";

        private static string ShownJa(SoraKeyInfo key, string text) => key.IsSecret ? "値" : "'" + text + "'";

        /// <summary>True for a value kvconf accepts that no .NET type of its key can hold (an integer beyond 64 bits, an
        /// interval longer than a TimeSpan, a URL System.Uri cannot parse): the codec keeps it as its text.</summary>
        internal static bool IsHeldAsText(SoraKeyInfo key, object? value) =>
            value is string && key.ScalarType is not (SoraValueType.String or SoraValueType.Enum or SoraValueType.PemFullchainFile or SoraValueType.PemCertFile or SoraValueType.PemPrivkeyFile);

        private static bool TryParseInteger(SoraKeyInfo key, string text, [NotNullWhen(true)] out object? value, [NotNullWhen(false)] out SoraValueError? error)
        {
            value = null;
            error = null;
            if (!IsErlangInteger(text.AsSpan()))
            {
                error = new SoraValueError($"{Shown(key, text)} is not an integer; write decimal digits only (no '_', no decimals, no hex)", $"{ShownJa(key, text)} は整数ではありません。十進の数字だけを書いてください ('_'、小数、16 進数は使えません)");
                return false;
            }
            if (!TryReadLong(text.AsSpan(), out long n))
            {
                // Beyond 64 bits. Erlang's integers have no limit: kvconf checks only the key's range, if it has one.
                var bounds = key.Bounds;
                if (text[0] == '-' ? bounds.Min is null : bounds.Max is null)
                {
                    value = text;
                    return true;
                }
                error = new SoraValueError($"{Shown(key, text)} is outside the allowed range {key.Min ?? "…"}..{key.Max ?? "…"}", $"{ShownJa(key, text)} は許容範囲 {key.Min ?? "…"}..{key.Max ?? "…"} の外です");
                return false;
            }
            if (!InRange(key, n, out error)) return false;
            value = n;
            return true;
        }

        /// <summary>An Erlang integer (optional sign, ASCII digits; already checked) as long; false when it overflows.</summary>
        private static bool TryReadLong(ReadOnlySpan<char> text, out long n)
        {
            bool negative = text[0] == '-';
            int i = text[0] == '+' || negative ? 1 : 0;
            ulong acc = 0;
            for (; i < text.Length; i++)
            {
                ulong digit = (ulong)(text[i] - '0');
                if (acc > (ulong.MaxValue - digit) / 10)
                {
                    n = 0;
                    return false;
                }
                acc = acc * 10 + digit;
            }
            if (negative ? acc > (ulong)long.MaxValue + 1 : acc > long.MaxValue)
            {
                n = 0;
                return false;
            }
            n = negative ? (long)(0 - acc) : (long)acc;
            return true;
        }

        private static bool IsInRange(SoraKeyInfo key, double n)
        {
            var bounds = key.Bounds;
            return !((bounds.Min is { } lo && n < lo) || (bounds.Max is { } hi && n > hi));
        }

        private static bool InRange(SoraKeyInfo key, double n, [NotNullWhen(false)] out SoraValueError? error)
        {
            error = null;
            if (!IsInRange(key, n))
            {
                var range = $"{key.Min ?? "-∞"}..{key.Max ?? "∞"}";
                var num = n.ToString(CultureInfo.InvariantCulture);
                error = new SoraValueError($"{num} is outside the allowed range {range}", $"{num} は許容範囲 {range} の外です");
                return false;
            }
            return true;
        }

        private static bool TryParseInterval(SoraKeyInfo key, string text, [NotNullWhen(true)] out object? value, [NotNullWhen(false)] out SoraValueError? error)
        {
            if (TryReadInterval(key, text.AsSpan(), out var read))
            {
                value = read;
                error = null;
                return true;
            }
            return TryParseIntervalSlow(key, text, out value, out error);
        }

        /// <summary>The common spelling (digits and '_', spaces, a unit) without cutting strings; false sends
        /// the value to <see cref="TryParseIntervalSlow"/>, which decides and words the error.</summary>
        internal static bool TryReadInterval(SoraKeyInfo key, ReadOnlySpan<char> text, out SoraInterval interval)
        {
            interval = default;
            int i = 0, digits = 0;
            long amount = 0;
            for (; i < text.Length && text[i] != ' '; i++)
            {
                char c = text[i];
                if (c == '_') continue;
                if (c < '0' || c > '9' || ++digits > 12) return false;
                amount = amount * 10 + (c - '0');
            }
            if (digits == 0) return false;
            while (i < text.Length && text[i] == ' ') i++;
            var unitText = text.Slice(i);
            if (!SoraValueTypes.TryParseUnit(unitText, out var unit) || !Contains(key.Units, unit)) return false;
            long ms = amount * SoraInterval.Factor(unit);
            if (ms > SoraInterval.MaxMilliseconds) return false;
            var bounds = key.Bounds;
            if ((bounds.MinMs is { } min && ms < min) || (bounds.MaxMs is { } max && ms > max)) return false;
            interval = new SoraInterval(amount, unit);
            return true;
        }

        private static bool TryParseIntervalSlow(SoraKeyInfo key, string text, [NotNullWhen(true)] out object? value, [NotNullWhen(false)] out SoraValueError? error)
        {
            value = null;
            error = null;
            var parts = text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                var units = UnitList(key);
                error = new SoraValueError($"{Shown(key, text)} is not an interval; write a whole number, a space and a unit ({units}), e.g. 30 s", $"{ShownJa(key, text)} は時間の形式ではありません。整数・スペース・単位 ({units}) の順で書いてください (例: 30 s)");
                return false;
            }
            var number = parts[0].Replace("_", "");
            bool huge = false;
            if (IsErlangInteger(number.AsSpan()) && !long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                // Beyond 64 bits (Erlang's integers have no limit): longer than any interval a TimeSpan holds.
                huge = true;
                number = number[0] == '-' ? "-1" : long.MaxValue.ToString(CultureInfo.InvariantCulture);
            }
            if (!IsErlangInteger(number.AsSpan()) || !long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long amount))
            {
                error = new SoraValueError($"{Shown(key, text)} is not an interval: '{parts[0]}' is not a whole number", $"{ShownJa(key, text)} は時間の形式ではありません: '{parts[0]}' は整数ではありません");
                return false;
            }
            if (!SoraValueTypes.TryParseUnit(parts[1], out var unit) || !Contains(key.Units, unit))
            {
                var units = UnitList(key);
                error = new SoraValueError($"'{parts[1]}' is not a unit this key accepts; use {units} (case-sensitive)", $"'{parts[1]}' はこのキーで使える単位ではありません。{units} を使ってください (大文字小文字を区別します)");
                return false;
            }
            if (amount < 0)
            {
                error = new SoraValueError($"{Shown(key, text)} is negative", $"{ShownJa(key, text)} は負の値です");
                return false;
            }
            var interval = new SoraInterval(amount, unit);
            long ms;
            try
            {
                ms = interval.TotalMilliseconds;
            }
            catch (OverflowException)
            {
                ms = long.MaxValue;
            }
            if ((huge || ms > SoraInterval.MaxMilliseconds) && key.Bounds.MaxMs is null)
            {
                // kvconf accepts it (it checks only a range the key has); no .NET type holds it, so it stays text.
                value = text;
                return true;
            }
            if (ms > SoraInterval.MaxMilliseconds)
            {
                error = new SoraValueError($"{Shown(key, text)} is too large; the longest interval is {SoraInterval.MaxMilliseconds} ms (about 29,000 years)", $"{ShownJa(key, text)} は大きすぎます。最長は {SoraInterval.MaxMilliseconds} ms (約 29,000 年) です");
                return false;
            }
            var bounds = key.Bounds;
            if ((bounds.MinMs is { } min && ms < min) || (bounds.MaxMs is { } max && ms > max))
            {
                var range = $"{key.Min ?? "0 ms"}..{key.Max ?? "∞"}";
                error = new SoraValueError($"{Shown(key, text)} is outside the allowed range {range}", $"{ShownJa(key, text)} は許容範囲 {range} の外です");
                return false;
            }
            value = interval;
            return true;
        }

        internal static long IntervalMs(string text)
        {
            var parts = text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            SoraValueTypes.TryParseUnit(parts[1], out var unit);
            return long.Parse(parts[0].Replace("_", ""), CultureInfo.InvariantCulture) * SoraInterval.Factor(unit);
        }

        internal static string UnitList(SoraKeyInfo key)
        {
            var names = new List<string>();
            foreach (var u in key.Units) names.Add(SoraValueTypes.UnitName(u));
            return string.Join(", ", names);
        }

        private static bool Contains(IReadOnlyList<SoraTimeUnit> units, SoraTimeUnit unit)
        {
            for (int i = 0; i < units.Count; i++) if (units[i] == unit) return true;
            return false;
        }

        /// <summary>Erlang binary_to_integer: optional sign, then ASCII digits.</summary>
        private static bool IsErlangInteger(ReadOnlySpan<char> text)
        {
            int start = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? 1 : 0;
            if (text.Length == start) return false;
            for (int i = start; i < text.Length; i++) if (text[i] < '0' || text[i] > '9') return false;
            return true;
        }

        /// <summary>Erlang binary_to_float: digits '.' digits, optional exponent.</summary>
        private static bool IsErlangFloat(ReadOnlySpan<char> text)
        {
            int i = 0;
            if (i < text.Length && (text[i] == '+' || text[i] == '-')) i++;
            int digits = i;
            while (i < text.Length && char.IsDigit(text[i]) && text[i] < 128) i++;
            if (i == digits || i >= text.Length || (text[i] != '.' && text[i] != ',')) return false;
            i++;
            int frac = i;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
            if (i == frac) return false;
            if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
            {
                i++;
                if (i < text.Length && (text[i] == '+' || text[i] == '-')) i++;
                int exp = i;
                while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
                if (i == exp) return false;
            }
            return i == text.Length;
        }

        private static string FormatFloat(double d)
        {
            var s = d.ToString("R", CultureInfo.InvariantCulture);
            if (s.IndexOf('E') >= 0)
            {
                var mantissa = s.Substring(0, s.IndexOf('E'));
                if (mantissa.IndexOf('.') < 0) s = mantissa + ".0" + s.Substring(s.IndexOf('E')).Replace("E+", "e").Replace("E", "e");
                else s = s.Replace("E+", "e").Replace("E", "e");
                return s;
            }
            return s.IndexOf('.') >= 0 ? s : s + ".0";
        }

        /// <summary>inet:parse_ipv4strict_address: four decimal octets 0-255, no leading zeros.</summary>
        internal static bool TryParseIpv4Strict(string text, out IPAddress address) => TryParseIpv4Strict(text.AsSpan(), out address);

        internal static bool TryParseIpv4Strict(ReadOnlySpan<char> text, out IPAddress address)
        {
            address = IPAddress.None;
            uint packed = 0;
            int pos = 0;
            for (int octet = 0; octet < 4; octet++)
            {
                int start = pos;
                int n = 0;
                while (pos < text.Length && text[pos] != '.')
                {
                    char c = text[pos];
                    if (c < '0' || c > '9' || pos - start == 3) return false;
                    n = n * 10 + (c - '0');
                    pos++;
                }
                int length = pos - start;
                if (length == 0 || (length > 1 && text[start] == '0') || n > 255) return false;
                // IPAddress(long) takes the address in network order: the first octet is the lowest byte.
                packed |= (uint)n << (8 * octet);
                if (octet < 3)
                {
                    if (pos == text.Length) return false;
                    pos++;
                }
            }
            if (pos != text.Length) return false;
            address = new IPAddress(packed);
            return true;
        }

        private static readonly char[] NotInIpv6 = { '[', ']', '/', ' ' };

        private static bool TryParseIpv6(SoraKeyInfo key, string text, [NotNullWhen(true)] out object? value, [NotNullWhen(false)] out SoraValueError? error)
        {
            value = null;
            error = null;
            // A %zone suffix is accepted whatever follows it, and dropped (docs/grammar.md#value-ipv6): the address is
            // the part before it. (Writing one is a questionable value, reported separately.)
            int zone = text.IndexOf('%');
            var address = zone < 0 ? text : text.Substring(0, zone);
            if (address.IndexOf(':') >= 0 && address.IndexOfAny(NotInIpv6) < 0
                && IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6)
            {
                value = parsed;
                return true;
            }
            error = new SoraValueError($"{Shown(key, text)} is not a strict IPv6 address; write it without brackets or prefix length", $"{ShownJa(key, text)} は厳密な IPv6 アドレスではありません。角括弧やプレフィックス長なしで書いてください");
            return false;
        }

        private static bool TryParseUrl(SoraKeyInfo key, string text, [NotNullWhen(true)] out object? value, [NotNullWhen(false)] out SoraValueError? error)
        {
            value = null;
            error = null;
            if (!UriReference.TryParse(text, out var uri) || !uri.IsHttp)
            {
                int colon = text.IndexOf(':');
                var scheme = colon > 0 ? text.Substring(0, colon) : "";
                if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
                {
                    error = scheme == "http" || scheme == "https"
                        ? new SoraValueError($"{Shown(key, text)} is not a URL Sora can read: it holds a character URLs may not contain (a space, < > \" or text outside ASCII), or a port that is not digits", $"{ShownJa(key, text)} は Sora が読める URL ではありません。URL に使えない文字 (スペース、< > \"、ASCII 以外) か、数字でないポートを含んでいます")
                        : new SoraValueError($"{Shown(key, text)}: Sora accepts the scheme only in lowercase; write {scheme.ToLowerInvariant()}:", $"{ShownJa(key, text)}: Sora はスキームを小文字でしか受け付けません。{scheme.ToLowerInvariant()}: と書いてください");
                }
                else
                {
                    error = new SoraValueError($"{Shown(key, text)} is not an http:// or https:// URL", $"{ShownJa(key, text)} は http:// または https:// の URL ではありません");
                }
                return false;
            }
            // kvconf keeps the text as written. .NET's Uri holds it where it can; a URL it cannot hold (no host, a port
            // beyond 65535: Sora accepts them, SORA0012 says why they cannot work) stays text, which a generated class,
            // whose property is a Uri, refuses with that reason.
            value = Uri.TryCreate(text, UriKind.Absolute, out var absolute) ? absolute : text;
            return true;
        }

        /// <summary>The parts of a URL value as kvconf reads it (for the questionable-value checks); false when it is not one.</summary>
        internal static bool TryReadUrl(string text, out UriReference uri) => UriReference.TryParse(text, out uri) && uri.IsHttp;

        /// <summary>A DNS host name: dot-separated labels of letters, digits and '-', no trailing dot. The reason it is not one otherwise.</summary>
        internal static bool IsHostName(string text, out SoraText why)
        {
            why = HostNameProblem(text.AsSpan()) switch
            {
                HostNameFault.None => default,
                HostNameFault.Empty => new SoraText("it is empty", "空です"),
                HostNameFault.TrailingDot => new SoraText("remove the trailing dot", "末尾のドットを取り除いてください"),
                HostNameFault.TooLong => new SoraText("it is longer than 253 characters", "253 文字を超えています"),
                _ => new SoraText("a host name is dot-separated labels of 1-63 letters, digits and '-'", "ホスト名は英数字と '-' からなる 1-63 文字のラベルをドットで区切ったものです"),
            };
            return why.English is null;
        }

        /// <summary>As <see cref="IsHostName(string, out SoraText)"/>, without building a reason: screened for every host name a generated class reads.</summary>
        internal static bool IsHostName(ReadOnlySpan<char> text) => HostNameProblem(text) == HostNameFault.None;

        private enum HostNameFault { None, Empty, TrailingDot, TooLong, Label }

        private static HostNameFault HostNameProblem(ReadOnlySpan<char> text)
        {
            if (text.Length == 0) return HostNameFault.Empty;
            if (text[text.Length - 1] == '.') return HostNameFault.TrailingDot;
            if (text.Length > 253) return HostNameFault.TooLong;
            while (true)
            {
                int dot = text.IndexOf('.');
                var label = dot < 0 ? text : text.Slice(0, dot);
                bool ok = label.Length is > 0 and <= 63 && label[0] != '-' && label[label.Length - 1] != '-';
                foreach (var c in label) ok &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
                if (!ok) return HostNameFault.Label;
                if (dot < 0) return HostNameFault.None;
                text = text.Slice(dot + 1);
            }
        }
    }
}
