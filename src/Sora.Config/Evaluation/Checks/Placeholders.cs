using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using Sora.Config.Catalog;
using Sora.Config.Shared;
using Sora.Config.Values;

namespace Sora.Config.Evaluation.Checks
{
    /// <summary>Finds placeholder values (the <c>placeholder</c> check kind): addresses and host names that are reserved for
    /// documentation and examples, so they can never be this server's real value. `sora-conf new` writes
    /// exactly such values where the operator must fill something in.</summary>
    internal static class Placeholders
    {
        /// <summary>True when the key's values can be placeholders at all (addresses, host names, URLs).</summary>
        public static bool CanHold(SoraKeyInfo key) =>
            key.ScalarType is SoraValueType.Ipv4 or SoraValueType.Ipv6 or SoraValueType.Url || IsHostName(key);

        private static bool IsHostName(SoraKeyInfo key) => key.Format == SoraNames.FormatHostName;

        /// <summary>The reason a value is a placeholder, or null when it is not one.</summary>
        public static string? Why(SoraKeyInfo key, string text)
        {
            switch (key.Type)
            {
                case SoraValueType.Ipv4:
                case SoraValueType.Ipv6:
                case SoraValueType.String when IsHostName(key):
                    return WhyHost(text);
                case SoraValueType.Url:
                    return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? WhyHost(uri.Host) : null;
                case SoraValueType.List when key.ItemType is SoraValueType.Ipv4 or SoraValueType.Ipv6 || IsHostName(key):
                    foreach (var item in SoraValueCodec.SplitList(text))
                    {
                        if (WhyHost(item) is { } why) return why;
                    }
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>True only when <see cref="Why"/> is surely null, decided on the text without building anything: the
        /// screen asked of every address, host name and URL a generated class reads. Values of an unusual shape (non-ASCII,
        /// IPv4 in octal or hex, lists) are "not sure", and the caller asks <see cref="Why"/>.</summary>
        public static bool SurelyNone(SoraKeyInfo key, ReadOnlySpan<char> text)
        {
            switch (key.Type)
            {
                case SoraValueType.Ipv4:
                case SoraValueType.Ipv6:
                case SoraValueType.String when IsHostName(key):
                    return SurelyNoReservedHost(text);
                case SoraValueType.Url:
                    // Only the plain shape http(s)://host[:port][/…] whose host System.Uri keeps as written (lowercased).
                    return PlainUrlHost(text, out var host, out _, out _) && SurelyNoReservedHost(host);
                default:
                    return false;
            }
        }

        /// <summary>The host of <c>http(s)://host[:port]</c> followed by nothing or by '/', '?' or '#', when the authority is
        /// only ASCII letters, digits, '-', '.' and a port of digits. <paramref name="port"/> is ':' and the digits, or empty;
        /// <paramref name="authorityEnd"/> is where the authority ends.</summary>
        internal static bool PlainUrlHost(ReadOnlySpan<char> text, out ReadOnlySpan<char> host, out ReadOnlySpan<char> port, out int authorityEnd)
        {
            host = port = default;
            int start = text.StartsWith("https://".AsSpan()) ? 8 : text.StartsWith("http://".AsSpan()) ? 7 : -1;
            authorityEnd = start;
            if (start < 0) return false;
            var authority = text.Slice(start);
            int end = authority.IndexOfAny('/', '?', '#');
            if (end >= 0) authority = authority.Slice(0, end);
            authorityEnd = start + authority.Length;
            int colon = authority.IndexOf(':');
            host = colon < 0 ? authority : authority.Slice(0, colon);
            if (host.Length == 0 || !IsNameText(host)) return false;
            if (colon < 0) return true;
            port = authority.Slice(colon);
            foreach (var c in port.Slice(1)) if (c < '0' || c > '9') return false;
            return true;
        }

        private static bool SurelyNoReservedHost(ReadOnlySpan<char> host)
        {
            // An IPv6 address in the documentation range always spells its second group "db8" (zero-padded or not).
            if (host.IndexOf(':') >= 0) return host.IndexOf('.') < 0 && !ContainsDb8(host);
            if (!IsNameText(host)) return false;
            while (host.Length > 0 && host[host.Length - 1] == '.') host = host.Slice(0, host.Length - 1);
            int lastDot = host.LastIndexOf('.');
            var last = host.Slice(lastDot + 1);
            if (last.Length == 0) return false;
            // A last label that starts with a digit may be an address: decided for four decimal numbers, and left to
            // IPAddress for the other forms it reads (octal, hex, a single number). A name's last label is never numeric.
            if (last[0] >= '0' && last[0] <= '9')
                return StrictDottedQuad(host, out int a, out int b, out int c) && !(a == 192 && b == 0 && c == 2) && !(a == 198 && b == 51 && c == 100) && !(a == 203 && b == 0 && c == 113);
            // A reserved top-level name, or one of the example domains: the last one or two labels decide.
            foreach (var tld in ReservedTopLevel)
            {
                if (IsAsciiIgnoringCase(last, tld.AsSpan())) return false;
            }
            if (lastDot < 0) return true;
            var rest = host.Slice(0, lastDot);
            var second = rest.Slice(rest.LastIndexOf('.') + 1);
            foreach (var domain in ExampleDomains)
            {
                int dot = domain.IndexOf('.');
                if (IsAsciiIgnoringCase(last, domain.AsSpan(dot + 1)) && IsAsciiIgnoringCase(second, domain.AsSpan(0, dot))) return false;
            }
            return true;
        }

        /// <summary>ASCII letters, digits, '-' and '.' only.</summary>
        private static bool IsNameText(ReadOnlySpan<char> text)
        {
#if NET
            return text.IndexOfAnyExcept(NameChars) < 0;
#else
            foreach (var c in text)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
            }
            return true;
#endif
        }

#if NET
        private static readonly System.Buffers.SearchValues<char> NameChars =
            System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.");
#endif

        /// <summary>Holds "db8" in any case (a hand loop: a case-insensitive span search costs more than the rest of the screen).</summary>
        private static bool ContainsDb8(ReadOnlySpan<char> text)
        {
            for (int i = 0; i + 2 < text.Length; i++)
            {
                if ((text[i] | 0x20) == 'd' && (text[i + 1] | 0x20) == 'b' && text[i + 2] == '8') return true;
            }
            return false;
        }

        /// <summary>Four decimal numbers 0-255 without leading zeros, as IPAddress reads them; the first three.</summary>
        private static bool StrictDottedQuad(ReadOnlySpan<char> text, out int a, out int b, out int c)
        {
            a = b = c = 0;
            int part = 0, value = 0, digits = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '.')
                {
                    if (digits == 0) return false;
                    switch (part++)
                    {
                        case 0: a = value; break;
                        case 1: b = value; break;
                        case 2: c = value; break;
                        case 3: break;
                        default: return false;
                    }
                    value = digits = 0;
                    continue;
                }
                char ch = text[i];
                if (ch < '0' || ch > '9' || (digits == 1 && value == 0) || ++digits > 3) return false;
                value = value * 10 + (ch - '0');
                if (value > 255) return false;
            }
            return part == 4;
        }

