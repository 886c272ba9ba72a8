using System.Diagnostics;
using Sora.Config.Generator.Tests.Infrastructure;

namespace Sora.Config.Generator.Tests;

/// <summary>The generated code and the runtime are trimming- and NativeAOT-clean: the smoke app is
/// published with NativeAOT (trim and AOT analyzers on, warnings as errors) and the native binary runs.</summary>
public class AotPublishTests
{
    [Fact]
    public void Smoke_app_publishes_with_native_aot_without_warnings_and_runs()
    {
        var project = Path.Combine(GeneratorHarness.RepoRoot, "tests", "Sora.Config.AotSmoke", "Sora.Config.AotSmoke.csproj");
        using var temp = new TempDir("soraconf-aot");
        var output = temp.Path;
        // A configuration of its own keeps this publish out of the way of concurrent Debug/Release builds.
        var (code, log) = Run("dotnet", $"publish \"{project}\" -c AotSmoke -r linux-x64 -o \"{output}\" -p:TreatWarningsAsErrors=true");
        Assert.True(code == 0, log);
        Assert.DoesNotContain(log.Split('\n'), l => l.Contains("warning", StringComparison.OrdinalIgnoreCase) && !l.Contains("0 Warning", StringComparison.Ordinal));

        var exe = Path.Combine(output, "Sora.Config.AotSmoke");
        Assert.True(File.Exists(exe), "no native executable in " + output);
        var (runCode, runLog) = Run(exe, "");
        Assert.Equal(0, runCode);
        Assert.Equal(
            "ipv4_address = 10.0.0.10\napi_port = 3000\napi_loopback_address_only = true\nwebhook_response_timeout = 30 s\nunknown_key = kept\nSORA0011\nSORA1002\nSORA1008\n4\n",
            runLog.Replace("\r\n", "\n"));
    }

    private static (int Code, string Log) Run(string file, string args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(8)), "timed out: " + file + " " + args);
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
