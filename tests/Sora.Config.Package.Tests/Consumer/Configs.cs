using System.Net;
using Sora.Config;

namespace Consumer;

public static class Configs
{
    [SoraConfOutput("conf/sora.conf")]
    public static NodeConf Production => new()
    {
        Ipv4Address = IPAddress.Parse(Environment.GetEnvironmentVariable("CONSUMER_IPV4") ?? "10.0.0.10"),
        ApiLoopbackAddressOnly = true,
        SignalingLoopbackAddressOnly = true,
        AuthWebhookUrl = new Uri("https://auth.sora.internal/sora"),
        TurnFqdn = "turn.sora.internal",
        TurnTcpListenPort = 3478,
        TurnTcpPort = 443,
        TurnTls = true,
        TurnTlsFqdn = "sora-turns.sora.internal",
        TurnTlsPort = 443,
    };

    [SoraConfOutput("conf/unsafe.conf")]
    public static NodeConf Unsafe()
    {
        // Known only when the code runs: the analyzers cannot see it, the build-time check can.
        var loopback = Environment.GetEnvironmentVariable("CONSUMER_API_LOOPBACK") == "true";
        return new NodeConf
        {
            Ipv4Address = IPAddress.Parse("10.0.0.11"),
            ApiLoopbackAddressOnly = loopback,
            SignalingLoopbackAddressOnly = true,
            Ipv6 = true,
            TurnTls = true, // marker: analyzer SORA1003
        };
    }
}
