using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Sora.Config.LanguageServer.Tests;

/// <summary>Runs the other commands of the same tool, to compare the server with <c>sora-conf lint</c> and <c>fmt</c>.</summary>
public static class Cli
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string? workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        start.ArgumentList.Add(LspClient.DllPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["LC_ALL"] = "en_US.UTF-8";
        start.Environment["LANG"] = "en_US.UTF-8";
        start.Environment["NO_COLOR"] = "1";
        if (environment != null) foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "sora-conf did not finish: " + string.Join(' ', args));
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The findings of <c>sora-conf lint --format json</c> on <paramref name="path"/>.</summary>
    public static JsonArray LintJson(string path, IDictionary<string, string>? environment = null, params string[] extra)
    {
        var (_, stdout, stderr) = Run(null, environment, new[] { "lint", "--format", "json", "--fail-on", "none" }.Concat(extra).Append(path).ToArray());
        Assert.True(stdout.Length > 0, "lint printed nothing: " + stderr);
        return JsonNode.Parse(stdout)!["findings"]!.AsArray();
    }
}
