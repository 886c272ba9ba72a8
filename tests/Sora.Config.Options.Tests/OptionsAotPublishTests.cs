using System.Diagnostics;
using System.Reflection;

namespace Sora.Config.Options.Tests;

/// <summary>BindSoraConf, ValidateSoraConf and generated FromConfiguration are trimming- and NativeAOT-clean: the smoke app
/// is published with NativeAOT (trim and AOT analyzers on, warnings as errors) and the native binary runs, reading an
/// environment variable too.</summary>
public class OptionsAotPublishTests
{
    private static string RepoRoot { get; } =
        typeof(OptionsAotPublishTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    [Fact]
    public void Options_smoke_app_publishes_with_native_aot_without_warnings_and_runs()
    {
        var project = Path.Combine(RepoRoot, "tests", "Sora.Config.Options.AotSmoke", "Sora.Config.Options.AotSmoke.csproj");
        using var temp = new TempDir("soraconf-options-aot");
        var output = temp.Path;
        // A configuration of its own keeps this publish out of the way of concurrent Debug/Release builds.
        var (code, log) = Run("dotnet", $"publish \"{project}\" -c AotSmoke -r linux-x64 -o \"{output}\" -p:TreatWarningsAsErrors=true", null);
        Assert.True(code == 0, log);
        Assert.DoesNotContain(log.Split('\n'), l => l.Contains("warning", StringComparison.OrdinalIgnoreCase) && !l.Contains("0 Warning", StringComparison.Ordinal));

        var exe = Path.Combine(output, "Sora.Config.Options.AotSmoke");
        Assert.True(File.Exists(exe), "no native executable in " + output);
        var (runCode, runLog) = Run(exe, "", new Dictionary<string, string> { ["SORA_AOT_Sora__api_port"] = "3100" });
        Assert.True(runCode == 0, runLog);
        Assert.Equal(
            "ipv4_address = 10.0.10.10\napi_port = 3100\napi_loopback_address_only = true\nsignaling_loopback_address_only = true\n"
            + "auth_webhook_url = https://auth.sora.internal/sora\nwebhook_response_timeout = 30 s\n3100\n"
            + "Broken:TurnTcpPort: error SORA0003\nBroken:api_port: error SORA0003\n",
            runLog.Replace("\r\n", "\n"));
    }

    private static (int Code, string Log) Run(string file, string args, Dictionary<string, string>? environment)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var pair in environment ?? new()) psi.Environment[pair.Key] = pair.Value;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(8)), "timed out: " + file + " " + args);
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
