using CsCheck;
using Sora.Config.Deployment.Parsing;
using Sora.Config.Deployment.Parsing.Nginx;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Tests.Deployment.WrittenFiles;

/// <summary>The hand-written nginx reader: words, quotes, includes, locations in included files, and robustness.</summary>
public class NginxParserTests
{
    private static List<NginxDirective> Parse(string text, out List<SoraFactProblem> problems, out bool complete)
    {
        problems = new List<SoraFactProblem>();
        return NginxParser.ParseText(ConfigText.FromString("nginx.conf", text), ".", problems, new List<SoraFactSuppression>(), out complete);
    }

    [Fact]
    public void Words_quotes_escapes_and_variables_are_read_as_nginx_reads_them()
    {
        var top = Parse("a 'it\\'s' \"x\\\"y ; {\" ${uri}-z a#b; # c } ;\nb\n  c\n  ;", out var problems, out var complete);
        Assert.True(complete, string.Join("; ", problems));
        Assert.Equal(new[] { "it's", "x\"y ; {", "${uri}-z", "a#b" }, top[0].Args.Select(a => a.Value));
        Assert.Equal(new[] { "c" }, top[1].Args.Select(a => a.Value));
        Assert.Equal((2, 1), (top[1].Source.Line, top[1].Source.Column));
        Assert.Equal((3, 3), (top[1].Args[0].Source.Line, top[1].Args[0].Source.Column));
    }

