using System.Text.Json;
using Microsoft.CodeAnalysis;
using Sora.Config.Cli.Tests;

namespace Sora.Config.Analyzers.Tests;

/// <summary>One verdict per text, whatever reads it: the linter (<c>SoraConfFile</c>), the analyzers on a sora.conf
/// AdditionalFile, <c>sora-conf lint</c> (the real tool, as a process), and a generated class (TryParse, then
/// Validate — what build-time output reports) must report the same findings for the same text. Checked on every
/// example of every rule and on the files the sample writes.</summary>
public sealed class ConsistencyTests
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in SoraCatalog.Default.Rules)
        {
            data.Add(rule.Id + " bad", rule.ExampleBad);
            data.Add(rule.Id + " good", rule.ExampleGood);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_tool_reports_the_same_findings_for_a_rule_example(string name, string text) => await AssertOneVerdictAsync(name, text);

    [Fact]
    public async Task Every_tool_reports_the_same_findings_for_the_sample_files()
    {
        foreach (var (name, conf) in new (string, ISoraConf)[] { ("staging", Infra.Environments.Staging), ("production", Infra.Environments.Production) })
        {
            var text = conf.Serialize();
            var findings = await AssertOneVerdictAsync(name, text);
            // What the build reports for the member is the class's Validate(): the same findings, by rule and key.
            Assert.Equal(KeyFindings(findings), conf.Validate().Select(d => (d.Id, d.Key)).OrderBy(f => f).ToList());
        }
    }

    [Fact]
    public async Task An_unsafe_variant_of_the_sample_gets_the_same_findings_everywhere()
    {
        var conf = Infra.Environments.Production;
        conf.Demo = true;
        conf.EventWebhookUrl = new Uri("http://hooks.sora.internal/e");
        conf.Ipv4Address = System.Net.IPAddress.Parse("192.0.2.10");
        var findings = await AssertOneVerdictAsync("unsafe", conf.Serialize());
        Assert.Contains(findings, f => f.Id == "SORA1007");
        Assert.Contains(findings, f => f.Id == "SORA1006");
        Assert.Contains(findings, f => f.Id == "SORA0010");
        Assert.Equal(KeyFindings(findings), conf.Validate().Select(d => (d.Id, d.Key)).OrderBy(f => f).ToList());
    }

    private sealed record Finding(string Id, string? Key, int Line, int Column);

    private static async Task<List<Finding>> AssertOneVerdictAsync(string name, string text)
    {
        var lint = SoraConfFile.Read(text).Diagnostics.Select(d => new Finding(d.Id, d.Key, d.Line, d.Column)).OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Id).ToList();

        // The analyzers, on the same text as a project's sora.conf.
        var analyzer = (await Analysis.RunAsync("class C { }", true, ("/project/sora.conf", text)))
            .Where(d => d.Location.IsInSource == false && d.Location.GetLineSpan().Path == "/project/sora.conf")
            // A finding without a position in the file (about a key's default) is reported at an empty span at the start.
            .Select(d => d.Location.SourceSpan.IsEmpty && d.Location.SourceSpan.Start == 0
                ? (d.Id, Line: 0, Column: 0)
                : (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Column: d.Location.GetLineSpan().StartLinePosition.Character + 1))
            .OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Id).ToList();
        Assert.True(lint.Select(f => (f.Id, f.Line, f.Column)).SequenceEqual(analyzer), $"{name}: linter {Show(lint)}; analyzers {string.Join(", ", analyzer)}");

        // The command-line tool.
        using var dir = new TempDir();
        var run = SoraConfCli.Run("lint", "--format", "json", "--fail-on", "none", dir.Write("sora.conf", text));
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var cli = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new Finding(f.GetProperty("id").GetString()!, f.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null,
                f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32()))
            .OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Id).ToList();
        Assert.True(lint.SequenceEqual(cli), $"{name}: linter {Show(lint)}; sora-conf lint {Show(cli)}");

        // A generated class: what TryParse reports of the text, then what Validate() reports of the object. The object
        // keeps no comments, so a finding the file suppresses with a comment is one Validate() reports.
        if (SoraConf.TryParse(text, out var conf, out var parsed))
        {
            var all = SoraConfFile.Read(text);
            var expected = KeyFindings(lint.Concat(all.Suppressed.Select(x => new Finding(x.Diagnostic.Id, x.Diagnostic.Key, x.Diagnostic.Line, x.Diagnostic.Column))));
            var typed = parsed.Select(d => (d.Id, d.Key)).Concat(conf!.Validate().Select(d => (d.Id, d.Key))).Distinct().OrderBy(f => f).ToList();
            Assert.True(expected.SequenceEqual(typed), $"{name}: linter {Show(lint)}; TryParse + Validate {string.Join(", ", typed)}");
        }
        else
        {
            Assert.Contains(lint, f => SoraCatalog.Default.GetRule(f.Id).DefaultSeverity == SoraConfSeverity.Error);
        }
        return lint;
    }

    private static List<(string Id, string? Key)> KeyFindings(IEnumerable<Finding> findings) =>
        findings.Select(f => (f.Id, f.Key)).Distinct().OrderBy(f => f).ToList();

    private static string Show(IEnumerable<Finding> findings) => "[" + string.Join(", ", findings.Select(f => $"{f.Id}@{f.Line}:{f.Column}")) + "]";
}
