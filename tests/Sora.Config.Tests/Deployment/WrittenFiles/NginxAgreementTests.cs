using System.Diagnostics;
using Sora.Config.Deployment.Parsing;
using Sora.Config.Deployment.Parsing.Nginx;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Tests.Deployment.WrittenFiles;

/// <summary>The real <c>nginx -t</c> and our parser agree on which nginx fixtures are syntactically valid: every
/// nginx.conf of the deployment fixtures (including the one with a missing ';', which nginx refuses) and the syntax
/// fixtures (quotes, escapes, variables, comments, CRLF, and one invalid file per syntax error). nginx must be installed
/// (Debian: nginx and libnginx-mod-stream, as .ci/run does); without it this test fails, it does not skip.</summary>
public class NginxAgreementTests
{
    /// <summary>nginx's messages for errors of its reader (ngx_conf_read_token and the block parser); anything else
    /// (a missing certificate, an unknown directive) is about meaning, not syntax.</summary>
    private static readonly string[] SyntaxMessages = { "unexpected \"", "unexpected end of file" };

    public static TheoryData<string> NginxFiles()
    {
        var data = new TheoryData<string>();
        var root = RepoPaths.Fixture("deployment");
        foreach (var f in Directory.GetFiles(Path.Combine(root, "nginx-syntax"), "*.conf").OrderBy(f => f, StringComparer.Ordinal)) data.Add(Path.GetRelativePath(root, f));
        foreach (var d in Directory.GetDirectories(Path.Combine(root, "cases")).OrderBy(d => d, StringComparer.Ordinal)) data.Add(Path.GetRelativePath(root, Path.Combine(d, "nginx.conf")));
        data.Add(Path.Combine("base", "nginx.conf"));
        data.Add(Path.Combine("debian", "nginx.conf"));
        return data;
    }

    internal static string NginxPath()
    {
        foreach (var candidate in new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" })
        {
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("nginx is not installed: this test runs the real 'nginx -t'. Install it with 'apt-get update && apt-get install -y nginx libnginx-mod-stream' (.ci/run does).");
    }

    /// <summary>Runs <c>nginx -t</c> on a file; null when nginx accepts its syntax, else nginx's message.</summary>
    internal static (bool Ok, string Output) NginxTest(string file)
    {
        using var prefix = new TempDir();
        var start = new ProcessStartInfo(NginxPath()) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-t", "-q", "-c", file, "-p", prefix.Path, "-e", "stderr", "-g", "pid " + Path.Combine(prefix.Path, "nginx.pid") + ";" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode == 0, stderr);
    }

    [Theory]
    [MemberData(nameof(NginxFiles))]
    public void Nginx_and_the_parser_agree_on_syntax(string relative)
    {
        var file = RepoPaths.Fixture("deployment", relative);
        var (ok, output) = NginxTest(file);
        bool nginxSyntaxOk = ok || !SyntaxMessages.Any(m => output.Contains(m, StringComparison.Ordinal));
        var problems = new List<SoraFactProblem>();
        NginxParser.ParseFile(file, problems, new List<SoraFactSuppression>(), out bool complete);
        Assert.True(nginxSyntaxOk == complete, $"{relative}: nginx -t says {(nginxSyntaxOk ? "valid syntax" : "invalid syntax")} ({output.Trim()}); the parser says {(complete ? "valid" : "invalid")} ({string.Join("; ", problems)})");
        if (!nginxSyntaxOk)
        {
            // Both name the same file; nginx's line is where it noticed, ours where the mistake is, at most that far.
            var at = System.Text.RegularExpressions.Regex.Match(output, @" in (.+):(\d+)");
            Assert.True(at.Success, output);
            int nginxLine = int.Parse(at.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var ours = Assert.Single(problems);
            Assert.EndsWith(Path.GetFileName(file), ours.Source.Path, StringComparison.Ordinal);
            Assert.InRange(ours.Source.Line, 1, nginxLine);
        }
    }

    [Fact]
    public void The_fixtures_hold_both_kinds_so_a_disagreement_can_show()
    {
        var verdicts = new List<bool>();
        foreach (var row in NginxFiles()) verdicts.Add(NginxTest(RepoPaths.Fixture("deployment", (string)row)).Ok);
        Assert.Contains(true, verdicts);
        Assert.Contains(false, verdicts);
        // The harness itself: nginx refuses a config with a missing ';' that a naive brace counter would accept.
        using var dir = new TempDir();
        var bad = Path.Combine(dir.Path, "bad.conf");
        File.WriteAllText(bad, "events {}\nhttp {\n    access_log off\n}\n");
        var (okBad, output) = NginxTest(bad);
        Assert.False(okBad);
        Assert.Contains("unexpected \"}\"", output, StringComparison.Ordinal);
    }
}
