using System;
using System.Net;
using Sora.Config;

namespace Infra;

/// <summary>Compiled only with -p:SoraSampleUnsafe=true: choices the production guide warns against.
/// The analyzers flag what they can see in the code; the build-time check (SoraConfOutput) also sees
/// values computed at run time, such as the environment variable below.</summary>
public static class Unsafe
{
    [SoraConfOutput("sora/unsafe/sora.conf")]
    public static SoraNodeConf Node => new()
    {
        Ipv4Address = IPAddress.Parse("192.0.2.30"),
        // Read at run time: only the build-time check can see that this is false.
        ApiLoopbackAddressOnly = (Environment.GetEnvironmentVariable("SORA_UNSAFE_API_LOOPBACK") ?? "false") == "true",
        SignalingLoopbackAddressOnly = true,
        TurnTls = true,                                            // no turn_tls_fqdn
        EventWebhookUrl = new Uri("http://hooks.example.com/sora"), // plain http
    };
}
