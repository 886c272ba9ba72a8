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
        private static readonly IReadOnlyList<string> ExampleDomains = new[] { "example.com", "example.net", "example.org" };

        /// <summary>RFC 2606 §2: top-level names reserved for examples, invalid names and tests.</summary>
        private static readonly IReadOnlyList<string> ReservedTopLevel = new[] { "example", "invalid", "test" };
    }
}
