using System;
using System.Linq;
using System.Net;
using Sora.Config.Deployment;

namespace Infra;

/// <summary>The whole production setup of each environment from the same typed model: sora.conf, nginx on 443, the
/// systemd unit, kernel settings and log rotation, checked together. The build runs every [SoraDeploymentOutput] member,
/// reports the findings at it and writes the bundle under the output directory (bin/…/deploy/…); docs/deploying.md
/// says where each file goes. The certificates live on the servers, so the build says it could not check their names
/// (SORA3006, info).</summary>
public static class Deployments
{
    [SoraDeploymentOutput("deploy/staging")]
    public static SoraDeployment Staging => Host("sora.staging.internal", Environments.Staging, maxConnections: 500);

    [SoraDeploymentOutput("deploy/production")]
    public static SoraDeployment Production => Host("sora.internal", Environments.Production, maxConnections: 4000);

    /// <summary>Three regular nodes (Shiguredo's minimum, an odd count): production's settings, each node with its own
    /// address and host names, the same cluster port range everywhere. <c>SORA_CLUSTER_IPV4_PREFIX</c> (default
    /// <c>10.0.40.</c>) gives the addresses .11 to .13.</summary>
    [SoraDeploymentOutput("deploy/cluster")]
    public static SoraCluster Cluster => new()
    {
        Nodes = Enumerable.Range(1, 3).Select(i =>
        {
            var prefix = Environment.GetEnvironmentVariable("SORA_CLUSTER_IPV4_PREFIX") is { Length: > 0 } set ? set : "10.0.40.";
            var signalingHost = $"sora-{i}.cluster.internal";
            var conf = Environments.Production;
            conf.Ipv4Address = IPAddress.Parse(prefix + (10 + i));
            conf.TurnRealm = signalingHost;
            conf.TurnFqdn = $"turn-{i}.cluster.internal";
            conf.TurnTlsFqdn = $"sora-{i}-turns.cluster.internal";
            conf.Cluster = true;
            return new SoraClusterNode("sora-" + i, Host(signalingHost, conf, maxConnections: 2000));
        }).ToList(),
    };

    /// <summary>One host: its signaling name, a Let's Encrypt certificate for both host names, sized for the licence.</summary>
    public static SoraDeployment Host(string signalingHost, SoraNodeConf conf, int maxConnections) => new()
    {
        Conf = conf,
        SignalingHost = signalingHost,
        CertificateFile = $"/etc/letsencrypt/live/{signalingHost}/fullchain.pem",
        CertificateKeyFile = $"/etc/letsencrypt/live/{signalingHost}/privkey.pem",
        MaxConnections = maxConnections,
        SoraHome = "/home/sora/sora",
        User = "sora",
        NginxVersion = new Version(1, 22, 1),
    };
}
