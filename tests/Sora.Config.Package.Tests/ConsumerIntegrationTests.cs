using System.Diagnostics;
using Xunit.Abstractions;

namespace Sora.Config.Package.Tests;

/// <summary>End to end, as a user meets the SDK: a project with a PackageReference to Sora.Config, restored
/// from the packed folder feed with an isolated packages folder (so no cached build of this repository's
/// package can be used), built with `dotnet build`; then the tool from the same feed lints what the build
/// wrote.</summary>
[Collection(CleanCloneCollection.Name)]
public sealed class ConsumerIntegrationTests
{
    private readonly CleanCloneFixture package;
    private readonly ITestOutputHelper output;

    public ConsumerIntegrationTests(CleanCloneFixture package, ITestOutputHelper output)
    {
        this.package = package;
        this.output = output;
        package.EnsurePacked();
    }

    [Fact]
    public void Consumer_builds_from_the_feed_emits_sora_conf_reports_findings_at_the_member_and_the_tool_lints_it()
    {
        var work = Path.Combine(package.Root, "consumer-" + Guid.NewGuid().ToString("N")[..8]);
        var project = Path.Combine(work, "Consumer");
        var packages = Path.Combine(work, "packages");
        Directory.CreateDirectory(project);
        var source = Path.Combine(AppContext.BaseDirectory, "Consumer");
        foreach (var file in Directory.GetFiles(source))
        {
            var name = Path.GetFileName(file) == "Consumer.csproj.txt" ? "Consumer.csproj" : Path.GetFileName(file);
            File.WriteAllText(Path.Combine(project, name), File.ReadAllText(file).Replace("__VERSION__", CleanCloneFixture.Version));
        }
        // Only the local feed: the consumer needs nothing else (the runtime's net10.0 build has no
        // dependencies, and targeting packs come with the SDK), so every package must come from our pack.
        var nugetConfig = Path.Combine(work, "nuget.config");
        File.WriteAllText(nugetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{packages}" /></config>
              <packageSources>
                <clear />
                <add key="local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = packages,
            ["CONSUMER_IPV4"] = "10.0.1.7",
        };

        var watch = Stopwatch.StartNew();
        var (code, log) = Processes.Run("dotnet", ["build", project, "--configfile", nugetConfig, "-v:minimal", "-clp:NoSummary", "--tl:off"], work, environment);
        var firstBuild = watch.Elapsed.TotalSeconds;
        Assert.True(code == 0, "consumer build failed:\n" + log);
        // Restored from the feed into the isolated folder, not from a cache of this repository's builds.
        Assert.True(File.Exists(Path.Combine(packages, "sora.config", CleanCloneFixture.Version, ".nupkg.metadata")), "Sora.Config was not restored into " + packages);

        // Findings of the build-time check carry the marked member's file and line (Unsafe() reads its
        // api_loopback_address_only from the environment, which only running the code can see).
        var configs = Path.Combine(project, "Configs.cs");
        var (unsafeLine, unsafeColumn) = Find(configs, "public static NodeConf Unsafe()", "Unsafe");
        var emitted = $"{configs}({unsafeLine},{unsafeColumn}): warning ";
        Assert.Contains(emitted + "SORA1001:", log);
        // The analyzers from the package ran too: SORA1003 at the literal assignment, and SORA1005 (an info rule) made a
        // warning by <SoraConfSeverity> for them as for the build. What they showed is not repeated at the member.
        var (turnTlsLine, turnTlsColumn) = Find(configs, "TurnTls = true, // marker", "TurnTls");
        Assert.Contains($"{configs}({turnTlsLine},{turnTlsColumn}): warning SORA1003:", log);
        var (ipv6Line, ipv6Column) = Find(configs, "Ipv6 = true,", "Ipv6");
        Assert.Contains($"{configs}({ipv6Line},{ipv6Column}): warning SORA1005:", log);
        Assert.DoesNotContain(emitted + "SORA1003:", log);
        Assert.DoesNotContain(emitted + "SORA1005:", log);
        // The safe configuration has no warning at all.
        var (productionLine, _) = Find(configs, "public static NodeConf Production", "Production");
        Assert.DoesNotContain($"{configs}({productionLine},", log);

        var outDir = Path.Combine(project, "bin", "Debug", "net10.0");
        var conf = Path.Combine(outDir, "conf", "sora.conf");
        Assert.Equal(
            "ipv4_address = 10.0.1.7\n" +
            "api_loopback_address_only = true\n" +
            "signaling_loopback_address_only = true\n" +
            "auth_webhook_url = https://auth.sora.internal/sora\n" +
            "turn_fqdn = turn.sora.internal\n" +
            "turn_tcp_listen_port = 3478\n" +
            "turn_tcp_port = 443\n" +
            "turn_tls = true\n" +
            "turn_tls_fqdn = sora-turns.sora.internal\n" +
            "turn_tls_port = 443\n",
            File.ReadAllText(conf));
        Assert.Contains("api_loopback_address_only = false\n", File.ReadAllText(Path.Combine(outDir, "conf", "unsafe.conf")));

        // The generated members work when the program runs.
        var (runCode, runLog) = Processes.Run("dotnet", [Path.Combine(outDir, "Consumer.dll")], work, environment);
        Assert.True(runCode == 0, runLog);
        Assert.Contains("turn_tcp_port=443", runLog);
        Assert.Contains("round-trip=True", runLog);

        // An unchanged config is not rewritten: the timestamp stays across a second build.
        var stamp = File.GetLastWriteTimeUtc(conf);
        watch.Restart();
        (code, log) = Processes.Run("dotnet", ["build", project, "--no-restore", "-v:minimal", "-clp:NoSummary", "--tl:off"], work, environment);
        var secondBuild = watch.Elapsed.TotalSeconds;
        Assert.True(code == 0, "second build failed:\n" + log);
        Assert.Contains("(unchanged)", log);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(conf));

