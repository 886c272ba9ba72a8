using System.Diagnostics;
using System.Reflection;

namespace Sora.Config.Package.Tests;

/// <summary>Once per test run: a clean clone of the repository's committed HEAD in a temporary folder (so no
/// obj/ or bin/ of the working tree can help), in which the commands users and CI run are run, in this order:
/// <list type="number">
/// <item>`dotnet build src/Sora.Config.Cli -c Release -o &lt;dir&gt;` (first, while the clone has no bin/ at all);</item>
/// <item>`dotnet build samples/Infra --artifacts-path &lt;dir&gt;` (which also runs the emission host; before the
/// pack, so no bin/ folder of the clone exists that a hard-coded path could find);</item>
/// <item>`dotnet pack Sora.Config.sln -c Release -o &lt;feed&gt;` (docs/packaging.md's command; it reuses the Release
/// obj/ of the first build): the packages the layout and consumer tests read.</item>
/// </list>
/// Each step's exit code, output and time are kept for the tests to assert on; a failed step does not stop
/// the later ones. (Running the sample's build beside the other two saved nothing on two cores.)</summary>
public sealed class CleanCloneFixture : IDisposable
{
    public CleanCloneFixture()
    {
        Root = Directory.CreateTempSubdirectory("soraconf-clone").FullName;
        Clone = Path.Combine(Root, "repo");
        CliOutput = Path.Combine(Root, "cli-out");
        ArtifactsPath = Path.Combine(Root, "artifacts");
        Feed = Path.Combine(Root, "feed");

        var (_, status) = Processes.Run("git", ["status", "--porcelain", "--untracked-files=no"], RepoRoot);
        UncommittedChanges = status.Trim();
        var (headCode, head) = Processes.Run("git", ["rev-parse", "HEAD"], RepoRoot);
        Commit = head.Trim();
        CloneStep = headCode != 0
            ? new Step("git rev-parse HEAD", headCode, head, 0)
            : Run("git", ["clone", "--quiet", "--no-checkout", RepoRoot, Clone], Root);
        if (CloneStep.ExitCode == 0) CloneStep = Run("git", ["checkout", "--quiet", "--detach", Commit], Clone);

        CliBuild = Run("dotnet", ["build", "src/Sora.Config.Cli", "-c", "Release", "-o", CliOutput, .. Quiet]);
        SampleBuild = Run("dotnet", ["build", "samples/Infra", "--artifacts-path", ArtifactsPath, .. Quiet]);
        Pack = Run("dotnet", ["pack", "Sora.Config.sln", "-c", "Release", "-o", Feed, .. Quiet]);
    }

    private static readonly string[] Quiet = ["-nologo", "-v:minimal", "--tl:off"];

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Version { get; } = Metadata("PackageVersion");

    public string Root { get; }

    /// <summary>The clean clone (detached at <see cref="Commit"/>).</summary>
    public string Clone { get; }

    public string Commit { get; }

    /// <summary>`git status` of the working tree: changes that are not in the clone, hence not tested here.</summary>
    public string UncommittedChanges { get; }

    public string CliOutput { get; }

    public string ArtifactsPath { get; }

    public string Feed { get; }

    public Step CloneStep { get; }

    public Step CliBuild { get; }

    public Step SampleBuild { get; }

    public Step Pack { get; }

    public string RuntimePackage => Path.Combine(Feed, $"Sora.Config.{Version}.nupkg");

    public string OptionsPackage => Path.Combine(Feed, $"Sora.Config.Options.{Version}.nupkg");

    public string ToolPackage => Path.Combine(Feed, $"Sora.Config.Tool.{Version}.nupkg");

    /// <summary>The platforms the tool is packed for (src/Sora.Config.Cli/Sora.Config.Cli.csproj), `any` included.</summary>
    public static readonly string[] ToolRids = ["linux-x64", "linux-musl-x64", "linux-arm64", "osx-x64", "osx-arm64", "win-x64", "any"];

    public string ToolPackageFor(string rid) => Path.Combine(Feed, $"Sora.Config.Tool.{rid}.{Version}.nupkg");

    /// <summary>Fails the calling test with the pack log when the clone or the pack failed.</summary>
    public void EnsurePacked() => Pack.EnsureSucceeded();

    /// <summary>A line for the test output: what was tested, and how long each step took.</summary>
    public string Summary() =>
        $"clean clone of {Commit} ({(UncommittedChanges.Length == 0 ? "working tree clean" : "uncommitted changes NOT tested:\n" + UncommittedChanges + "\n")}); "
        + $"cli -o build {CliBuild.Seconds:F1}s, sample --artifacts-path build {SampleBuild.Seconds:F1}s, solution pack {Pack.Seconds:F1}s";

    private Step Run(string file, string[] args) => Run(file, args, Clone);

    private Step Run(string file, string[] args, string workingDirectory)
    {
        var command = file + " " + string.Join(' ', args);
        if (CloneStep is { ExitCode: not 0 } failed) return failed with { Command = command + " (not run: the clone failed)" };
        var watch = Stopwatch.StartNew();
        var (code, log) = Processes.Run(file, args, workingDirectory);
        return new Step(command, code, log, watch.Elapsed.TotalSeconds);
    }

    private static string Metadata(string key) =>
        typeof(CleanCloneFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A build server or tool process may still hold a file; the OS cleans temp folders.
        }
    }

    /// <summary>One command run in the clone.</summary>
    public sealed record Step(string Command, int ExitCode, string Log, double Seconds)
    {
        public void EnsureSucceeded() => Assert.True(ExitCode == 0, $"`{Command}` failed with exit code {ExitCode}:\n{Log}");

        /// <summary>The "Project -> path" lines of the build output: where each project's assembly went.</summary>
        public List<(string Project, string Path)> Outputs() =>
            Log.Split('\n').Select(l => OutputLine.Match(l.TrimEnd('\r'))).Where(m => m.Success)
                .Select(m => (m.Groups["project"].Value, m.Groups["path"].Value)).ToList();

        private static readonly System.Text.RegularExpressions.Regex OutputLine = new(@"^\s*(?<project>[\w.-]+) -> (?<path>\S.*)$");
    }
}

/// <summary>Every test that uses the clean clone; they run one after another, after the fixture's builds.</summary>
[CollectionDefinition(Name)]
public sealed class CleanCloneCollection : ICollectionFixture<CleanCloneFixture>
{
    public const string Name = "clean clone";
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
                || name is "DOTNET_HOST_PATH" or "NUGET_PACKAGES" or "MSBUILDNOINPROCNODE" or "GIT_DIR" or "GIT_WORK_TREE" or "GIT_INDEX_FILE")
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