        /// <summary>A label of ASCII letters, digits and '-' is <paramref name="lowercase"/>, ignoring case.</summary>
        private static bool IsAsciiIgnoringCase(ReadOnlySpan<char> label, ReadOnlySpan<char> lowercase)
        {
            if (label.Length != lowercase.Length) return false;
            for (int i = 0; i < label.Length; i++)
            {
                // Setting bit 0x20 lowercases an ASCII letter and leaves digits and '-' as they are.
                if ((label[i] | 0x20) != lowercase[i]) return false;
            }
            return true;
        }

        /// <summary>The documentation range or reserved name a host name or address belongs to, or null.</summary>
        internal static string? WhyHost(string host)
        {
            host = host.Trim('[', ']');
            if (IPAddress.TryParse(host, out var ip))
            {
                if (ip.AddressFamily == AddressFamily.InterNetwork)
                {
                    var b = ip.GetAddressBytes();
                    if (b[0] == 192 && b[1] == 0 && b[2] == 2) return "192.0.2.0/24";
                    if (b[0] == 198 && b[1] == 51 && b[2] == 100) return "198.51.100.0/24";
                    if (b[0] == 203 && b[1] == 0 && b[2] == 113) return "203.0.113.0/24";
                    return null;
                }
                if (ip.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    var b = ip.GetAddressBytes();
                    return b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 ? "2001:db8::/32" : null;
                }
                return null;
            }

            // Screened for every host name a generated class parses: no string is built unless the name needs lowercasing.
            var name = host.TrimEnd('.');
            if (NeedsLowercase(name)) name = name.ToLowerInvariant();
            foreach (var domain in ExampleDomains)
            {
                if (IsOrEndsWithLabel(name, domain)) return domain;
            }
            foreach (var tld in ReservedTopLevel)
            {
                if (IsOrEndsWithLabel(name, tld)) return "." + tld;
            }
            return null;
        }

        /// <summary><paramref name="name"/> is <paramref name="suffix"/> or ends with "." + <paramref name="suffix"/>.</summary>
        private static bool IsOrEndsWithLabel(string name, string suffix) =>
            name.EndsWith(suffix, StringComparison.Ordinal) && (name.Length == suffix.Length || name[name.Length - suffix.Length - 1] == '.');

        private static bool NeedsLowercase(string name)
        {
            foreach (var c in name)
            {
                if (c > 0x7F || (c >= 'A' && c <= 'Z')) return true;
            }
            return false;
        }

        /// <summary>RFC 2606 §3: second-level names reserved for examples.</summary>
        private static readonly string[] ExampleDomains = new[] { "example.com", "example.net", "example.org" };

        /// <summary>RFC 2606 §2: top-level names reserved for examples, invalid names and tests.</summary>
        private static readonly string[] ReservedTopLevel = new[] { "example", "invalid", "test" };
    }
}
