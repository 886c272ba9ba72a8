using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sora.Config.Cli.Tests;

/// <summary><c>sora-conf lint sora.conf --nginx … --systemd-unit … --sysctl …</c> and <c>--host</c> (issue 13): findings at
/// the lines of the operator's files in every format, the same exit codes and suppressions as for sora.conf.</summary>
public class DeploymentLintTests
{
    private static readonly string Dir = Path.Combine(SoraConfCli.Fixtures, "deployment");

    private static readonly string[] Files =
    {
        "sora.conf", "--nginx", "nginx.conf", "--systemd-unit", "sora.service", "--sysctl", "99-sora.conf", "--sysctl", "99-local.conf", "--max-connections", "2000",
    };

    private static string Normalize(string sarif) =>
        Regex.Replace(sarif.Replace("\r\n", "\n"), "\"(version|semanticVersion)\": \"\\d+\\.\\d+\\.\\d+[^\"]*\"", "\"$1\": \"<tool-version>\"")
            .Replace("\"version\": \"<tool-version>\",\n  \"runs\"", "\"version\": \"2.1.0\",\n  \"runs\"");

    [Fact]
    public void Text_output_names_each_file_line_and_column()
    {
        var run = SoraConfCli.RunIn(Dir, null, new[] { "lint" }.Concat(Files).ToArray());
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nginx.conf:15:16: error SORA3001:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("nginx.conf:58:9: error SORA3033:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("sora.service:14:1: error SORA3034:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning SORA3035:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("99-local.conf:2:1: warning SORA3017:", run.Stdout, StringComparison.Ordinal);
        // Suppressed in the unit with a reason, in the unit's comment syntax.
        Assert.DoesNotContain("SORA3016", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_carries_the_files_path_line_and_column_and_min_severity_and_fail_on_apply()
    {
        var run = SoraConfCli.RunIn(Dir, null, new[] { "lint", "--format", "json", "--min-severity", "error", "--fail-on", "error" }.Concat(Files).ToArray());
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var json = doc.RootElement.ToString();
        Assert.Contains("\"path\":\"nginx.conf\"", json.Replace(" ", ""), StringComparison.Ordinal);
        Assert.Contains("\"id\":\"SORA3001\"", json.Replace(" ", ""), StringComparison.Ordinal);
        Assert.DoesNotContain("SORA3035", json, StringComparison.Ordinal); // a warning, below --min-severity error

        var warnings = SoraConfCli.RunIn(Dir, null, new[] { "lint", "--fail-on", "none" }.Concat(Files).ToArray());
        Assert.Equal(0, warnings.ExitCode);
    }

    [Fact]
    public void Sarif_output_matches_the_golden_file()
    {
        var run = SoraConfCli.RunIn(Dir, null, new[] { "lint", "--format", "sarif" }.Concat(Files).ToArray());
        Assert.Equal(1, run.ExitCode);
        var actual = Normalize(run.Stdout);
        if (Environment.GetEnvironmentVariable("SORA_CONF_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SoraConfCli.FixturesSource, "deployment", "expected.sarif"), actual);
        }
        Assert.Equal(File.ReadAllText(Path.Combine(Dir, "expected.sarif")).Replace("\r\n", "\n"), actual);
        Assert.Contains("\"uri\": \"nginx.conf\"", actual, StringComparison.Ordinal);
        Assert.Contains("\"uri\": \"sora.service\"", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_mode_finds_the_usual_paths_says_what_it_checked_and_what_is_missing()
    {
        using var root = new TempDir();
        string Put(string relative, string from)
        {
            var path = Path.Combine(root.Path, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(Path.Combine(Dir, from), path);
            return path;
        }
        Put("etc/nginx/nginx.conf", "nginx.conf");
        Put("etc/nginx/certs/fullchain.pem", "certs/fullchain.pem");
        Put("etc/nginx/certs/privkey.pem", "certs/privkey.pem");
        var unit = Put("etc/systemd/system/sora.service", "sora.service");
        Put("home/sora/sora/etc/sora.conf", "sora.conf");

        var run = SoraConfCli.Run("lint", "--host", "--root", root.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("checked nginx: " + Path.Combine(root.Path, "etc/nginx/nginx.conf"), run.Stderr, StringComparison.Ordinal);
        Assert.Contains("checked sora.conf: " + Path.Combine(root.Path, "home/sora/sora/etc/sora.conf"), run.Stderr, StringComparison.Ordinal);
        Assert.Contains("not found: sysctl", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(unit + ":14:1: error SORA3034:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(root.Path, "etc/nginx/nginx.conf") + ":15:16: error SORA3001:", run.Stdout, StringComparison.Ordinal);

        // Without a unit there is nothing to find sora.conf by: a usage error that says so.
        File.Delete(unit);
        var none = SoraConfCli.Run("lint", "--host", "--root", root.Path);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("not found: systemd unit", none.Stderr, StringComparison.Ordinal);
        Assert.Contains("found no sora.conf", none.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Deployment_files_named_that_cannot_be_read_are_usage_errors_each_reported_and_bad_usage_is_refused()
    {
        // Exit 2 as for a missing sora.conf, so that --fail-on none cannot hide it; every such file at once.
        var run = SoraConfCli.RunIn(Dir, null, "lint", "--fail-on", "none", "sora.conf", "--nginx", "no-such-nginx.conf", "--sysctl", "99-sora.conf", "--sysctl", ".");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("sora-conf: error: --nginx no-such-nginx.conf: no such file", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("sora-conf: error: --sysctl .: is a directory, not a file", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("99-sora.conf", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);

        // A file the named one includes is the configuration's own problem, which nginx refuses: a finding at the include.
        using var dir = new TempDir();
        dir.Write("nginx.conf", "events {}\ninclude streams-enabled/missing.conf;\n");
        File.Copy(Path.Combine(Dir, "sora.conf"), dir.File("sora.conf"));
        var included = SoraConfCli.RunIn(dir.Path, null, "lint", "sora.conf", "--nginx", "nginx.conf");
        Assert.Equal(1, included.ExitCode);
        Assert.Contains("nginx.conf:2:9: error SORA3030: the included file streams-enabled/missing.conf does not exist (nginx -t fails on it)", included.Stdout, StringComparison.Ordinal);

        var two = SoraConfCli.RunIn(Dir, null, "lint", "sora.conf", "sora.conf", "--nginx", "nginx.conf");
        Assert.Equal(2, two.ExitCode);
        Assert.Contains("give exactly one", two.Stderr, StringComparison.Ordinal);
    }
}
