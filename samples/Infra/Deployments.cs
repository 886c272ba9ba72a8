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
    public static SoraDeployment Staging => Host(Environments.StagingSite, Environments.Staging, maxConnections: 500);

    [SoraDeploymentOutput("deploy/production")]
    public static SoraDeployment Production => Host(Environments.ProductionSite, Environments.Production, maxConnections: 4000);

    /// <summary>Three regular nodes (Shiguredo's minimum, an odd count), each with its own address and host names, the
    /// same cluster port range everywhere.</summary>
    [SoraDeploymentOutput("deploy/cluster")]
    public static SoraCluster Cluster => new()
    {
        Nodes = Enumerable.Range(1, 3).Select(i =>
        {
            var site = new Site(
                Name: "sora-" + i,
                Ipv4Address: IPAddress.Parse(Environments.Env("SORA_CLUSTER_IPV4_PREFIX", "10.0.40.") + (10 + i)),
                SignalingHost: $"sora-{i}.cluster.internal",
                TurnHost: $"turn-{i}.cluster.internal",
                TurnTlsHost: $"sora-{i}-turns.cluster.internal",
                AuthWebhook: new Uri("https://auth.internal/sora/auth"),
                EventWebhook: new Uri("https://hooks.internal/sora/events"));
            var conf = Environments.Node(site);
            conf.Cluster = true;
            return new SoraClusterNode(site.Name, Host(site, conf, maxConnections: 2000));
        }).ToList(),
    };

    /// <summary>One host: the site's names, a Let's Encrypt certificate for both host names, sized for the licence.</summary>
    public static SoraDeployment Host(Site site, SoraNodeConf conf, int maxConnections) => new()
    {
        Conf = conf,
        SignalingHost = site.SignalingHost,
        CertificateFile = $"/etc/letsencrypt/live/{site.SignalingHost}/fullchain.pem",
        CertificateKeyFile = $"/etc/letsencrypt/live/{site.SignalingHost}/privkey.pem",
        MaxConnections = maxConnections,
        SoraHome = "/home/sora/sora",
        User = "sora",
        NginxVersion = new Version(1, 22, 1),
    };
}
