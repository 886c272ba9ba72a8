using Sora.Config.Deployment.Parsing;
using Sora.Config.Deployment.Parsing.Sysctl;
using Sora.Config.Deployment.Parsing.Systemd;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Tests.Deployment.WrittenFiles;

/// <summary>The systemd unit and sysctl.d readers.</summary>
public class UnitAndSysctlParserTests
{
    [Fact]
    public void A_unit_is_read_with_continuations_repeated_keys_comments_and_drop_ins()
    {
        using var dir = new TempDir();
        var unit = Path.Combine(dir.Path, "sora.service");
        File.WriteAllText(unit, "; comment\r\n[Unit]\r\nDescription=Sora\r\n\r\n[Service]\r\nExecStart=/home/sora/sora/bin/sora \\\r\n# a comment inside\r\n    foreground\r\nUser=nobody\r\nUser=sora\r\nnot a setting\r\n");
        Directory.CreateDirectory(unit + ".d");
        File.WriteAllText(Path.Combine(unit + ".d", "20-limits.conf"), "[Service]\nLimitNOFILE=65536\n");
        File.WriteAllText(Path.Combine(unit + ".d", "10-first.conf"), "[Service]\nLimitNOFILE=1024\n");
        File.WriteAllText(Path.Combine(unit + ".d", "ignored.txt"), "[Service]\nUser=root\n");
        var problems = new List<SoraFactProblem>();
        var facts = UnitParser.ParseFile(unit, problems, new List<SoraFactSuppression>());
        Assert.Equal("/home/sora/sora/bin/sora foreground", facts.Get("Service", "ExecStart")!.Value);
        Assert.Equal(6, facts.Get("Service", "ExecStart")!.Source!.Line);
        Assert.Equal("sora", facts.Get("Service", "User")!.Value);
        var limit = facts.Get("Service", "LimitNOFILE")!;
        Assert.Equal("65536", limit.Value);
        Assert.EndsWith("20-limits.conf", limit.Source!.Path, StringComparison.Ordinal);
        var p = Assert.Single(problems);
        Assert.Equal(11, p.Source.Line);
    }

    [Fact]
    public void Sysctl_files_keep_order_strip_dash_prefixes_and_read_slashes_as_dots()
    {
        var settings = new List<SoraSysctlSetting>();
        var problems = new List<SoraFactProblem>();
        SysctlParser.Parse(ConfigText.FromString("a.conf", "# c\n; c\n-net.core.rmem_max = 1\nnet/ipv4/udp_mem=1 2 3\nbroken\n"), settings, problems, new List<SoraFactSuppression>());
        SysctlParser.Parse(ConfigText.FromString("b.conf", "net.core.rmem_max = 2\n"), settings, problems, new List<SoraFactSuppression>());
        Assert.Equal(new[] { "net.core.rmem_max = 1", "net.ipv4.udp_mem = 1 2 3", "net.core.rmem_max = 2" }, settings.Select(s => s.ToString()));
        Assert.Equal(("b.conf", 1), (settings[2].Source!.Path, settings[2].Source!.Line));
        Assert.Equal(5, Assert.Single(problems).Source.Line);
    }

    [Fact]
    public void Suppressions_use_each_files_comment_syntax_and_skip_comment_lines()
    {
        var suppressions = new List<SoraFactSuppression>();
        var problems = new List<SoraFactProblem>();
        var unit = new SoraUnitFacts("u");
        UnitParser.Parse(ConfigText.FromString("u", "[Service]\n; sora-conf-disable-next-line SORA3016 -- root needed for a legacy port\n# note\nUser=root\n"), unit, problems, suppressions);
        var s = Assert.Single(suppressions);
        Assert.Equal((4, "SORA3016", "root needed for a legacy port"), (s.Line, s.Ids.Single(), s.Reason));
        Assert.Empty(problems);
    }
}
