using System;
using System.Net;
using Sora.Config;
using Sora.Config.Deployment;

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

    /// <summary>A deployment the guide warns against: nginx too old for ssl_preread, Sora as root, the API published
    /// without authentication.</summary>
    [SoraDeploymentOutput("deploy/unsafe")]
    public static SoraDeployment Deployment => new()
    {
        Conf = Environments.Production,
        SignalingHost = "sora.internal",
        CertificateFile = "/etc/letsencrypt/live/sora.internal/fullchain.pem",
        CertificateKeyFile = "/etc/letsencrypt/live/sora.internal/privkey.pem",
        NginxVersion = new Version(1, 10, 3),
        User = "root",
        Api = new SoraApiProxy(),
    };
}
