using Sora.Config.Deployment.Parsing;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Tests.Deployment.WrittenFiles;

/// <summary>The deployment rules on hand-written files (issue 13): for every rule a host's files can trigger, a bad
/// fixture (the guide's layout with one mistake) reports the rule exactly at the lines its case.txt expects, and the
/// good fixture next to it does not report it. Fixtures/deployment/base is the guide's layout and reports nothing.</summary>
public class CaseFixtureTests
{
    private static readonly string Cases = RepoPaths.Fixture("deployment", "cases");

    /// <summary>Rules a single host's files cannot show: the nginx version is not in its configuration (3010, 3011),
    /// and a cluster is more than one host (3020–3024).</summary>
    private static readonly string[] NotFromFiles = { "SORA3010", "SORA3011", "SORA3020", "SORA3021", "SORA3022", "SORA3023", "SORA3024" };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Cases).OrderBy(d => d, StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    internal static (SoraDeploymentFacts Facts, IReadOnlyList<SoraConfDiagnostic> Findings) Lint(string dir, long maxConnections)
    {
        var files = new SoraDeploymentFiles
        {
            NginxConfig = Path.Combine(dir, "nginx.conf"),
            SystemdUnit = Path.Combine(dir, "sora.service"),
            MaxConnections = maxConnections,
        };
        foreach (var f in Directory.GetFiles(Path.Combine(dir, "sysctl.d"), "*.conf").OrderBy(f => f, StringComparer.Ordinal)) files.SysctlFiles.Add(f);
        var facts = files.Read(SoraConfDocument.Parse(File.ReadAllText(Path.Combine(dir, "sora.conf")), Path.Combine(dir, "sora.conf")));
        return (facts, SoraDeploymentEvaluator.Evaluate(facts));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_fixture_reports_its_rule_where_expected_and_its_good_twin_does_not(string name)
    {
        var dir = Path.Combine(Cases, name);
        var lines = File.ReadAllLines(Path.Combine(dir, "case.txt"));
        string Field(string key) => lines.Single(l => l.StartsWith(key + ": ", StringComparison.Ordinal)).Substring(key.Length + 2);
        var rule = Field("rule");
        var expected = lines.Where(l => l.StartsWith("expect: ", StringComparison.Ordinal)).Select(l => l.Substring(8)).OrderBy(x => x, StringComparer.Ordinal).ToList();
        var (_, findings) = Lint(dir, long.Parse(Field("max-connections"), System.Globalization.CultureInfo.InvariantCulture));
#if RUNTIME_NETSTANDARD
        // The netstandard2.0 build cannot read certificate names (documented): every certificate is SORA3006's "not
        // checked", and SORA3005 cannot be decided.
        if (rule is "SORA3005" or "SORA3006")
        {
            Assert.Contains(findings, f => f.Id == "SORA3006" && f.Message.Contains("netstandard2.0", StringComparison.Ordinal));
            Assert.DoesNotContain(findings, f => f.Id == "SORA3005");
            return;
        }
#endif
        var actual = findings.Where(f => f.Id == rule)
            .Select(f => Path.GetRelativePath(dir, f.Path!).Replace('\\', '/') + ":" + f.Line)
            .Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();
        if (name.EndsWith("-good", StringComparison.Ordinal)) Assert.True(actual.Count == 0, rule + " in the good fixture: " + string.Join(", ", findings));
        else Assert.True(expected.SequenceEqual(actual), "expected " + string.Join(", ", expected) + "; got " + string.Join(", ", findings.Select(f => f.ToString())));
    }

    [Fact]
    public void Every_deployment_rule_a_host_can_show_has_a_bad_and_a_good_fixture()
    {
        var rules = SoraCatalog.Default.Rules.Where(r => r.Scope == SoraRuleScope.Deployment).Select(r => r.Id).Except(NotFromFiles).ToList();
        Assert.True(rules.Count >= 20, "deployment rules: " + rules.Count);
        foreach (var id in rules)
        {
            Assert.True(Directory.Exists(Path.Combine(Cases, id + "-bad")), id + " has no bad fixture");
            Assert.True(Directory.Exists(Path.Combine(Cases, id + "-good")), id + " has no good fixture");
        }
    }

    [Fact]
    public void The_guides_layout_written_by_hand_is_clean_and_fully_read()
    {
        var dir = RepoPaths.Fixture("deployment", "base");
        var (facts, findings) = Lint(dir, 2000);
#if RUNTIME_NETSTANDARD
        findings = findings.Where(f => f.Id != "SORA3006").ToList();
#endif
        Assert.Empty(findings);
        var host = facts.Hosts.Single();
        var nginx = host.Nginx!;
        Assert.Equal(443, nginx.PrereadPort!.Value);
        Assert.Equal("10.0.0.10:3478", nginx.DefaultRoute!.Value.ToString());
        Assert.Equal(15, nginx.DefaultRoute.Source!.Line); // the upstream's server line, not the map's default line
        Assert.Equal("127.0.0.1:5000", nginx.SignalingUpstream!.Value.ToString());
        Assert.True(nginx.SignalingUpgradeHeaders!.Value);
        Assert.True(nginx.ProxyProtocolSent!.Value);
        Assert.Equal(2, nginx.ProxyProtocolAccepted.Count);
        Assert.Equal(new[] { (SoraSniTarget.Signaling, "sora.corp.internal"), (SoraSniTarget.TurnTls, "sora-turns.corp.internal") },
            nginx.SniRoutes.Select(r => (r.Target, r.ServerName.Value)));
        Assert.Equal("/home/sora/sora/bin/sora foreground", host.Unit!.Get("Service", "ExecStart")!.Value);
        Assert.Equal(5, host.Sysctl.Count);
    }
}
