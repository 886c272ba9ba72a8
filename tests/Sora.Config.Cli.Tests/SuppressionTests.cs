using System.Text.Json;

namespace Sora.Config.Cli.Tests;

/// <summary>`# sora-conf-disable-next-line SORAxxxx -- reason` handling (fixture: Fixtures/suppressions.conf).</summary>
public class SuppressionTests
{
    private static readonly string Fixture = Path.Combine(SoraConfCli.Fixtures, "suppressions.conf");

    [Fact]
    public void Text_hides_suppressed_findings_and_reports_bad_directives()
    {
        var run = SoraConfCli.RunIn(SoraConfCli.Fixtures, null, "lint", "suppressions.conf");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            new[]
            {
                "suppressions.conf:6:1: warning SORA0009: the suppression of SORA1002 gives no reason, so it suppresses nothing; add '-- <why this is acceptable>'",
                "suppressions.conf:7:1: warning SORA1002: signaling_loopback_address_only is false: clients can reach signaling without the TLS-terminating proxy",
                "suppressions.conf:8:1: warning SORA0009: the suppression names 'SORA9999', which is not a sora-conf rule ID",
                "suppressions.conf:9:1: warning SORA1012: webhook_insecure is true: Sora does not verify the certificates of HTTPS webhook targets",
                "suppressions.conf:10:1: warning SORA0009: the suppression is not directly above a key line, so it applies to nothing",
                "suppressions.conf:12:1: warning SORA1011: skip_redact_sensitive_data is true: event_metadata and session_metadata are written to webhook logs unredacted",
                "0 errors, 6 warnings, 0 info in 1 file (2 suppressed)",
            },
            run.StdoutLines);
    }

    [Fact]
    public void Json_lists_suppressed_findings_apart_with_their_reason()
    {
        var run = SoraConfCli.Run("lint", "--format", "json", Fixture);
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("id").GetString(), f.GetProperty("line").GetInt32())).ToList();
        Assert.DoesNotContain(("SORA1007", 3), findings);
        Assert.DoesNotContain(("SORA1001", 5), findings);
        Assert.Contains(("SORA1002", 7), findings);
        var suppressed = doc.RootElement.GetProperty("suppressed").EnumerateArray()
            .Select(f => (f.GetProperty("id").GetString(), f.GetProperty("line").GetInt32(), f.GetProperty("reason").GetString())).ToList();
        Assert.Equal(
            new[]
            {
                ("SORA1007", 3, "staging host behind the VPN, the demo pages are wanted"),
                ("SORA1001", 5, "the ops dashboard on the VPN calls the API"),
            },
            suppressed.Select(s => (s.Item1!, s.Item2, s.Item3!)).ToArray());
    }

    [Fact]
    public void Sarif_leaves_suppressed_findings_out()
    {
        var run = SoraConfCli.Run("lint", "--format", "sarif", Fixture);
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("ruleId").GetString()).ToList();
        Assert.DoesNotContain("SORA1007", results);
        Assert.DoesNotContain("SORA1001", results);
        Assert.Equal(new[] { "SORA0009", "SORA1002", "SORA0009", "SORA1012", "SORA0009", "SORA1011" }, results);
        Assert.DoesNotContain("\"suppressions\"", run.Stdout);
    }

    [Fact]
    public void No_inline_suppressions_reports_everything_and_ignores_directives()
    {
        var run = SoraConfCli.Run("lint", "--no-inline-suppressions", "--format", "json", Fixture);
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var ids = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Equal(new[] { "SORA1007", "SORA1001", "SORA1002", "SORA1012", "SORA1011" }, ids);
        Assert.Empty(doc.RootElement.GetProperty("suppressed").EnumerateArray());
    }

    [Fact]
    public void A_suppression_covers_only_the_line_below_it_and_only_the_named_rules()
    {
        using var dir = new TempDir();
        dir.Write("s.conf",
            "# sora-conf-disable-next-line SORA1012 -- wrong rule for this line\n" +
            "demo = true\n" +
            "# sora-conf-disable-next-line SORA1007 -- the next line is demo, but it is two lines down\n" +
            "# sora-conf-disable-next-line SORA1012 -- stacked directives share the key line below them\n" +
            "webhook_insecure = true\n" +
            "ipv4_address = 10.0.0.1\nturn_fqdn = turn.sora.co.jp\napi_loopback_address_only = true\nsignaling_loopback_address_only = true\n");
        var run = SoraConfCli.RunIn(dir.Path, null, "lint", "s.conf");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            new[]
            {
                "s.conf:2:1: warning SORA1007: demo is true: Sora serves its bundled demo pages",
                "0 errors, 1 warning, 0 info in 1 file (1 suppressed)",
            },
            run.StdoutLines);
    }

    [Fact]
    public void A_misspelt_directive_is_reported()
    {
        using var dir = new TempDir();
        dir.Write("s.conf", "# sora-conf-disable-line SORA1007 -- typo in the directive\ndemo = true\n");
        var run = SoraConfCli.RunIn(dir.Path, null, "lint", "--min-severity", "warning", "s.conf");
        Assert.Contains("s.conf:1:1: warning SORA0009: 'sora-conf-disable-line' is not a sora-conf directive; the only one is 'sora-conf-disable-next-line'", run.StdoutLines);
        Assert.Contains("s.conf:2:1: warning SORA1007: demo is true: Sora serves its bundled demo pages", run.StdoutLines);
    }
}
