using System;

namespace Sora.Config.Values
{
    /// <summary>The URI syntax kvconf's <c>http_uri</c> type accepts: a URI reference as Erlang's <c>uri_string:parse/1</c>
    /// reads it (RFC 3986 characters only: no spaces, no <c>&lt; &gt; "</c>, nothing outside ASCII; a port of digits;
    /// percent escapes not checked) whose scheme is exactly <c>http</c> or <c>https</c>. Nothing else is required — not
    /// even a host (docs/grammar.md#value-url); what cannot work is a questionable value, reported separately.</summary>
    internal readonly struct UriReference
    {
        private UriReference(string scheme, string? host, string? port, bool hasAuthority, int pathStart)
        {
            Scheme = scheme;
            Host = host;
            Port = port;
            HasAuthority = hasAuthority;
            PathStart = pathStart;
        }

        public string Scheme { get; }

        /// <summary>The host as written (null without an authority; may be empty: <c>http:///p</c>).</summary>
        public string? Host { get; }

        /// <summary>The port digits as written (null without one; may be empty: <c>http://a:/</c>).</summary>
        public string? Port { get; }

        public bool HasAuthority { get; }

        /// <summary>Where the path starts in the text.</summary>
        public int PathStart { get; }

        public static bool TryParse(string text, out UriReference uri)
        {
            uri = default;
            foreach (char c in text)
            {
                if (!IsUriChar(c)) return false;
            }
            int colon = text.IndexOf(':');
            if (colon <= 0 || !IsAlpha(text[0])) return false;
            for (int i = 1; i < colon; i++)
            {
                char c = text[i];
                if (!IsAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
            }
            var scheme = text.Substring(0, colon);
            // '[' and ']' only delimit an IP literal host; '#' only starts the fragment, once.
            int hash = text.IndexOf('#');
            if (hash >= 0 && text.IndexOf('#', hash + 1) >= 0) return false;
            int rest = colon + 1;
            string? host = null, port = null;
            bool authority = text.Length >= rest + 2 && text[rest] == '/' && text[rest + 1] == '/';
            int pathStart = rest;
            if (authority)
            {
                int start = rest + 2;
                int end = text.IndexOfAny(AuthorityEnd, start);
                if (end < 0) end = text.Length;
                pathStart = end;
                var hostPort = text.Substring(start, end - start);
                int at = hostPort.LastIndexOf('@');
                if (at >= 0)
                {
                    if (hostPort.IndexOfAny(Brackets, 0, at) >= 0) return false;
                    hostPort = hostPort.Substring(at + 1);
                }
                if (hostPort.Length > 0 && hostPort[0] == '[')
                {
                    int close = hostPort.IndexOf(']');
                    if (close < 0) return false;
                    host = hostPort.Substring(0, close + 1);
                    var after = hostPort.Substring(close + 1);
                    if (after.Length > 0)
                    {
                        if (after[0] != ':') return false;
                        port = after.Substring(1);
                    }
                }
                else
                {
                    int portColon = hostPort.IndexOf(':');
                    host = portColon < 0 ? hostPort : hostPort.Substring(0, portColon);
                    if (portColon >= 0) port = hostPort.Substring(portColon + 1);
                    if (host.IndexOfAny(Brackets) >= 0) return false;
                }
                if (port != null)
                {
                    foreach (char c in port) if (c < '0' || c > '9') return false;
                }
            }
            if (text.IndexOfAny(Brackets, pathStart) >= 0) return false;
            uri = new UriReference(scheme, host, port, authority, pathStart);
            return true;
        }

        private static readonly char[] AuthorityEnd = { '/', '?', '#' };
        private static readonly char[] Brackets = { '[', ']' };

        private static bool IsAlpha(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        /// <summary>RFC 3986's characters: unreserved, reserved (gen-delims and sub-delims) and '%'.</summary>
        private static bool IsUriChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c is '-' or '.' or '_' or '~' or ':' or '/' or '?' or '#' or '[' or ']' or '@'
                or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or '%';
    }
}
