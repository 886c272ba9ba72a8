using System.Net;

namespace Sora.Config.Deployment.Tests;

/// <summary>The deployments whose bundles are validated: a single node (also with the API published and with an nginx
/// older than 1.19.1), and the sample's two environments and three-node cluster as samples/Infra defines them.</summary>
internal static class Deployments
{
    public static readonly Dictionary<string, Func<ISoraDeployment>> All = new()
    {
        ["single-node"] = () => Host(),
        ["single-node-api"] = () =>
        {
            var d = Host();
            d.Api = new SoraApiProxy { BasicAuthUserFile = "/etc/nginx/sora-api.htpasswd", AllowFrom = ["10.0.0.0/8"] };
            return d;
        },
        ["single-node-nginx-1.18"] = () =>
        {
            var d = Host();
            d.NginxVersion = new Version(1, 18, 0);
            return d;
        },
        ["sample-staging"] = () => Infra.Deployments.Staging,
        ["sample-production"] = () => Infra.Deployments.Production,
        ["sample-cluster"] = () => Infra.Deployments.Cluster,
    };

    public static IEnumerable<object[]> Names => All.Keys.Select(k => new object[] { k });

    /// <summary>The production guide's layout on a private address and .internal names.</summary>
    public static SoraDeployment Host() => new()
    {
        Conf = new SoraConf
        {
            Ipv4Address = IPAddress.Parse("10.0.10.10"),
            ApiLoopbackAddressOnly = true,
            SignalingLoopbackAddressOnly = true,
            TurnFqdn = "sora-turns.sora.internal",
            TurnTcpPort = 443,
            TurnTls = true,
            TurnTlsFqdn = "sora-turns.sora.internal",
            TurnTlsPort = 443,
        },
        SignalingHost = "sora.sora.internal",
        CertificateFile = "/etc/ssl/sora/fullchain.pem",
        CertificateKeyFile = "/etc/ssl/sora/privkey.pem",
        MaxConnections = 2000,
    };

    /// <summary>Each host of the deployment with its folder in the bundle ("" for a single host).</summary>
    public static IEnumerable<(string Folder, SoraDeployment Host)> Hosts(ISoraDeployment deployment) => deployment switch
    {
        SoraDeployment single => [("", single)],
        SoraCluster cluster => cluster.Nodes.Select(n => (n.Name + "/", n.Deployment)),
        _ => throw new ArgumentException(deployment.GetType().Name),
    };
}
