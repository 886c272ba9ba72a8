using System.Text;

namespace Sora.Config.Cli.Tests;

/// <summary>set / unset / fmt: only the edited lines change, invalid values change nothing, writes are atomic.</summary>
public class EditTests
{
    private static readonly string Original = File.ReadAllText(Path.Combine(SoraConfCli.Fixtures, "edit", "sora.conf"));

    private static string[] Lines(string text) => text.Split('\n');

    private static (TempDir Dir, string Path) Copy(string? content = null)
    {
        var dir = new TempDir();
        return (dir, dir.Write("sora.conf", content ?? Original));
    }

    /// <summary>Asserts that <paramref name="after"/> equals <paramref name="before"/> except at the given line numbers (1-based).</summary>
    private static void OnlyChanged(string before, string after, params (int Line, string Text)[] changes)
    {
        var expected = Lines(before);
        foreach (var (line, text) in changes) expected[line - 1] = text;
        Assert.Equal(expected, Lines(after));
    }

    [Fact]
    public void Set_replaces_the_value_on_the_key_line_and_nothing_else()
    {
        var (dir, path) = Copy();
        using (dir)
        {
            var run = SoraConfCli.RunIn(dir.Path, null, "set", "sora.conf", "api_port=3001");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("sora.conf:4: api_port = 3001\n", run.Stdout);
            OnlyChanged(Original, File.ReadAllText(path), (4, "api_port=3001"));

            // The value is replaced where it stands: the line's odd spacing is kept (fmt is for spacing).
            SoraConfCli.RunIn(dir.Path, null, "set", "sora.conf", "demo=true");
            OnlyChanged(Original, File.ReadAllText(path), (4, "api_port=3001"), (5, "  demo   =   true"));
        }
    }

    [Fact]
    public void Set_fills_a_commented_template_line_or_appends()
    {
        var (dir, path) = Copy();
        using (dir)
        {
            var run = SoraConfCli.RunIn(dir.Path, null, "set", "sora.conf", "webhook_response_timeout=10 s", "ipv4_address=10.0.0.7");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(new[] { "sora.conf:6: webhook_response_timeout = 10 s", "sora.conf:11: ipv4_address = 10.0.0.7" }, run.StdoutLines);
            var expected = Lines(Original).ToList();
            expected[5] = "webhook_response_timeout = 10 s";
            expected.Insert(10, "ipv4_address = 10.0.0.7");
            Assert.Equal(expected, Lines(File.ReadAllText(path)));
        }
    }

    [Theory]
    [InlineData("webhook_response_timeout=30s", "webhook_response_timeout: '30s' is not an interval")]
    [InlineData("api_port=70000", "api_port:")]
    [InlineData("demo=yes", "demo: 'yes' is not a boolean")]
    [InlineData("label=two\nlines", "line break")]
    [InlineData("label= padded", "whitespace")]
    public void Invalid_value_exits_2_and_changes_nothing(string assignment, string message)
    {
        var (dir, path) = Copy();
        using (dir)
        {
            var before = File.ReadAllBytes(path);
            var stamp = File.GetLastWriteTimeUtc(path);
            var run = SoraConfCli.RunIn(dir.Path, null, "set", "sora.conf", "api_port=3005", assignment);
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("sora-conf: error: ", run.Stderr);
            Assert.Contains(message, run.Stderr);
            Assert.Contains("sora.conf was not changed", run.Stderr);
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
            Assert.Single(Directory.GetFiles(dir.Path));
        }
    }

