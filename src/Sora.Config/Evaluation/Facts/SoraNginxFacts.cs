using System;
using System.Collections.Generic;
using System.Globalization;

namespace Sora.Config.Evaluation.Facts
{
    /// <summary>What nginx in front of Sora listens on and routes where, in the terms of Shiguredo's 443 layout: a
    /// <c>stream</c> server with <c>ssl_preread</c> that routes by SNI to TLS terminators (TURN-TLS, HTTPS/WSS signaling) and
    /// sends connections without a known name to Sora's TURN-TCP listener; an HTTPS server that proxies signaling and
    /// maybe the HTTP API to Sora on loopback.</summary>
    public sealed class SoraNginxFacts
    {
        /// <summary>The nginx version; null when unknown.</summary>
        public SoraFact<Version>? Version { get; set; }

        /// <summary>The TCP ports nginx listens on.</summary>
        public IList<SoraFact<int>> ListenPorts { get; } = new List<SoraFact<int>>();

        /// <summary>The port of the <c>stream</c> server that reads SNI (<c>ssl_preread on</c>): 443 in the layout; null
        /// when nginx does not split by SNI.</summary>
        public SoraFact<int>? PrereadPort { get; set; }

        /// <summary>The SNI routes of the preread server (<c>map $ssl_preread_server_name</c>), in order.</summary>
        public IList<SoraSniRoute> SniRoutes { get; } = new List<SoraSniRoute>();

        /// <summary>Where a connection without SNI, or with a name no route knows, goes: Sora's TURN-TCP listener.</summary>
        public SoraFact<SoraEndpoint>? DefaultRoute { get; set; }

        /// <summary>Where the TURN-TLS terminator sends the decrypted stream: Sora's TURN-TCP listener.</summary>
        public SoraFact<SoraEndpoint>? TurnTlsUpstream { get; set; }

        /// <summary>Where <c>/signaling</c> is proxied.</summary>
        public SoraFact<SoraEndpoint>? SignalingUpstream { get; set; }

        /// <summary>Where the HTTP API is proxied; null when nginx does not expose it.</summary>
        public SoraFact<SoraEndpoint>? ApiUpstream { get; set; }

        /// <summary>The proxied API asks for authentication (<c>auth_basic</c>) or admits only listed addresses
        /// (<c>allow</c>/<c>deny all</c>).</summary>
        public SoraFact<bool>? ApiAuthenticated { get; set; }

        /// <summary>A <c>listen unix:…</c> directive (the layout's terminators); null when nginx has none.</summary>
        public SoraFactSource? UnixSocketListener { get; set; }

        /// <summary>The signal nginx's service is stopped with, when a drop-in sets it; null = the distribution's unit.</summary>
        public SoraFact<string>? StopSignal { get; set; }

        /// <summary>Whether the preread server sends the PROXY protocol header to what its SNI map reaches
        /// (<c>proxy_protocol on</c>), at that directive or the server; null when unknown.</summary>
        public SoraFact<bool>? ProxyProtocolSent { get; set; }

        /// <summary>For each TLS terminator the SNI map reaches: whether its <c>listen</c> expects the PROXY protocol header
        /// (<c>listen … proxy_protocol</c>), at that listen line.</summary>
        public IList<SoraFact<bool>> ProxyProtocolAccepted { get; } = new List<SoraFact<bool>>();

        /// <summary>Whether the <c>/signaling</c> location passes the WebSocket upgrade on (<c>proxy_set_header Upgrade</c> and
        /// <c>Connection</c>), at the location; null when unknown or when nothing proxies signaling.</summary>
        public SoraFact<bool>? SignalingUpgradeHeaders { get; set; }

        /// <summary>Where the nginx configuration was read (its main file), for findings about something it lacks; null for
        /// a rendered bundle.</summary>
        public SoraFactSource? ConfigSource { get; set; }
    }

    /// <summary>What an SNI name reaches.</summary>
    public enum SoraSniTarget
    {
        /// <summary>A TLS terminator that forwards to Sora's TURN-TCP listener (TURN-TLS).</summary>
        TurnTls,

        /// <summary>The HTTPS server that proxies signaling (and maybe the API) to Sora.</summary>
        Signaling,

        /// <summary>Anything else.</summary>
        Other,
    }

    /// <summary>One entry of the preread server's SNI map, and the certificate its terminator presents.</summary>
    public sealed class SoraSniRoute
    {
        public SoraSniRoute(SoraFact<string> serverName, SoraSniTarget target, SoraCertificateFacts? certificate = null)
        {
            ServerName = serverName ?? throw new ArgumentNullException(nameof(serverName));
            Target = target;
            Certificate = certificate;
        }

        public SoraFact<string> ServerName { get; }

        public SoraSniTarget Target { get; }

        /// <summary>The certificate the terminator presents; null when unknown.</summary>
        public SoraCertificateFacts? Certificate { get; }
    }

    /// <summary>An address and port an upstream names (<c>203.0.113.10:3478</c>, <c>127.0.0.1:5000</c>).</summary>
    public sealed class SoraEndpoint : IEquatable<SoraEndpoint>
    {
        public SoraEndpoint(string host, int port)
        {
            Host = host ?? throw new ArgumentNullException(nameof(host));
            if (port < 0 || port > 65535) throw new ArgumentOutOfRangeException(nameof(port));
            Port = port;
        }

        public string Host { get; }

        public int Port { get; }

        /// <summary>True for <c>127.0.0.0/8</c>, <c>::1</c> and <c>localhost</c>.</summary>
        public bool IsLoopback => Checks.EachCheck.IsLoopback(Host);

        /// <summary>Parses <c>host:port</c> or <c>[v6]:port</c>.</summary>
        public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SoraEndpoint? endpoint)
        {
            endpoint = null;
            if (string.IsNullOrEmpty(text)) return false;
            int colon = text!.LastIndexOf(':');
            if (colon <= 0 || colon == text.Length - 1) return false;
            if (!int.TryParse(text.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535) return false;
            var host = text.Substring(0, colon);
            if (host.StartsWith("[", StringComparison.Ordinal) && host.EndsWith("]", StringComparison.Ordinal)) host = host.Substring(1, host.Length - 2);
            else if (host.IndexOf(':') >= 0) return false;
            endpoint = new SoraEndpoint(host, port);
            return true;
        }

        public bool Equals(SoraEndpoint? other) => other is not null && Port == other.Port && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase);

        public override bool Equals(object? obj) => Equals(obj as SoraEndpoint);

        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Host) * 31 + Port;

        public override string ToString() => (Host.IndexOf(':') >= 0 ? "[" + Host + "]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);
    }
}
