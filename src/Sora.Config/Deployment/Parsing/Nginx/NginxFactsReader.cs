using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Deployment.Parsing.Nginx
{
    /// <summary>Turns parsed nginx directives into the facts the deployment rules read, in the terms of the 443 layout:
    /// the <c>stream</c> server with <c>ssl_preread on</c>, the <c>map $ssl_preread_server_name</c> it proxies through,
    /// <c>upstream</c> blocks (a fact about an upstream points at its <c>server</c> line), the TLS terminators the map
    /// reaches (a stream server: TURN-TLS; an http server: signaling), and the http locations for <c>/signaling</c> and
    /// the API (a location whose path names <c>api</c>).</summary>
    internal static class NginxFactsReader
    {
        /// <param name="top">The main file's directives, includes expanded.</param>
        /// <param name="config">The main file, for findings about something the configuration lacks.</param>
        /// <param name="prefix">nginx's prefix: relative certificate paths are read from there, as nginx reads them.</param>
        public static SoraNginxFacts Read(List<NginxDirective> top, SoraFactSource config, string prefix)
        {
            var facts = new SoraNginxFacts { ConfigSource = config };
            var stream = top.Where(d => d.Name == "stream" && d.Block != null).ToList();
            var http = top.Where(d => d.Name == "http" && d.Block != null).ToList();
            var upstreams = new Dictionary<string, NginxDirective>(StringComparer.Ordinal);
            foreach (var u in Inside(stream, "upstream").Concat(Inside(http, "upstream"))) upstreams[u.Arg(0)] = u;
            var maps = Inside(stream, "map").Where(m => m.Args.Count == 2).ToList();
            var streamServers = Inside(stream, "server").ToList();
            var httpServers = Inside(http, "server").ToList();

            foreach (var server in streamServers.Concat(httpServers))
            {
                foreach (var listen in Children(server.Block!, "listen"))
                {
                    if (listen.Arg(0).StartsWith("unix:", StringComparison.Ordinal)) facts.UnixSocketListener ??= listen.Source;
                    else if (ListenPort(listen.Arg(0)) is { } port) facts.ListenPorts.Add(new SoraFact<int>(port, At(listen)));
                }
            }

            var preread = streamServers.FirstOrDefault(s => Children(s.Block!, "ssl_preread").Any(d => d.Arg(0) == "on") && Children(s.Block!, "listen").Any(l => ListenPort(l.Arg(0)) == 443))
                ?? streamServers.FirstOrDefault(s => Children(s.Block!, "ssl_preread").Any(d => d.Arg(0) == "on") && Children(s.Block!, "listen").Any(l => ListenPort(l.Arg(0)) != null));
            if (preread is null) return ReadHttp(facts, httpServers, upstreams);

            var prereadListen = Children(preread.Block!, "listen").First(l => ListenPort(l.Arg(0)) != null);
            facts.PrereadPort = new SoraFact<int>(ListenPort(prereadListen.Arg(0))!.Value, At(prereadListen));
            var sent = Children(preread.Block!, "proxy_protocol").LastOrDefault();
            facts.ProxyProtocolSent = new SoraFact<bool>(sent?.Arg(0) == "on", sent?.Source ?? preread.Source);

            var pass = Children(preread.Block!, "proxy_pass").LastOrDefault();
            var map = pass is null ? null : maps.LastOrDefault(m => m.Arg(1) == pass.Arg(0) && m.Arg(0) == "$ssl_preread_server_name");
            if (map != null)
            {
                foreach (var entry in map.Block!)
                {
                    if (entry.Args.Count < 1) continue;
                    var target = entry.Arg(0);
                    if (entry.Name == "default")
                    {
                        facts.DefaultRoute = Endpoint(target, At(entry), upstreams);
                        continue;
                    }
                    if (entry.Name == "hostnames" || entry.Name == "volatile") continue;
                    var (kind, terminator) = Terminator(target, upstreams, streamServers, httpServers);
                    var certificate = terminator is null ? null : Children(terminator.Block!, "ssl_certificate").LastOrDefault();
                    facts.SniRoutes.Add(new SoraSniRoute(new SoraFact<string>(entry.Name, entry.Source), kind,
                        certificate is null ? null : SoraCertificateFacts.Read(new SoraFact<string>(InPrefix(prefix, certificate.Arg(0)), At(certificate)))));
                    if (terminator is null) continue;
                    var listen = Children(terminator.Block!, "listen").FirstOrDefault(l => Same(l.Arg(0), target, upstreams));
                    if (listen != null) facts.ProxyProtocolAccepted.Add(new SoraFact<bool>(listen.Args.Skip(1).Any(a => a.Value == "proxy_protocol"), listen.Source));
                    if (kind == SoraSniTarget.TurnTls && Children(terminator.Block!, "proxy_pass").LastOrDefault() is { } turns)
                    {
                        facts.TurnTlsUpstream = Endpoint(turns.Arg(0), At(turns), upstreams);
                    }
                }
            }
            else if (pass != null)
            {
                // No map: everything on the preread port goes to one place, as for a connection without SNI.
                facts.DefaultRoute = Endpoint(pass.Arg(0), At(pass), upstreams);
            }
            return ReadHttp(facts, httpServers, upstreams);
        }

        private static SoraNginxFacts ReadHttp(SoraNginxFacts facts, List<NginxDirective> servers, Dictionary<string, NginxDirective> upstreams)
        {
            foreach (var server in servers)
            {
                foreach (var location in Locations(server.Block!))
                {
                    var path = location.Args.Count > 0 ? location.Args[location.Args.Count - 1].Value : "";
                    var pass = Children(location.Block!, "proxy_pass").LastOrDefault();
                    if (pass is null) continue;
                    var url = pass.Arg(0);
                    if (facts.SignalingUpstream is null && path.IndexOf("signaling", StringComparison.Ordinal) >= 0)
                    {
                        facts.SignalingUpstream = Endpoint(UrlHost(url), At(pass), upstreams);
                        // proxy_set_header is inherited from the enclosing level only when the location sets none itself.
                        var headers = Children(location.Block!, "proxy_set_header").ToList();
                        if (headers.Count == 0) headers = Children(server.Block!, "proxy_set_header").ToList();
                        bool upgrade = headers.Any(h => string.Equals(h.Arg(0), "Upgrade", StringComparison.OrdinalIgnoreCase) && h.Arg(1).Length > 0);
                        bool connection = headers.Any(h => string.Equals(h.Arg(0), "Connection", StringComparison.OrdinalIgnoreCase) && h.Arg(1).IndexOf("upgrade", StringComparison.OrdinalIgnoreCase) >= 0);
                        facts.SignalingUpgradeHeaders = new SoraFact<bool>(upgrade && connection, location.Source);
                    }
                    else if (facts.ApiUpstream is null && path.IndexOf("api", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        facts.ApiUpstream = Endpoint(UrlHost(url), At(pass), upstreams);
                        bool auth = Guarded(location.Block!) || Guarded(server.Block!);
                        facts.ApiAuthenticated = new SoraFact<bool>(auth, location.Source);
                    }
                }
            }
            return facts;
        }

        /// <summary>Where a directive's first argument is, or the directive when it has none.</summary>
        private static SoraFactSource At(NginxDirective d) => d.Args.Count > 0 ? d.Args[0].Source : d.Source;

        private static string InPrefix(string prefix, string path)
        {
            try
            {
                return System.IO.Path.IsPathRooted(path) || path.IndexOf('$') >= 0 ? path : System.IO.Path.Combine(prefix, path);
            }
            catch (ArgumentException)
            {
                return path;
            }
        }

        /// <summary>Basic authentication, an auth subrequest, or an allow list closed with <c>deny all</c>.</summary>
        private static bool Guarded(List<NginxDirective> block) =>
            block.Any(d => (d.Name == "auth_basic" && d.Arg(0) != "off") || d.Name == "auth_request" || (d.Name == "deny" && d.Arg(0) == "all"));

        private static IEnumerable<NginxDirective> Locations(List<NginxDirective> block)
        {
            foreach (var l in Children(block, "location"))
            {
                if (l.Block is null) continue;
                yield return l;
                foreach (var inner in Locations(l.Block!)) yield return inner;
            }
        }

        /// <summary>The server a map target reaches (a unix socket or address one of the servers listens on) and what it
        /// is: a stream server terminates TURN-TLS, an http server serves signaling.</summary>
        private static (SoraSniTarget, NginxDirective?) Terminator(string target, Dictionary<string, NginxDirective> upstreams, List<NginxDirective> stream, List<NginxDirective> http)
        {
            foreach (var s in stream)
            {
                if (Children(s.Block!, "listen").Any(l => Same(l.Arg(0), target, upstreams))) return (SoraSniTarget.TurnTls, s);
            }
            foreach (var s in http)
            {
                if (Children(s.Block!, "listen").Any(l => Same(l.Arg(0), target, upstreams))) return (SoraSniTarget.Signaling, s);
            }
            return (SoraSniTarget.Other, null);
        }

        private static bool Same(string listen, string target, Dictionary<string, NginxDirective> upstreams)
        {
            if (upstreams.TryGetValue(target, out var u) && Children(u.Block!, "server").FirstOrDefault() is { } first) target = first.Arg(0);
            if (listen == target) return true;
            if (target.StartsWith("unix:", StringComparison.Ordinal) || listen.StartsWith("unix:", StringComparison.Ordinal)) return false;
            return ListenPort(listen) is { } port && SoraEndpoint.TryParse(target, out var e) && e.Port == port && (e.IsLoopback || listen.IndexOf(':') < 0 || listen.StartsWith(e.Host + ":", StringComparison.Ordinal));
        }

        /// <summary>An endpoint, through an upstream block when <paramref name="target"/> names one (then located at the
        /// upstream's first <c>server</c> line: that is the line to fix).</summary>
        private static SoraFact<SoraEndpoint>? Endpoint(string target, SoraFactSource at, Dictionary<string, NginxDirective> upstreams)
        {
            if (upstreams.TryGetValue(target, out var u) && Children(u.Block!, "server").FirstOrDefault() is { } server)
            {
                target = server.Arg(0);
                at = At(server);
            }
            return SoraEndpoint.TryParse(target, out var e) ? new SoraFact<SoraEndpoint>(e, at) : null;
        }

        /// <summary><c>http://127.0.0.1:5000/signaling</c> → <c>127.0.0.1:5000</c>; an upstream name stays a name.</summary>
        private static string UrlHost(string url)
        {
            int scheme = url.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0) url = url.Substring(scheme + 3);
            int slash = url.IndexOf('/');
            return slash >= 0 ? url.Substring(0, slash) : url;
        }

        /// <summary>The port of a <c>listen</c> address: <c>443</c>, <c>0.0.0.0:443</c>, <c>[::]:443</c>; null for unix
        /// sockets and what is not a port.</summary>
        internal static int? ListenPort(string listen)
        {
            if (listen.StartsWith("unix:", StringComparison.Ordinal)) return null;
            int colon = listen.LastIndexOf(':');
            var text = colon >= 0 && !listen.EndsWith("]", StringComparison.Ordinal) ? listen.Substring(colon + 1) : listen;
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0 && port <= 65535 ? port : (int?)null;
        }

        private static IEnumerable<NginxDirective> Children(List<NginxDirective> block, string name) => block.Where(d => d.Name == name);

        /// <summary>The blocks named <paramref name="name"/> inside any of <paramref name="blocks"/>.</summary>
        private static IEnumerable<NginxDirective> Inside(IEnumerable<NginxDirective> blocks, string name) =>
            blocks.SelectMany(b => b.Block!).Where(d => d.Name == name && d.Block != null);
    }
}
