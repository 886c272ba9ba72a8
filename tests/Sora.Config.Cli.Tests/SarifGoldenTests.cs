using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sora.Config.Cli.Tests;

/// <summary>The SARIF output of Fixtures/golden/sora.conf must equal Fixtures/golden/expected.sarif, with the
/// tool version normalized. After an intended change, regenerate with SORA_CONF_UPDATE_GOLDEN=1 and review the diff.</summary>
public class SarifGoldenTests
{
    private static readonly string GoldenDir = Path.Combine(SoraConfCli.Fixtures, "golden");

    private static string Normalize(string sarif) =>
        Regex.Replace(sarif.Replace("\r\n", "\n"), "\"(version|semanticVersion)\": \"\\d+\\.\\d+\\.\\d+[^\"]*\"", "\"$1\": \"<tool-version>\"")
            .Replace("\"version\": \"<tool-version>\",\n  \"runs\"", "\"version\": \"2.1.0\",\n  \"runs\"");

    [Fact]
    public void Sarif_output_matches_the_golden_file()
    {
        var run = SoraConfCli.RunIn(GoldenDir, null, "lint", "--format", "sarif", "sora.conf");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var actual = Normalize(run.Stdout);
        if (Environment.GetEnvironmentVariable("SORA_CONF_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SoraConfCli.FixturesSource, "golden", "expected.sarif"), actual);
        }
        var expected = File.ReadAllText(Path.Combine(GoldenDir, "expected.sarif")).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Golden_output_is_what_code_scanning_needs()
    {
        var run = SoraConfCli.RunIn(GoldenDir, null, "lint", "--format", "sarif", "sora.conf");
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        var sarifRun = root.GetProperty("runs")[0];
        var driver = sarifRun.GetProperty("tool").GetProperty("driver");
        Assert.Equal("sora-conf", driver.GetProperty("name").GetString());
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());
        foreach (var rule in driver.GetProperty("rules").EnumerateArray()) SarifAssert.RuleIsComplete(rule);

        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        // The label line holds a surrogate pair (🎥): columns count UTF-16 code units, as columnKind says.
        var inline = results.Single(r => r.GetProperty("ruleId").GetString() == "SORA0005");
        var region = inline.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(6, region.GetProperty("startLine").GetInt32());
        Assert.Equal(9, region.GetProperty("startColumn").GetInt32());
        Assert.Equal("label = 🎥 東京 edge # primary".Length + 1, region.GetProperty("endColumn").GetInt32());

        // A finding about an effective default has no region, but still a file.
        var unwritten = results.Single(r => r.GetProperty("ruleId").GetString() == "SORA1001");
        var location = unwritten.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.False(location.TryGetProperty("region", out _));
        Assert.Equal("sora.conf", location.GetProperty("artifactLocation").GetProperty("uri").GetString());

        Assert.Contains(results, r => r.GetProperty("level").GetString() == "error");
        Assert.Contains(results, r => r.GetProperty("level").GetString() == "warning");
        Assert.Contains(results, r => r.GetProperty("level").GetString() == "note");
    }

    [Fact]
    public void Fingerprints_survive_moved_lines_and_respacing_but_change_with_the_value()
    {
        using var dir = new TempDir();
        dir.Write("a.conf", "demo = true\nwebhook_insecure = true\nwebhook_response_timeout = 30s\n");
        dir.Write("b.conf", "# a comment added above\n\nwebhook_insecure   =   true\n# another\ndemo=true\nwebhook_response_timeout = 30s\n");
        dir.Write("c.conf", "demo = true\nwebhook_insecure = true\nwebhook_response_timeout = 31s\n");
        Assert.Equal(Fingerprints(dir, "a.conf"), Fingerprints(dir, "b.conf"));
        var a = Fingerprints(dir, "a.conf");
        var c = Fingerprints(dir, "c.conf");
        Assert.Equal(a["SORA1007"], c["SORA1007"]);
        Assert.NotEqual(a["SORA0003"], c["SORA0003"]);
    }

    [Fact]
    public void Paths_are_relative_with_forward_slashes()
    {
        var run = SoraConfCli.RunIn(SoraConfCli.Fixtures, null, "lint", "--format", "sarif", Path.Combine("golden", "sora.conf"));
        using var doc = JsonDocument.Parse(run.Stdout);
        foreach (var result in doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
        {
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("golden/sora.conf", artifact.GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        }
    }

    private static Dictionary<string, string> Fingerprints(TempDir dir, string file)
    {
        var run = SoraConfCli.RunIn(dir.Path, null, "lint", "--format", "sarif", file);
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("ruleId").GetString()!, r => r.GetProperty("partialFingerprints").GetProperty("soraConfFinding/v1").GetString()!);
    }
}
