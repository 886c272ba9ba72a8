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
        CopyProject("Consumer", project, ("__VERSION__", CleanCloneFixture.Version));
        // Only the local feed: the consumer needs nothing else (the runtime's net10.0 build has no
        // dependencies, and targeting packs come with the SDK), so every package must come from our pack.
        var nugetConfig = WriteNuGetConfig(work, packages, machineCache: null);
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

    [Fact]
    public void Options_consumer_referencing_only_Sora_Config_Options_binds_appsettings_and_environment_and_fails_start_up_with_paths()
    {
        var work = Path.Combine(package.Root, "options-consumer-" + Guid.NewGuid().ToString("N")[..8]);
        var project = Path.Combine(work, "OptionsConsumer");
        var packages = Path.Combine(work, "packages");
        Directory.CreateDirectory(project);
        var hosting = System.Xml.Linq.XDocument.Load(Path.Combine(package.Clone, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => p.Attribute("Include")!.Value == "Microsoft.Extensions.Hosting").Attribute("Version")!.Value;
        CopyProject("OptionsConsumer", project, ("__VERSION__", CleanCloneFixture.Version), ("__HOSTING_VERSION__", hosting));
        // Sora.Config* only from the packed feed (source mapping); the Microsoft.Extensions packages from this machine's
        // global packages folder, where the solution's own restore put them (no other source is reachable here).
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set ? set : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var nugetConfig = WriteNuGetConfig(work, packages, cache);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages, ["Sora__api_port"] = "3100" };

        var (code, log) = Processes.Run("dotnet", ["build", project, "--configfile", nugetConfig, "-v:minimal", "-clp:NoSummary", "--tl:off"], work, environment);
        Assert.True(code == 0, "options consumer build failed:\n" + log);
        Assert.True(File.Exists(Path.Combine(packages, "sora.config.options", CleanCloneFixture.Version, ".nupkg.metadata")), "Sora.Config.Options was not restored into " + packages);
        // Sora.Config came along as the dependency, with its generator: NodeConf got its properties and FromConfiguration.
        Assert.True(File.Exists(Path.Combine(packages, "sora.config", CleanCloneFixture.Version, ".nupkg.metadata")), "Sora.Config was not restored as a dependency");

        var program = Path.Combine(project, "bin", "Debug", "net10.0", "OptionsConsumer.dll");
        (code, log) = Processes.Run("dotnet", [program], work, environment);
        Assert.True(code == 0, log);
        Assert.Contains("api_port=3100", log);
        Assert.Contains("webhook_response_timeout=00:00:30", log);
        Assert.Contains("from-configuration=True", log);

        environment["Sora__turn_tcp_port"] = "70000";
        (code, log) = Processes.Run("dotnet", [program], work, environment);
        Assert.Equal(1, code);
        Assert.Contains("failure: Sora:turn_tcp_port: error SORA0003: Invalid value for 'turn_tcp_port'", log);
    }

    /// <summary>The README's quick start, as a newcomer meets it: its package reference and its C# in a new library project,
    /// built from the feed. The sora.conf the build writes and the warnings it prints are the README's, line for line:
    /// the analyzer's at the assignment, and the build's at the marked member for what only running the code shows.</summary>
    [Fact]
    public void Readme_quick_start_writes_and_warns_as_the_readme_says()
    {
        var readme = File.ReadAllText(Path.Combine(package.Clone, "README.md")).Replace("\r\n", "\n");
        int start = readme.IndexOf("## Quick start", StringComparison.Ordinal);
        var quickStart = readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        var blocks = System.Text.RegularExpressions.Regex.Matches(quickStart, "```(\\w+)\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => (Language: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
        Assert.Equal(["xml", "csharp", "text", "text"], blocks.Select(b => b.Language));
        var reference = System.Text.RegularExpressions.Regex.Replace(blocks[0].Text.Trim(), "Version=\"[^\"]*\"", $"Version=\"{CleanCloneFixture.Version}\"");

        var work = Path.Combine(package.Root, "readme-" + Guid.NewGuid().ToString("N")[..8]);
        var project = Path.Combine(work, "QuickStart");
        var packages = Path.Combine(work, "packages");
        Directory.CreateDirectory(project);
        // What `dotnet new classlib` writes, with the README's package reference.
        File.WriteAllText(Path.Combine(project, "QuickStart.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                {reference}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Configs.cs"), blocks[1].Text);
        var nugetConfig = WriteNuGetConfig(work, packages, machineCache: null);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };

        var (code, log) = Processes.Run("dotnet", ["build", project, "--configfile", nugetConfig, "-v:minimal", "-clp:NoSummary", "--tl:off"], work, environment);
        Assert.True(code == 0, "quick start build failed:\n" + log);
        Assert.Equal(blocks[2].Text, File.ReadAllText(Path.Combine(project, "bin", "Debug", "net10.0", "sora.conf")));

        // Each warning as the README shows it (MSBuild adds the project's path after it), and no other.
        var shown = blocks[3].Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var printed = log.Split('\n').Where(l => l.Contains(": warning SORA", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        foreach (var line in shown)
            Assert.True(printed.Any(p => p.StartsWith(Path.Combine(project, line) + " [", StringComparison.Ordinal)), "the README's\n  " + line + "\nis not among what the build printed:\n  " + string.Join("\n  ", printed));
        Assert.Equal(shown.Length, printed.Count);
    }

    /// <summary>Copies a consumer project from the test's output (its csproj is stored as <c>.csproj.txt</c> so the
    /// solution does not build it), filling in the placeholders.</summary>
    private static void CopyProject(string name, string project, params (string Placeholder, string Value)[] values)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, name)))
        {
            var fileName = Path.GetFileName(file) == name + ".csproj.txt" ? name + ".csproj" : Path.GetFileName(file);
            var text = File.ReadAllText(file);
            foreach (var (placeholder, value) in values) text = text.Replace(placeholder, value);
            File.WriteAllText(Path.Combine(project, fileName), text);
        }
    }

    /// <summary>A nuget.config with an isolated packages folder and the packed feed as the only source of Sora.Config*;
    /// with <paramref name="machineCache"/>, every other package comes from that folder.</summary>
    private string WriteNuGetConfig(string work, string packages, string? machineCache)
    {
        var machine = machineCache is null ? "" : $"""

                <add key="machine" value="{machineCache}" />
            """;
        var mapping = machineCache is null ? "" : """

              <packageSourceMapping>
                <packageSource key="local"><package pattern="Sora.Config*" /></packageSource>
                <packageSource key="machine"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            """;
        var path = Path.Combine(work, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{packages}" /></config>
              <packageSources>
                <clear />
                <add key="local" value="{package.Feed}" />{machine}
              </packageSources>{mapping}
            </configuration>
            """);
        return path;
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