        // SoraConfWriteOutputs=false turns emission off (and with it the build-time findings).
        (code, log) = Processes.Run("dotnet", ["build", project, "--no-restore", "-v:minimal", "-clp:NoSummary", "--tl:off", "-p:SoraConfWriteOutputs=false"], work, environment);
        Assert.True(code == 0, "build with SoraConfWriteOutputs=false failed:\n" + log);
        Assert.DoesNotContain(emitted, log);

        // The tool from the same feed lints what the build wrote.
        var tools = Path.Combine(work, "tools");
        watch.Restart();
        (code, log) = Processes.Run("dotnet", ["tool", "install", "Sora.Config.Tool", "--tool-path", tools, "--version", CleanCloneFixture.Version, "--configfile", nugetConfig], work, environment);
        var install = watch.Elapsed.TotalSeconds;
        Assert.True(code == 0, "tool install failed:\n" + log);
        var soraConf = Path.Combine(tools, OperatingSystem.IsWindows() ? "sora-conf.exe" : "sora-conf");
        // The consumer uses documentation addresses (sora.internal, 10.0.1.0/24), which the linter
        // reports as placeholders (SORA0010, warning); what matters here: no error and no production rule.
        (code, log) = Processes.Run(soraConf, ["lint", "--fail-on", "error", conf], work, environment);
        Assert.True(code == 0, "lint of the emitted production sora.conf failed:\n" + log);
        Assert.DoesNotContain("SORA1", log);
        (code, log) = Processes.Run(soraConf, ["lint", Path.Combine(outDir, "conf", "unsafe.conf")], work, environment);
        Assert.Equal(1, code);
        Assert.Contains("SORA1001", log);

        output.WriteLine(package.Summary());
        output.WriteLine($"first build (restore + build) {firstBuild:F1}s, no-op build {secondBuild:F1}s, tool install {install:F1}s");
    }

    /// <summary>1-based line of the first line containing <paramref name="lineText"/>, and the column of <paramref name="token"/> on it.</summary>
    private static (int Line, int Column) Find(string file, string lineText, string token)
    {
        var lines = File.ReadAllLines(file);
        var index = Array.FindIndex(lines, l => l.Contains(lineText, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{lineText}' not in {file}");
        return (index + 1, lines[index].IndexOf(token, StringComparison.Ordinal) + 1);
    }
}
