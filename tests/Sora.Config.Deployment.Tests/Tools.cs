using System.Diagnostics;

namespace Sora.Config.Deployment.Tests;

/// <summary>The native validators, run as processes. A missing tool fails the test with the command that installs it: a
/// validator that silently does not run would let every bundle pass.</summary>
internal static class Tools
{
    public const string Install = "apt-get update && apt-get install -y nginx libnginx-mod-stream logrotate openssl (.ci/run does this when they are missing)";

    /// <summary>nginx's stream module as Debian's libnginx-mod-stream installs it (the bundle's default load_module path).</summary>
    public const string StreamModule = "/usr/lib/nginx/modules/ngx_stream_module.so";

    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}:\n{Output}";
    }

    /// <summary><c>nginx -t</c> on the file, every path nginx writes (pid, logs) under <paramref name="prefix"/> so no root
    /// is needed. A pass is exit 0 and no [warn], [error], [crit], [alert] or [emerg] line.</summary>
    public static Result NginxTest(string conf, string prefix)
    {
        if (!File.Exists(StreamModule)) Assert.Fail($"nginx's stream module is missing ({StreamModule}): {Install}");
        return Run("nginx", "-t", "-c", conf, "-p", prefix.TrimEnd('/') + "/", "-e", "stderr", "-g", $"pid {prefix}/nginx.pid;");
    }

    public static bool NginxPassed(Result r) => r.ExitCode == 0 && !new[] { "[warn]", "[error]", "[crit]", "[alert]", "[emerg]" }.Any(r.Output.Contains);

    /// <summary><c>systemd-analyze verify</c>: it exits 0 on the warnings it "ignores", so any output is a failure.</summary>
    public static Result SystemdVerify(string unit) => Run("systemd-analyze", "verify", unit);

    public static bool SystemdPassed(Result r) => r.ExitCode == 0 && r.Output.Trim().Length == 0;

    /// <summary><c>systemd-analyze security --offline</c>: the unit's overall exposure (0.0 best, 10.0 worst).</summary>
    public static double SystemdExposure(string unit)
    {
        var r = Run("systemd-analyze", "security", "--offline=true", unit);
        var m = System.Text.RegularExpressions.Regex.Match(r.Output, @"Overall exposure level for \S+: (\d+\.\d)");
        Assert.True(m.Success, "systemd-analyze security printed no exposure: " + r);
        return double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary><c>logrotate -d</c> (debug: reads the file, rotates nothing) with a state file of its own.</summary>
    public static Result LogrotateDebug(string file, string state) => Run("logrotate", "-d", "-s", state, file);

    public static bool LogrotatePassed(Result r) => r.ExitCode == 0 && !r.Output.Contains("error:", StringComparison.Ordinal);

    public static Result Run(string tool, params string[] args)
    {
        var path = Find(tool) ?? throw new Xunit.Sdk.XunitException($"'{tool}' is not installed, so the bundle cannot be validated: {Install}");
        var psi = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LANG"] = "C";
        psi.Environment["SYSTEMD_COLORS"] = "0";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        // logrotate -d always prints its "debug mode does nothing" banner: it says nothing about the file.
        var output = string.Join("\n", (stdout.Result + stderr).Split('\n').Where(l => !l.Contains("logrotate in debug mode does nothing", StringComparison.Ordinal)));
        return new Result(process.ExitCode, output);
    }

    /// <summary>The tool on PATH, or in the sbin folders a non-root PATH lacks (Debian puts nginx and logrotate there).</summary>
    private static string? Find(string tool)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin" });
        return dirs.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
    }
}