    [Theory]
    [InlineData("a {\n b;\n", 3, "not closed")]
    [InlineData("a;\n}\n", 2, "unexpected '}'")]
    [InlineData("a \"b;\n", 1, "never closed")]
    [InlineData("a \"b\"c;\n", 1, "right after a quoted word")]
    [InlineData("a {\n b 1}\n", 3, "not ended with ';' or '{'")]
    [InlineData("{ a; }\n", 1, "needs a name")]
    public void A_syntax_error_is_one_problem_at_its_line_and_nothing_throws(string text, int line, string says)
    {
        Parse(text, out var problems, out var complete);
        Assert.False(complete);
        var p = Assert.Single(problems);
        Assert.Equal(line, p.Source.Line);
        Assert.Contains(says, p.Message.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Includes_follow_globs_relative_to_the_prefix_and_keep_their_own_file_and_line()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "conf.d"));
        File.WriteAllText(Path.Combine(dir.Path, "nginx.conf"), "# top\ninclude conf.d/*.conf;\ninclude missing.conf;\nhttp { include conf.d/http/*; }\n");
        File.WriteAllText(Path.Combine(dir.Path, "conf.d", "b.conf"), "\n\nb 2;\n");
        File.WriteAllText(Path.Combine(dir.Path, "conf.d", "a.conf"), "a 1;\r\n# 日本語のコメント\r\ninclude ../conf.d/a.conf;\r\n");
        var problems = new List<SoraFactProblem>();
        var top = NginxParser.ParseFile(Path.Combine(dir.Path, "nginx.conf"), problems, new List<SoraFactSuppression>(), out var complete);
        Assert.True(complete);
        Assert.Equal(new[] { "a", "b", "http" }, top.Select(d => d.Name));
        Assert.EndsWith(Path.Combine("conf.d", "a.conf"), top[0].Source.Path, StringComparison.Ordinal);
        Assert.Equal(1, top[0].Source.Line);
        Assert.EndsWith(Path.Combine("conf.d", "b.conf"), top[1].Source.Path, StringComparison.Ordinal);
        Assert.Equal(3, top[1].Source.Line);
        // A file including itself, and a missing file: problems at the include line, not a crash or a loop.
        Assert.Contains(problems, p => p.Message.English.Contains("includes itself", StringComparison.Ordinal) && p.Source.Line == 3);
        Assert.Contains(problems, p => p.Message.English.Contains("missing.conf does not exist", StringComparison.Ordinal) && p.Source.Line == 3 && p.Source.Path.EndsWith("nginx.conf", StringComparison.Ordinal));
        // A glob matching nothing is fine, as for nginx.
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void A_finding_in_an_included_file_is_reported_at_that_files_line()
    {
        using var dir = new TempDir();
        CopyTree(RepoPaths.Fixture("deployment", "debian"), dir.Path);
        var stream = Path.Combine(dir.Path, "streams-enabled", "sora.conf");
        File.WriteAllText(stream, File.ReadAllText(stream).Replace("server 10.0.0.10:3478;", "server localhost:3478;"));
        var files = new SoraDeploymentFiles { NginxConfig = Path.Combine(dir.Path, "nginx.conf") };
        var facts = files.Read(SoraConfDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "sora.conf")), Path.Combine(dir.Path, "sora.conf")));
        var findings = SoraDeploymentEvaluator.Evaluate(facts).Where(f => f.Id == "SORA3001").ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal((stream, 5, 16, SoraConfSeverity.Error), (f.Path, f.Line, f.Column, f.Severity)));
    }

    [Fact]
    public void The_debian_layout_split_over_includes_with_CRLF_and_Japanese_comments_reads_like_the_guides_file()
    {
        var dir = RepoPaths.Fixture("deployment", "debian");
        var facts = new SoraDeploymentFiles { NginxConfig = Path.Combine(dir, "nginx.conf") }.Read(SoraConfDocument.Parse(File.ReadAllText(Path.Combine(dir, "sora.conf")), "sora.conf"));
        Assert.Empty(facts.Problems);
        var nginx = facts.Hosts[0].Nginx!;
        Assert.Equal(new[] { 443, 443 }, nginx.ListenPorts.Select(p => p.Value));
        Assert.Equal("10.0.0.10:3478", nginx.DefaultRoute!.Value.ToString());
        Assert.Equal(18, nginx.SignalingUpstream!.Source!.Line);
        Assert.Equal(Path.Combine(dir, "sites-enabled", "sora"), nginx.SignalingUpstream.Source.Path);
        Assert.True(nginx.SignalingUpgradeHeaders!.Value);
        Assert.True(nginx.ApiAuthenticated!.Value);
        Assert.Equal(2, nginx.SniRoutes.Count);
        Assert.DoesNotContain(SoraDeploymentEvaluator.Evaluate(facts), f => f.Id != "SORA3006");
    }

    [Fact]
    public void A_suppression_comment_in_nginx_needs_a_reason_and_then_hides_the_finding_below_it()
    {
        using var dir = new TempDir();
        CopyTree(RepoPaths.Fixture("deployment", "base"), dir.Path);
        var nginx = Path.Combine(dir.Path, "nginx.conf");
        var text = File.ReadAllText(nginx).Replace("        server 10.0.0.10:3478;", "        # sora-conf-disable-next-line SORA3001 -- lab host, Firefox not used\n        server 127.0.0.1:3478;");
        File.WriteAllText(nginx, text);
        var conf = SoraConfDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "sora.conf")), Path.Combine(dir.Path, "sora.conf"));
        var result = SoraDeploymentEvaluator.Analyze(new SoraDeploymentFiles { NginxConfig = nginx }.Read(conf));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SORA3001");
        Assert.Contains(result.Suppressed, s => s.Diagnostic.Id == "SORA3001" && s.Reason == "lab host, Firefox not used");

        File.WriteAllText(nginx, text.Replace(" -- lab host, Firefox not used", ""));
        var without = SoraDeploymentEvaluator.Evaluate(new SoraDeploymentFiles { NginxConfig = nginx }.Read(conf));
        Assert.Contains(without, d => d.Id == "SORA3001" && d.Line == 16);
        Assert.Contains(without, d => d.Id == "SORA3030" && d.Line == 15 && d.Message.Contains("no rule or gives no reason", StringComparison.Ordinal));
    }

    /// <summary>Property: whatever the bytes, the reader returns (no exception, no endless loop) and every problem points
    /// inside the file. Inputs: the guide's layout with characters deleted, duplicated or replaced by the ones nginx's
    /// grammar cares about.</summary>
    [Fact]
    public void Mutated_configurations_never_crash_the_parser()
    {
        var original = File.ReadAllText(RepoPaths.Fixture("deployment", "debian", "streams-enabled", "sora.conf"))
            + File.ReadAllText(RepoPaths.Fixture("deployment", "base", "nginx.conf"));
        var special = new[] { "{", "}", ";", "\"", "'", "\\", "$", "${", "#", "\n", "\r\n", " ", "\t", "\0", "\uFEFF", "include nginx.conf;", "include *;", "include [;", "東" };
        var mutation = Gen.Select(Gen.Int[0, original.Length], Gen.Int[0, 3], Gen.Int[0, special.Length - 1], Gen.Int[0, 2], (a, l, p, k) => (At: a, Length: l, Pick: p, Kind: k));
        using var empty = new TempDir(); // includes resolve here: nothing to read but the text itself
        mutation.List[1, 8].Sample(edits =>
        {
            var text = original;
            foreach (var (at, length, pick, kind) in edits)
            {
                int start = Math.Min(at, text.Length);
                int count = Math.Min(length, text.Length - start);
                text = kind switch
                {
                    0 => text.Remove(start, count),
                    1 => text.Insert(start, special[pick]),
                    _ => text.Remove(start, count).Insert(start, special[pick]),
                };
            }
            var problems = new List<SoraFactProblem>();
            var top = NginxParser.ParseText(ConfigText.FromString(Path.Combine(empty.Path, "nginx.conf"), text), empty.Path, problems, new List<SoraFactSuppression>(), out var complete);
            int lines = text.Split('\n').Length;
            Assert.All(problems, p => Assert.InRange(p.Source.Line, 1, lines));
            if (!complete) Assert.NotEmpty(problems);
            NginxFactsReader.Read(top, new SoraFactSource("nginx.conf"), empty.Path);
        }, iter: 2000);
    }

    internal static void CopyTree(string from, string to)
    {
        foreach (var d in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, d)));
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(f, Path.Combine(to, Path.GetRelativePath(from, f)), true);
    }
}
