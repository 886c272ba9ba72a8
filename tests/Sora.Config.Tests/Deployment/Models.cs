using System.Net;
using Sora.Config.Deployment;

namespace Sora.Config.Tests.Deployment;

/// <summary>Deployments for the tests: the production guide's layout on private addresses and .internal names (no
/// placeholder findings), built on the ready-made SoraConf.</summary>
internal static class Models
{
    public static SoraConf Conf(string address = "10.0.10.10", string turns = "sora-turns.sora.internal") => new()
    {
        Ipv4Address = IPAddress.Parse(address),
        ApiLoopbackAddressOnly = true,
        SignalingLoopbackAddressOnly = true,
        TurnFqdn = turns,
        TurnTcpPort = 443,
        TurnTls = true,
        TurnTlsFqdn = turns,
        TurnTlsPort = 443,
    };

    public static SoraDeployment Host(SoraConf? conf = null, string signaling = "sora.sora.internal") => new()
    {
        Conf = conf ?? Conf(),
        SignalingHost = signaling,
        CertificateFile = "/etc/ssl/sora/fullchain.pem",
        CertificateKeyFile = "/etc/ssl/sora/privkey.pem",
        MaxConnections = 2000,
    };

    public static SoraCluster Cluster(int nodes, Func<int, SoraConf, SoraConf>? edit = null) => new()
    {
        Nodes = Enumerable.Range(1, nodes).Select(i =>
        {
            var conf = Conf("10.0.30." + (10 + i), $"sora-{i}-turns.sora.internal");
            conf.Cluster = true;
            conf = edit?.Invoke(i, conf) ?? conf;
            return new SoraClusterNode("sora-" + i, Host(conf, $"sora-{i}.sora.internal"));
        }).ToList(),
    };

    /// <summary>The deployment rules' findings (SORA3xxx) of a deployment, without the sora.conf's own.</summary>
    public static List<SoraConfDiagnostic> DeploymentFindings(ISoraDeployment deployment) =>
        deployment.Validate().Where(d => d.Rule.Scope == SoraRuleScope.Deployment).ToList();

    /// <summary>The IDs found, other than SORA3006 (the tests' certificate files do not exist).</summary>
    public static List<string> Ids(ISoraDeployment deployment) =>
        DeploymentFindings(deployment).Select(d => d.Id).Where(id => id != "SORA3006").Distinct().OrderBy(id => id).ToList();
}
