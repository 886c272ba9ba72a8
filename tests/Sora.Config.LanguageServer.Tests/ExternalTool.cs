using System.Diagnostics;
using System.Text;

namespace Sora.Config.LanguageServer.Tests;

/// <summary>Programs the editor tests need (npm, nvim): found on PATH or the test fails saying how to install them; never
/// skipped. <c>.ci/run</c> installs them.</summary>
public static class ExternalTool
{
    /// <summary>The full path of <paramref name="name"/> on PATH; fails the test with <paramref name="install"/> when absent.</summary>
    public static string Require(string name, string install)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"'{name}' is not on PATH; this test needs it. Install it: {install}");
        return null!;
    }

    /// <summary>Runs a program to its end and fails the test, with its output, when it does not exit with 0.</summary>
    public static string Run(string program, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (environment != null) foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var command = Path.GetFileName(program) + " " + string.Join(' ', args);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{command}' did not finish within {timeout}:\n{stdout.Result}\n{stderr.Result}");
        }
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"'{command}' exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result + stderr.Result;
    }
}
