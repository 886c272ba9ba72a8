using System;

namespace Sora.Config.Values
{
    /// <summary>The URI syntax kvconf's <c>http_uri</c> type accepts: a URI reference as Erlang's <c>uri_string:parse/1</c>
    /// reads it (RFC 3986 characters only: no spaces, no <c>&lt; &gt; "</c>, nothing outside ASCII; a port of digits;
    /// percent escapes not checked) whose scheme is exactly <c>http</c> or <c>https</c>. Nothing else is required — not
    /// even a host (docs/grammar.md#value-url); what cannot work is a questionable value, reported separately.</summary>
    internal readonly struct UriReference
    {
        private readonly string text;
        private readonly int schemeEnd, hostStart, hostEnd, portStart;

        private UriReference(string text, int schemeEnd, int hostStart, int hostEnd, int portStart, bool hasAuthority, int pathStart)
        {
            this.text = text;
            this.schemeEnd = schemeEnd;
            this.hostStart = hostStart;
            this.hostEnd = hostEnd;
            this.portStart = portStart;
            HasAuthority = hasAuthority;
            PathStart = pathStart;
        }

        // Offsets, not substrings: every URL a generated class reads is parsed here, and its parts are rarely asked for.

        public string Scheme => text.Substring(0, schemeEnd);

        /// <summary>The scheme is exactly <c>http</c> or <c>https</c> (kvconf's http_uri), compared without a substring.</summary>
        public bool IsHttp
        {
            get
            {
                var scheme = text.AsSpan(0, schemeEnd);
                return scheme.SequenceEqual("http".AsSpan()) || scheme.SequenceEqual("https".AsSpan());
            }
        }

        /// <summary>The host as written (null without an authority; may be empty: <c>http:///p</c>).</summary>
        public string? Host => HasAuthority ? text.Substring(hostStart, hostEnd - hostStart) : null;

        /// <summary>The host as written, as a span of the text (empty without an authority).</summary>
        public ReadOnlySpan<char> HostSpan => HasAuthority ? text.AsSpan(hostStart, hostEnd - hostStart) : default;

        /// <summary>The port digits as written (null without one; may be empty: <c>http://a:/</c>).</summary>
        public string? Port => portStart >= 0 ? text.Substring(portStart, PortEnd - portStart) : null;

        /// <summary>The port digits as a span (empty without one).</summary>
        public ReadOnlySpan<char> PortSpan => portStart >= 0 ? text.AsSpan(portStart, PortEnd - portStart) : default;

        public bool HasPort => portStart >= 0;

        private int PortEnd => PathStart;

        public bool HasAuthority { get; }

        /// <summary>Where the path starts in the text.</summary>
        public int PathStart { get; }

        public static bool TryParse(string text, out UriReference uri)
        {
            uri = default;
            if (!AreUriChars(text.AsSpan())) return false;
            int colon = text.IndexOf(':');
            if (colon <= 0 || !IsAlpha(text[0])) return false;
            for (int i = 1; i < colon; i++)
            {
                char c = text[i];
                if (!IsAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
            }
            // '[' and ']' only delimit an IP literal host; '#' only starts the fragment, once.
            int hash = text.IndexOf('#');
            if (hash >= 0 && text.IndexOf('#', hash + 1) >= 0) return false;
            int rest = colon + 1;
            int hostStart = 0, hostEnd = 0, portStart = -1;
            bool authority = text.Length >= rest + 2 && text[rest] == '/' && text[rest + 1] == '/';
            int pathStart = rest;
            if (authority)
            {
                int start = rest + 2;
                int end = text.IndexOfAny(AuthorityEnd, start);
                if (end < 0) end = text.Length;
                pathStart = end;
                var hostPort = text.AsSpan(start, end - start);
                int at = hostPort.LastIndexOf('@');
                if (at >= 0)
                {
                    if (hostPort.Slice(0, at).IndexOfAny('[', ']') >= 0) return false;
                    start += at + 1;
                    hostPort = hostPort.Slice(at + 1);
                }
                hostStart = start;
                if (hostPort.Length > 0 && hostPort[0] == '[')
                {
                    int close = hostPort.IndexOf(']');
                    if (close < 0) return false;
                    hostEnd = start + close + 1;
                    if (hostEnd < end)
                    {
                        if (text[hostEnd] != ':') return false;
                        portStart = hostEnd + 1;
                    }
                }
                else
                {
                    int portColon = hostPort.IndexOf(':');
                    hostEnd = portColon < 0 ? end : start + portColon;
                    if (portColon >= 0) portStart = hostEnd + 1;
                    if (text.AsSpan(hostStart, hostEnd - hostStart).IndexOfAny('[', ']') >= 0) return false;
                }
                if (portStart >= 0)
                {
                    foreach (char c in text.AsSpan(portStart, end - portStart)) if (c < '0' || c > '9') return false;
                }
            }
            if (text.AsSpan(pathStart).IndexOfAny('[', ']') >= 0) return false;
            uri = new UriReference(text, colon, hostStart, hostEnd, portStart, authority, pathStart);
            return true;
        }

        /// <summary>What follows a URL's authority, as <see cref="TryParse"/> accepts it: RFC 3986 characters, no '[' or ']',
        /// at most one '#'.</summary>
        internal static bool IsPathQueryFragment(ReadOnlySpan<char> rest)
        {
            int hash = rest.IndexOf('#');
            return AreUriChars(rest) && rest.IndexOfAny('[', ']') < 0 && (hash < 0 || rest.Slice(hash + 1).IndexOf('#') < 0);
        }

        private static bool AreUriChars(ReadOnlySpan<char> text)
        {
#if NET
            return text.IndexOfAnyExcept(UriChars) < 0;
#else
            foreach (char c in text)
            {
                if (!IsUriChar(c)) return false;
            }
            return true;
#endif
        }

        private static readonly char[] AuthorityEnd = { '/', '?', '#' };

        private static bool IsAlpha(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

#if NET
        /// <summary>RFC 3986's characters: unreserved, reserved (gen-delims and sub-delims) and '%' (one vectorized search).</summary>
        private static readonly System.Buffers.SearchValues<char> UriChars = System.Buffers.SearchValues.Create(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%");
#else
        /// <summary>RFC 3986's characters: unreserved, reserved (gen-delims and sub-delims) and '%'.</summary>
        private static bool IsUriChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c is '-' or '.' or '_' or '~' or ':' or '/' or '?' or '#' or '[' or ']' or '@'
                or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or '%';
#endif
    }
}
