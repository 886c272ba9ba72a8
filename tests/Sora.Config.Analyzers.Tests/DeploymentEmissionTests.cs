namespace Sora.Config.Analyzers.Tests;

/// <summary>`dotnet build` of a project with a [SoraDeploymentOutput] member (the build host built from this repository):
/// the build runs the member with the build's environment, reports the deployment's findings at the member, writes the
/// bundle into the folder, leaves unchanged files untouched and keeps the last good bundle when there is an error.</summary>
[Collection(ConsumerBuild.Collection)]
public sealed class DeploymentEmissionTests
{
    private const string Source = """
        using System;
        using System.Net;
        using Sora.Config;
        using Sora.Config.Deployment;

        [GeneratedSoraConf]
        public partial class NodeConf { }

        public static class Deploy
        {
            [SoraDeploymentOutput("deploy/production")]
            public static SoraDeployment Production => new()
            {
                Conf = new NodeConf
                {
                    Ipv4Address = Address(),
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
                MaxConnections = int.Parse(Environment.GetEnvironmentVariable("E2E_MAX_CONNECTIONS") ?? "2000"),
            };

            // Read when the build runs the member: only the build-time check can see these values.
            private static IPAddress? Address() =>
                IPAddress.TryParse(Environment.GetEnvironmentVariable("E2E_IPV4") ?? "", out var address) ? address : null;
        }
        """;

    private static readonly string[] BundlePaths = ["sora.conf", "nginx/nginx.conf", "systemd/sora.service", "sysctl/99-sora.conf", "logrotate/sora"];

    [Fact]
    public async Task Build_writes_the_bundle_reports_findings_at_the_member_and_leaves_unchanged_files_alone()
    {
        using var consumer = ConsumerBuild.WithBuildHost();
        var file = consumer.Write("Deploy.cs", Source.ReplaceLineEndings("\n"));
        var lines = Source.ReplaceLineEndings("\n").Split('\n');
        var memberLine = Array.FindIndex(lines, l => l.Contains("SoraDeployment Production")) + 1;
        var at = $"{file}({memberLine},{lines[memberLine - 1].IndexOf("Production", StringComparison.Ordinal) + 1})";
        var folder = Path.Combine(consumer.Directory, "bin", "Debug", "net10.0", "deploy", "production");
        string Read(string path) => File.ReadAllText(Path.Combine(folder, path));

        // 1. 20,000 connections: above Shiguredo's 10,000-per-server guidance, a warning at the member; the bundle is written.
        var (exitCode, output) = await consumer.BuildAsync(Env("10.0.10.10", "20000"), "-p:TreatWarningsAsErrors=false");
        Assert.True(exitCode == 0, output);
        Assert.Contains($"{at}: warning SORA3007:", output);
        Assert.Equal(BundlePaths.OrderBy(p => p, StringComparer.Ordinal), Files(folder));
        Assert.Contains("LimitNOFILE=", Read("systemd/sora.service"));
        Assert.Contains("default 10.0.10.10:3478;", Read("nginx/nginx.conf"));
        var unitBefore = Read("systemd/sora.service");
        var stamps = BundlePaths.ToDictionary(p => p, p => File.GetLastWriteTimeUtc(Path.Combine(folder, p)));
        // Make any rewrite visible in the timestamps, however coarse the file system's clock.
        foreach (var p in BundlePaths) File.SetLastWriteTimeUtc(Path.Combine(folder, p), stamps[p].AddHours(-1));

        // 2. 2,000 connections: no finding; the unit and nginx.conf change, the other files are left untouched.
        (exitCode, output) = await consumer.BuildAsync(Env("10.0.10.10", "2000"), "-p:TreatWarningsAsErrors=false");
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("SORA3007", output);
        Assert.NotEqual(unitBefore, Read("systemd/sora.service"));
        foreach (var p in new[] { "systemd/sora.service", "nginx/nginx.conf" })
            Assert.True(File.GetLastWriteTimeUtc(Path.Combine(folder, p)) > stamps[p].AddMinutes(-1), p + " was not rewritten");
        foreach (var p in new[] { "sora.conf", "sysctl/99-sora.conf", "logrotate/sora" })
            Assert.Equal(stamps[p].AddHours(-1), File.GetLastWriteTimeUtc(Path.Combine(folder, p)));
        var good = BundlePaths.ToDictionary(p => p, Read);

        // 3. No ipv4_address: the 443 layout has no TURN-TCP upstream, an error at the member; the build fails and the
        //    last good bundle stays as it was (no temporary files left either).
        (exitCode, output) = await consumer.BuildAsync(Env("", "2000"), "-p:TreatWarningsAsErrors=false");
        Assert.True(exitCode != 0, output);
        Assert.Contains($"{at}: error SORA3001:", output);
        Assert.Equal(BundlePaths.OrderBy(p => p, StringComparer.Ordinal), Files(folder));
        foreach (var p in BundlePaths) Assert.Equal(good[p], Read(p));
    }

    private static Dictionary<string, string> Env(string ipv4, string maxConnections) => new()
    {
        ["E2E_IPV4"] = ipv4,
        ["E2E_MAX_CONNECTIONS"] = maxConnections,
    };

    private static List<string> Files(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal).ToList();
}
