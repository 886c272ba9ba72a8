using System.Text.Json;

namespace Sora.Config.Cli.Tests;

/// <summary>0 success / 1 findings at or above --fail-on / 2 usage or I/O error; --min-severity only filters what is shown.</summary>
public class ExitCodeTests
{
    private const string Clean = "ipv4_address = 10.0.0.1\nturn_fqdn = turn.sora.co.jp\napi_loopback_address_only = true\nsignaling_loopback_address_only = true\n";

    private static CliResult Lint(string content, params string[] options)
    {
        using var dir = new TempDir();
        dir.Write("sora.conf", content);
        return SoraConfCli.RunIn(dir.Path, null, ["lint", .. options, "sora.conf"]);
    }

    [Fact]
    public void Clean_file_exits_0()
    {
        var run = Lint(Clean, "--fail-on", "info");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new[] { "no findings in 1 file" }, run.StdoutLines);
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("info", 1)]
    [InlineData("none", 0)]
    public void Fail_on_sets_the_threshold_for_a_warning(string failOn, int expected) =>
        Assert.Equal(expected, Lint(Clean + "demo = true\n", "--fail-on", failOn).ExitCode);

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 0)]
    [InlineData("info", 1)]
    public void Fail_on_sets_the_threshold_for_an_info(string failOn, int expected) =>
        Assert.Equal(expected, Lint(Clean + "ipv6 = true\n", "--fail-on", failOn).ExitCode);

    [Fact]
    public void Errors_fail_by_default_and_none_never_fails()
    {
        Assert.Equal(1, Lint(Clean + "api_port = x\n").ExitCode);
        Assert.Equal(0, Lint(Clean + "api_port = x\n", "--fail-on", "none").ExitCode);
    }

    [Fact]
    public void Min_severity_hides_findings_without_changing_the_exit_code()
    {
        var run = Lint(Clean + "demo = true\nipv6 = true\n", "--min-severity", "error");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(new[] { "no findings in 1 file (2 below --min-severity error not shown)" }, run.StdoutLines);

        var json = Lint(Clean + "demo = true\nipv6 = true\n", "--min-severity", "warning", "--format", "json");
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(new[] { "SORA1007" }, doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToArray());
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("notShown").GetInt32());
    }

    [Fact]
    public void Development_profile_turns_production_rules_off()
    {
        var run = Lint("demo = true\napi_loopback_address_only = false\n", "--profile", "development", "--fail-on", "info");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new[] { "no findings in 1 file" }, run.StdoutLines);
    }

    [Fact]
    public void Sora_version_selects_the_keys_that_exist()
    {
        Assert.Contains("warning SORA2001", Lint(Clean + "e2ee = true\n").Stdout);
        Assert.Equal(0, Lint(Clean + "e2ee = true\n", "--sora-version", "2024.1", "--fail-on", "info").ExitCode);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("lint", "--format", "xml", "x.conf")]
    [InlineData("lint", "--fail-on", "critical", "x.conf")]
    [InlineData("lint", "--profile", "staging", "x.conf")]
    [InlineData("lint", "--sora-version", "1999.1", "x.conf")]
    [InlineData("lint", "--no-such-option", "x.conf")]
    [InlineData("frobnicate")]
    [InlineData()]
    [InlineData("get", "x.conf")]
    [InlineData("set", "x.conf")]
    [InlineData("keys", "--format", "yaml")]
    [InlineData("explain")]
    [InlineData("explain", "no_such_thing")]
    public void Usage_errors_exit_2_with_a_message_and_no_stack_trace(params string[] args)
    {
        using var dir = new TempDir();
        dir.Write("x.conf", Clean);
        var run = SoraConfCli.RunIn(dir.Path, null, args);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("sora-conf: error: ", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    /// <summary>A misspelt option is not taken for a file or a key (System.CommandLine would hand it to the file argument):
    /// it is refused with the command's closest option, and nothing is read or written.</summary>
    [Theory]
    [InlineData("'sora-conf lint' has no option '--fial-on'; did you mean '--fail-on'?", "lint", "--fial-on", "error", "x.conf")]
    [InlineData("'sora-conf fmt' has no option '--chek'; did you mean '--check'?", "fmt", "--chek", "x.conf")]
    [InlineData("'sora-conf get' has no option '--explian'; did you mean '--explain'?", "get", "--explian", "x.conf", "api_port")]
    [InlineData("'sora-conf set' has no option '--allow-unknown'; did you mean '--allow-unknown-key'?", "set", "--allow-unknown", "x.conf", "label=x")]
    [InlineData("'sora-conf lint' has no option '--schem'; did you mean '--schema'?", "lint", "--schem", "extra.toml", "x.conf")]
    [InlineData("'sora-conf keys' has no option '--fromat'; did you mean '--format'?", "keys", "--fromat", "json")]
    [InlineData("'sora-conf lint' has no option '--fial-on'; did you mean '--fail-on'?", "--fial-on", "lint", "x.conf")]
    [InlineData("'sora-conf lint' has no option '-v'", "lint", "-v", "x.conf")]
    public void A_misspelt_option_is_refused_with_the_closest_one_and_is_not_read_as_a_file(string message, params string[] args)
    {
        using var dir = new TempDir();
        dir.Write("x.conf", "api_port = 3000\n");
        var run = SoraConfCli.RunIn(dir.Path, null, args);
        Assert.True(run.ExitCode == 2, run.ToString());
        // The misspelling alone: not also the correct word whose place it took, nor the same word twice.
        Assert.Equal(new[] { "sora-conf: error: " + message, "Run 'sora-conf --help' or 'sora-conf <command> --help' for usage." }, run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("", run.Stdout);
        Assert.Equal("api_port = 3000\n", File.ReadAllText(dir.File("x.conf")));
    }

    [Theory]
    [InlineData("'lnit' is not a sora-conf command; did you mean 'lint'? (the commands: lint, fmt, get, set, migrate, unset, explain, keys, new, lsp)", "lnit", "x.conf")]
    [InlineData("'frobnicate' is not a sora-conf command (the commands: lint, fmt, get, set, migrate, unset, explain, keys, new, lsp)", "frobnicate")]
    public void A_misspelt_command_is_refused_once_with_the_closest_one(string message, params string[] args)
    {
        var run = SoraConfCli.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(new[] { "sora-conf: error: " + message, "Run 'sora-conf --help' or 'sora-conf <command> --help' for usage." }, run.Stderr.TrimEnd('\n').Split('\n'));
    }

    /// <summary>After <c>--</c>, a name that starts with '-' is a file, as in every Unix tool.</summary>
    [Fact]
    public void A_file_whose_name_starts_with_a_dash_is_reached_after_a_double_dash()
    {
        using var dir = new TempDir();
        dir.Write("-odd.conf", Clean);
        var run = SoraConfCli.RunIn(dir.Path, null, "lint", "--", "-odd.conf");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(new[] { "no findings in 1 file" }, run.StdoutLines);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("fmt")]
    [InlineData("get")]
    [InlineData("set")]
    [InlineData("unset")]
    [InlineData("explain")]
    [InlineData("keys")]
    [InlineData("new")]
    public void Every_command_has_help(string command)
    {
        var run = SoraConfCli.Run(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout);
        Assert.Contains("sora-conf " + command, run.Stdout);
    }

    [Fact]
    public void Root_help_lists_the_commands_and_version_prints_the_version()
    {
        var help = SoraConfCli.Run("--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "lint", "fmt", "get", "set", "unset", "explain", "keys", "new" }) Assert.Contains("  " + command, help.Stdout);
        var version = SoraConfCli.Run("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n$", version.Stdout);
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file()
    {
        using var dir = new TempDir();
        dir.Write("sora.conf", Clean + "demo = true\n");
        var run = SoraConfCli.RunIn(dir.Path, null, "lint", "--format", "json", "--output", "report.json", "sora.conf");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File("report.json")));
        Assert.Equal("SORA1007", doc.RootElement.GetProperty("findings")[0].GetProperty("id").GetString());
    }
}
