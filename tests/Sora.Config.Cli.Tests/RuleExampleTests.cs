using System.Text.Json;
using System.Text.RegularExpressions;
using Sora.Config.Catalog;

namespace Sora.Config.Cli.Tests;

/// <summary>Every rule of the catalogue (CLI-only ones included) through `sora-conf lint`, in all three
/// formats: the rule's bad example is reported, its good example is not.</summary>
public class RuleExampleTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (var format in new[] { "text", "json", "sarif" })
        {
            // The catalogue includes the CLI-only rules (SORA0009, SORA0010) with their examples. A deployment rule's
            // examples are excerpts: it runs on its bad/good fixture pair of hand-written files instead, when a host's
            // files can show it (the nginx version and cluster rules need a typed deployment: runtime tests).
            foreach (var rule in SoraCatalog.Default.Rules)
            {
                if (rule.Scope == SoraRuleScope.Deployment && !Directory.Exists(Path.Combine(DeploymentCases, rule.Id + "-bad"))) continue;
                yield return new object[] { rule.Id, format };
            }
        }
    }

    /// <summary>The examples as the bytes of a file (a rule about bytes that are not UTF-8 has such bytes in them).</summary>
    private static (byte[] Bad, byte[] Good) Examples(string id)
    {
        Assert.True(SoraCatalog.Default.TryGetRule(id, out var rule), id + " is not in the catalogue");
        return (rule.GetExampleBytes(bad: true), rule.GetExampleBytes(bad: false));
    }

    private static readonly Regex TextLine = new(@"^(?<path>[^:]+)(:(?<line>\d+):(?<col>\d+))?: (?<sev>error|warning|info) (?<id>SORA\d{4}): (?<msg>.+)$");

    /// <summary>The runtime tests' bad/good pairs of hand-written deployment files, one per SORA3xxx rule.</summary>
    private static readonly string DeploymentCases = Path.GetFullPath(Path.Combine(SoraConfCli.FixturesSource, "..", "..", "Sora.Config.Tests", "Fixtures", "deployment", "cases"));

    private static CliResult LintCase(string dir, string format, params string[] extra)
    {
        var max = File.ReadAllLines(Path.Combine(dir, "case.txt")).Single(l => l.StartsWith("max-connections: ", StringComparison.Ordinal)).Substring(17);
        var args = new List<string> { "lint", "--format", format, "sora.conf", "--nginx", "nginx.conf", "--systemd-unit", "sora.service", "--max-connections", max };
        foreach (var f in Directory.GetFiles(Path.Combine(dir, "sysctl.d"), "*.conf").OrderBy(f => f, StringComparer.Ordinal)) args.AddRange(new[] { "--sysctl", Path.GetRelativePath(dir, f) });
        args.AddRange(extra);
        return SoraConfCli.RunIn(dir, null, args.ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_example_is_reported_and_good_example_is_not(string id, string format)
    {
        if (SoraCatalog.Default.GetRule(id).Scope == SoraRuleScope.Deployment)
        {
            var badCase = LintCase(Path.Combine(DeploymentCases, id + "-bad"), format, "--fail-on", "info");
            Assert.True(badCase.ExitCode == 1, badCase.ToString());
            Assert.Contains(id, Ids(badCase, format, null));
            var goodCase = LintCase(Path.Combine(DeploymentCases, id + "-good"), format);
            Assert.True(goodCase.ExitCode is 0 or 1, goodCase.ToString());
            Assert.DoesNotContain(id, Ids(goodCase, format, null));
            return;
        }
        var (bad, good) = Examples(id);
        using var dir = new TempDir();
        dir.WriteBytes("bad.conf", bad);
        dir.WriteBytes("good.conf", good);

        var badRun = SoraConfCli.RunIn(dir.Path, null, "lint", "--format", format, "--fail-on", "info", "bad.conf");
        Assert.True(badRun.ExitCode == 1, badRun.ToString());
        Assert.Contains(id, Ids(badRun, format, "bad.conf"));

        var goodRun = SoraConfCli.RunIn(dir.Path, null, "lint", "--format", format, "good.conf");
        Assert.True(goodRun.ExitCode is 0 or 1, goodRun.ToString());
        Assert.DoesNotContain(id, Ids(goodRun, format, "good.conf"));
    }

    private static string ExpectedLevel(string id, string level, JsonElement rule)
    {
        var accepted = SoraCatalog.Default.GetRule(id).AcceptedSeverity;
        return accepted is { } a && level == SarifLevel(a) ? level : rule.GetProperty("defaultConfiguration").GetProperty("level").GetString()!;
    }

    private static string SarifLevel(Sora.Config.Diagnostics.SoraConfSeverity severity) => severity switch
    {
        Sora.Config.Diagnostics.SoraConfSeverity.Error => "error",
        Sora.Config.Diagnostics.SoraConfSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>The rule IDs reported, after checking the output is well-formed for its format.</summary>
    private static List<string> Ids(CliResult run, string format, string? path)
    {
        Assert.Equal("", run.Stderr);
        var ids = new List<string>();
        switch (format)
        {
            case "text":
                var lines = run.StdoutLines;
                Assert.NotEmpty(lines);
                foreach (var line in lines[..^1])
                {
                    var m = TextLine.Match(line);
                    Assert.True(m.Success, "not path:line:col: severity ID: message — " + line);
                    if (path != null) Assert.Equal(path, m.Groups["path"].Value);
                    if (m.Groups["line"].Success) Assert.True(int.Parse(m.Groups["line"].Value) >= 1);
                    ids.Add(m.Groups["id"].Value);
                }
                Assert.Matches(@"^(no findings in 1 file|\d+ errors?, \d+ warnings?, \d+ info in 1 file)( \(.*\))?$", lines[^1]);
                break;

            case "json":
                using (var doc = JsonDocument.Parse(run.Stdout))
                {
                    Assert.Equal(1, doc.RootElement.GetProperty("version").GetInt32());
                    foreach (var f in doc.RootElement.GetProperty("findings").EnumerateArray())
                    {
                        foreach (var name in new[] { "id", "severity", "message", "path", "helpUri" })
                            Assert.False(string.IsNullOrEmpty(f.GetProperty(name).GetString()), name);
                        Assert.Contains(f.GetProperty("severity").GetString(), new[] { "error", "warning", "info" });
                        if (path != null) Assert.Equal(path, f.GetProperty("path").GetString());
                        Assert.True(f.GetProperty("key").ValueKind is JsonValueKind.String or JsonValueKind.Null);
                        int line = f.GetProperty("line").GetInt32();
                        if (line > 0)
                        {
                            Assert.Equal(line, f.GetProperty("endLine").GetInt32());
                            Assert.True(f.GetProperty("endColumn").GetInt32() > f.GetProperty("column").GetInt32());
                        }
                        ids.Add(f.GetProperty("id").GetString()!);
                    }
                }
                break;

            case "sarif":
                using (var doc = JsonDocument.Parse(run.Stdout))
                {
                    var root = doc.RootElement;
                    Assert.Equal("2.1.0", root.GetProperty("version").GetString());
                    var runElement = Assert.Single(root.GetProperty("runs").EnumerateArray());
                    Assert.Equal("utf16CodeUnits", runElement.GetProperty("columnKind").GetString());
                    var rules = runElement.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
                    foreach (var result in runElement.GetProperty("results").EnumerateArray())
                    {
                        var ruleId = result.GetProperty("ruleId").GetString()!;
                        var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
                        Assert.Equal(ruleId, rule.GetProperty("id").GetString());
                        SarifAssert.RuleIsComplete(rule);
                        Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
                        // A finding of a file Sora still reads may be below the rule's default (its accepted severity).
                        Assert.Equal(ExpectedLevel(ruleId, result.GetProperty("level").GetString()!, rule), result.GetProperty("level").GetString());
                        var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
                        if (path != null) Assert.Equal(path, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
                        if (location.TryGetProperty("region", out var region))
                        {
                            Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
                            Assert.True(region.GetProperty("endColumn").GetInt32() > region.GetProperty("startColumn").GetInt32());
                        }
                        Assert.Matches("^[0-9a-f]{64}$", result.GetProperty("partialFingerprints").GetProperty("soraConfFinding/v1").GetString()!);
                        ids.Add(ruleId);
                    }
                }
                break;
        }
        return ids;
    }
}

internal static class SarifAssert
{
    public static void RuleIsComplete(JsonElement rule)
    {
        Assert.Matches("^SORA[0-9]{4}$", rule.GetProperty("id").GetString()!);
        Assert.Matches("^[a-z0-9-]+$", rule.GetProperty("name").GetString()!);
        Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("markdown").GetString()));
        Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString());
        Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
    }
}
