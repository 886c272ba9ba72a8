using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Sora.Config.Cli.Tests;

/// <summary>What a run of the tool printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs the real <c>sora-conf</c> (the built sora-conf.dll) as a separate process.</summary>
public static class SoraConfCli
{
    public static string DllPath { get; } = Metadata("SoraConfCliDll");

    public static string FixturesSource { get; } = Metadata("FixturesSourceDir");

    public static string Fixtures { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static string Metadata(string name)
    {
        foreach (var attribute in typeof(SoraConfCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == name) return Path.GetFullPath(attribute.Value!.Replace('\\', Path.DirectorySeparatorChar));
        }
        throw new InvalidOperationException("missing assembly metadata " + name);
    }

    public static CliResult Run(params string[] args) => RunIn(null, null, args);

    public static CliResult RunIn(string? workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        RunCommand(workingDirectory, environment, null, "dotnet", Prepend(DllPath, args));

    /// <summary>Runs any program (the tool through setpriv, for instance) with the test environment.</summary>
    public static CliResult RunCommand(string? workingDirectory, IDictionary<string, string>? environment, string? stdin, string program, IEnumerable<string> args)
    {
        Assert.True(File.Exists(DllPath), "the CLI was not built at " + DllPath);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // English messages and no colour, whatever the machine running the tests uses.
        start.Environment["LC_ALL"] = "en_US.UTF-8";
        start.Environment["LANG"] = "en_US.UTF-8";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (environment != null) foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin != null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("sora-conf did not finish: " + string.Join(' ', args));
        }
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string[] Prepend(string first, string[] rest)
    {
        var all = new string[rest.Length + 1];
        all[0] = first;
        rest.CopyTo(all, 1);
        return all;
    }
}