    [Fact]
    public void Unknown_and_unavailable_keys_are_refused_unless_allowed()
    {
        var (dir, path) = Copy();
        using (dir)
        {
            var typo = SoraConfCli.RunIn(dir.Path, null, "set", "sora.conf", "api_prot=1");
            Assert.Equal(2, typo.ExitCode);
            Assert.Contains("unknown key 'api_prot'; did you mean 'api_port'?", typo.Stderr);

            var removed = SoraConfCli.RunIn(dir.Path, null, "set", "sora.conf", "e2ee=true");
            Assert.Equal(2, removed.ExitCode);
            Assert.Contains("does not exist in Sora", removed.Stderr);
            Assert.Equal(Original, File.ReadAllText(path));

            Assert.Equal(0, SoraConfCli.RunIn(dir.Path, null, "set", "--sora-version", "2024.1", "sora.conf", "e2ee=true").ExitCode);
            Assert.Equal(0, SoraConfCli.RunIn(dir.Path, null, "set", "--allow-unknown-key", "sora.conf", "x_custom=1").ExitCode);
            Assert.EndsWith("label = edge-1\ne2ee = true\nx_custom = 1\n", File.ReadAllText(path));
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Set_keeps_file_mode_crlf_and_hides_secrets()
    {
        var crlf = "api_port = 3000\r\nwebhook_basic_authn = true\r\n";
        var (dir, path) = Copy(crlf);
        using (dir)
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var run = SoraConfCli.RunIn(dir.Path, null, "set", "sora.conf", "webhook_basic_authn_password=s3cret-Pa55");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("sora.conf:3: webhook_basic_authn_password = (secret)\n", run.Stdout);
            Assert.DoesNotContain("s3cret", run.Stdout + run.Stderr);
            Assert.Equal(crlf + "webhook_basic_authn_password = s3cret-Pa55\r\n", File.ReadAllText(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Single(Directory.GetFiles(dir.Path));
        }
    }

    /// <summary>The runtime's atomic writer keeps the exact mode: under umask 000 the temporary file is not
    /// created wider than a 0600 file, and under umask 077 the bits the umask removed are set again.</summary>
    [Theory]
    [InlineData("000", "600", "set", "webhook_basic_authn_password=s3cret-Pa55")]
    [InlineData("000", "600", "unset", "api_port")]
    [InlineData("000", "600", "fmt", null)]
    [InlineData("077", "644", "set", "api_port=3001")]
    [InlineData("077", "664", "fmt", null)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Edits_keep_the_file_mode_whatever_the_umask(string umask, string octal, string command, string? argument)
    {
        var (dir, path) = Copy();
        using (dir)
        {
            var mode = (UnixFileMode)Convert.ToInt32(octal, 8);
            File.SetUnixFileMode(path, mode);
            string[] args = argument is null ? [command, "sora.conf"] : [command, "sora.conf", argument];
            var run = SoraConfCli.RunCommand(dir.Path, null, null, "sh", ["-c", "umask " + umask + " && exec dotnet \"$@\"", "sh", SoraConfCli.DllPath, .. args]);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.NotEqual(Original, File.ReadAllText(path));
            Assert.Equal(mode, File.GetUnixFileMode(path));
            Assert.Single(Directory.GetFileSystemEntries(dir.Path));
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Set_through_a_symbolic_link_keeps_the_targets_0600_mode()
    {
        using var dir = new TempDir();
        var target = dir.Write("real.conf", "api_port = 3000\n");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.CreateSymbolicLink(dir.File("sora.conf"), "real.conf");
        var run = SoraConfCli.RunIn(dir.Path, null, "set", "sora.conf", "webhook_basic_authn_password=s3cret-Pa55");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("real.conf", new FileInfo(dir.File("sora.conf")).LinkTarget);
        Assert.Equal("api_port = 3000\nwebhook_basic_authn_password = s3cret-Pa55\n", File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        Assert.Equal(2, Directory.GetFileSystemEntries(dir.Path).Length);
    }

    [Fact]
    public void Set_through_a_symbolic_link_edits_the_target()
    {
        using var dir = new TempDir();
        var target = dir.Write("real.conf", "api_port = 3000\n");
        File.CreateSymbolicLink(dir.File("sora.conf"), "real.conf");
        Assert.Equal(0, SoraConfCli.RunIn(dir.Path, null, "set", "sora.conf", "api_port=3002").ExitCode);
        Assert.Equal("real.conf", new FileInfo(dir.File("sora.conf")).LinkTarget);
        Assert.Equal("api_port = 3002\n", File.ReadAllText(target));
    }

    [Fact]
    public void Unset_removes_exactly_the_key_lines()
    {
        var content = Original + "api_port = 3009\n";
        var (dir, path) = Copy(content);
        using (dir)
        {
            var run = SoraConfCli.RunIn(dir.Path, null, "unset", "sora.conf", "api_port", "ipv6");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(new[] { "sora.conf: removed api_port (2 lines)", "sora.conf: ipv6 was not set" }, run.StdoutLines);
            var expected = Lines(content).ToList();
            expected.RemoveAt(10);
            expected.RemoveAt(3);
            Assert.Equal(expected, Lines(File.ReadAllText(path)));
        }
    }

    [Fact]
    public void Unset_of_an_absent_key_leaves_the_file_untouched()
    {
        var (dir, path) = Copy();
        using (dir)
        {
            var stamp = File.GetLastWriteTimeUtc(path);
            Thread.Sleep(20);
            var run = SoraConfCli.RunIn(dir.Path, null, "unset", "sora.conf", "api_cors_origin");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
            Assert.Equal(Original, File.ReadAllText(path));
        }
    }

    [Fact]
    public void Fmt_check_reports_and_changes_nothing_then_fmt_fixes_only_spacing()
    {
        var (dir, path) = Copy();
        using (dir)
        {
            var check = SoraConfCli.RunIn(dir.Path, null, "fmt", "--check", "sora.conf");
            Assert.Equal(1, check.ExitCode);
            Assert.Equal("would reformat sora.conf\n", check.Stdout);
            Assert.Equal(Original, File.ReadAllText(path));

            var fmt = SoraConfCli.RunIn(dir.Path, null, "fmt", "sora.conf");
            Assert.Equal(0, fmt.ExitCode);
            Assert.Equal("reformatted sora.conf\n", fmt.Stdout);
            OnlyChanged(Original, File.ReadAllText(path), (4, "api_port = 3000"), (5, "demo = false"));

            var again = SoraConfCli.RunIn(dir.Path, null, "fmt", "--check", "sora.conf");
            Assert.Equal(0, again.ExitCode);
            Assert.Equal("", again.Stdout);
        }
    }

    [Fact]
    public void Fmt_keeps_bytes_it_must_not_touch()
    {
        // A line that is not UTF-8, a tab-indented comment Sora reads as a key, CRLF endings and no final newline.
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("label  =  caf"));
        bytes.Add(0xE9);
        bytes.AddRange(Encoding.UTF8.GetBytes("\n\t# api_port = 1\napi_port=3000\r\ndemo =true"));
        using var dir = new TempDir();
        var path = dir.WriteBytes("sora.conf", bytes.ToArray());
        Assert.Equal(0, SoraConfCli.RunIn(dir.Path, null, "fmt", "sora.conf").ExitCode);
        var expected = new List<byte>();
        expected.AddRange(Encoding.UTF8.GetBytes("label  =  caf"));
        expected.Add(0xE9);
        expected.AddRange(Encoding.UTF8.GetBytes("\n\t# api_port = 1\napi_port = 3000\r\ndemo = true"));
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public void Fmt_check_over_several_files_lists_only_those_that_would_change()
    {
        using var dir = new TempDir();
        dir.Write("a.conf", "api_port = 3000\n");
        dir.Write("b.conf", "api_port=3000\n");
        var run = SoraConfCli.RunIn(dir.Path, null, "fmt", "--check", "a.conf", "b.conf");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("would reformat b.conf\n", run.Stdout);
    }
}
