using System.Diagnostics;
using System.Reflection;

namespace Sora.Config.Package.Tests;

/// <summary>Packs the solution once per test run into a temporary folder feed (README's command, with the
/// configuration this test assembly was built with, so an up-to-date build is reused).</summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("soraconf-pkg").FullName;
        Feed = Path.Combine(Root, "feed");
        var watch = Stopwatch.StartNew();
        var (code, log) = Processes.Run("dotnet", ["pack", Path.Combine(RepoRoot, "Sora.Config.sln"), "-c", Configuration, "-o", Feed], RepoRoot);
        PackSeconds = watch.Elapsed.TotalSeconds;
        PackLog = log;
        PackExitCode = code;
    }

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string Version { get; } = Metadata("PackageVersion");

    public string Root { get; }

    public string Feed { get; }

    public int PackExitCode { get; }

    public string PackLog { get; }

    public double PackSeconds { get; }

    public string RuntimePackage => Path.Combine(Feed, $"Sora.Config.{Version}.nupkg");

    public string ToolPackage => Path.Combine(Feed, $"Sora.Config.Tool.{Version}.nupkg");

    /// <summary>The platforms the tool is packed for (src/Sora.Config.Cli/Sora.Config.Cli.csproj), `any` included.</summary>
    public static readonly string[] ToolRids = ["linux-x64", "linux-musl-x64", "linux-arm64", "osx-x64", "osx-arm64", "win-x64", "any"];

    public string ToolPackageFor(string rid) => Path.Combine(Feed, $"Sora.Config.Tool.{rid}.{Version}.nupkg");

    /// <summary>Fails the calling test with the pack log when packing failed.</summary>
    public void EnsurePacked() => Assert.True(PackExitCode == 0, "dotnet pack failed:\n" + PackLog);

    private static string Metadata(string key) =>
        typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A tool process may still hold a file; the OS cleans temp folders.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "packed solution";
}

internal static class Processes
{
    /// <summary>Runs a process to completion (10 minutes at most), returning its exit code and its output.
    /// The MSBuild/test-host variables of the `dotnet test` that runs us are not passed on, so the child
    /// `dotnet` behaves as on a developer's command line.</summary>
    public static (int Code, string Log) Run(string file, IEnumerable<string> args, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var name in psi.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name is "DOTNET_HOST_PATH" or "NUGET_PACKAGES" or "MSBUILDNOINPROCNODE")
                psi.Environment.Remove(name);
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        if (environment is not null)
        {
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"timed out: {file} {string.Join(' ', args)}\n{stdout.Result}{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
