using System;
using System.Net;
using Sora.Config;

namespace Infra;

/// <summary>What differs between environments.</summary>
public sealed record Site(string Name, IPAddress Ipv4Address, string SignalingHost, string TurnHost, string TurnTlsHost, Uri AuthWebhook, Uri EventWebhook);

/// <summary>The sora.conf of each environment. The build runs every [SoraConfOutput] member, checks the
/// config against the production rules and writes it under the output directory. The host names are under
/// <c>.internal</c> (reserved for private networks) and the addresses private: a placeholder from the documentation
/// ranges (192.0.2.0/24, example.com) would be reported (SORA0010), as it should be in a real deployment.</summary>
public static class Environments
{
    public static Site StagingSite => new(
        Name: "staging",
        Ipv4Address: IPAddress.Parse(Env("SORA_STAGING_IPV4", "10.0.20.10")),
        SignalingHost: "sora.staging.internal",
        TurnHost: "turn.staging.internal",
        TurnTlsHost: "sora-turns.staging.internal",
        AuthWebhook: new Uri(Env("SORA_STAGING_AUTH_WEBHOOK", "https://auth.staging.internal/sora/auth")),
        EventWebhook: new Uri("https://hooks.staging.internal/sora/events"));

    public static Site ProductionSite => new(
        Name: "production",
        Ipv4Address: IPAddress.Parse(Env("SORA_PRODUCTION_IPV4", "10.0.10.10")),
        SignalingHost: "sora.internal",
        TurnHost: "turn.internal",
        TurnTlsHost: "sora-turns.internal",
        AuthWebhook: new Uri(Env("SORA_PRODUCTION_AUTH_WEBHOOK", "https://auth.internal/sora/auth")),
        EventWebhook: new Uri("https://hooks.internal/sora/events"));

    [SoraConfOutput("sora/staging/sora.conf")]
    public static SoraNodeConf Staging => Node(StagingSite);

    [SoraConfOutput("sora/production/sora.conf")]
    public static SoraNodeConf Production => Node(ProductionSite);

    /// <summary>The production guide's layout: nginx owns 443 and splits TURN-TLS, TURN-TCP and signaling;
    /// Sora's API and signaling answer on loopback only; the IPv4 address is pinned.</summary>
    public static SoraNodeConf Node(Site site) => new()
    {
        Ipv4Address = site.Ipv4Address,
        Ipv6 = false,
        ApiLoopbackAddressOnly = true,
        SignalingLoopbackAddressOnly = true,
        AuthWebhookUrl = site.AuthWebhook,
        EventWebhookUrl = site.EventWebhook,
        Turn = true,
        TurnRealm = site.SignalingHost,
        TurnFqdn = site.TurnHost,
        TurnTcp = true,
        TurnTcpListenPort = 3478,
        TurnTcpPort = 443,
        TurnTls = true,
        TurnTlsFqdn = site.TurnTlsHost,
        TurnTlsPort = 443,
    };

    /// <summary>An environment variable, or the default when it is unset or empty.</summary>
    public static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
