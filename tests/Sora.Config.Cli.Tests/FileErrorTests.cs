namespace Sora.Config.Cli.Tests;

/// <summary>Missing, unreadable and directory paths: exit 2, <c>sora-conf: error: &lt;path&gt;: &lt;reason&gt;</c>, no stack trace.</summary>
public class FileErrorTests
{
    public static IEnumerable<object[]> Commands() => new[]
    {
        new object[] { new[] { "lint" } },
        new object[] { new[] { "lint", "--format", "sarif" } },
        new object[] { new[] { "fmt" } },
        new object[] { new[] { "fmt", "--check" } },
        new object[] { new[] { "get", "{file}", "api_port" } },
        new object[] { new[] { "set", "{file}", "api_port=3001" } },
        new object[] { new[] { "unset", "{file}", "api_port" } },
    };

    private static string[] Args(string[] command, string file) =>
        command.Contains("{file}") ? command.Select(a => a == "{file}" ? file : a).ToArray() : [.. command, file];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Missing_file(string[] command)
    {
        using var dir = new TempDir();
        var run = SoraConfCli.RunIn(dir.Path, null, Args(command, "missing.conf"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("sora-conf: error: missing.conf: no such file\n", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.False(File.Exists(dir.File("missing.conf")));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Directory_instead_of_a_file(string[] command)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("conf.d"));
        var run = SoraConfCli.RunIn(dir.Path, null, Args(command, "conf.d"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("sora-conf: error: conf.d: is a directory, not a file\n", run.Stderr);
        Assert.True(Directory.Exists(dir.File("conf.d")));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Unreadable_file(string[] command)
    {
        using var dir = new TempDir();
        var path = dir.Write("locked.conf", "api_port = 3000\n");
        File.SetUnixFileMode(path, UnixFileMode.None);
        var args = Args(command, "locked.conf");
        CliResult run;
        if (Environment.UserName == "root" || geteuid() == 0)
        {
            // root reads any file: drop to the unprivileged "nobody" user so the kernel really refuses the file (the
            // private folder is opened to it, or the refusal would be the folder's).
            OpenToEveryone(dir.Path);
            run = SoraConfCli.RunCommand(dir.Path, null, null, "setpriv",
                ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", SoraConfCli.DllPath, .. args]);
        }
        else
        {
            run = SoraConfCli.RunIn(dir.Path, null, args);
        }
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("sora-conf: error: locked.conf: permission denied\n", run.Stderr);
    }

    [Theory]
    [InlineData("set", "api_port=3001")]
    [InlineData("unset", "api_port")]
    [InlineData("fmt", null)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Unwritable_directory_exits_2_and_leaves_the_file(string command, string? argument)
    {
        using var dir = new TempDir();
        var path = dir.Write("sora.conf", "api_port=3000\n");
        var before = File.ReadAllBytes(path);
        string[] args = argument is null ? [command, "sora.conf"] : [command, "sora.conf", argument];
        CliResult run;
        if (Environment.UserName == "root" || geteuid() == 0)
        {
            // root writes anywhere: run as "nobody", who can enter the (private) folder and read the file, but not
            // create a file beside it.
            OpenToEveryone(dir.Path);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            run = SoraConfCli.RunCommand(dir.Path, null, null, "setpriv",
                ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", SoraConfCli.DllPath, .. args]);
        }
        else
        {
            File.SetUnixFileMode(dir.Path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            try
            {
                run = SoraConfCli.RunIn(dir.Path, null, args);
            }
            finally
            {
                File.SetUnixFileMode(dir.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("sora-conf: error: sora.conf: cannot write: permission denied\n", run.Stderr);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Lint_reports_the_readable_files_and_still_exits_2()
    {
        using var dir = new TempDir();
        dir.Write("good.conf", "demo = true\n");
        var run = SoraConfCli.RunIn(dir.Path, null, "lint", "--min-severity", "warning", "good.conf", "missing.conf");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("sora-conf: error: missing.conf: no such file\n", run.Stderr);
        Assert.Contains("good.conf:1:1: warning SORA1007: demo is true: Sora serves its bundled demo pages", run.StdoutLines);
    }

    [Fact]
    public void Unwritable_report_path_exits_2()
    {
        using var dir = new TempDir();
        dir.Write("sora.conf", "demo = true\n");
        var run = SoraConfCli.RunIn(dir.Path, null, "lint", "--output", "no-such-dir/report.txt", "sora.conf");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("sora-conf: error: no-such-dir/report.txt: cannot write the report: ", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();

    /// <summary>rwxr-xr-x: a TempDir is private (0700), and a test that runs the tool as another user must let it in.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void OpenToEveryone(string directory) => File.SetUnixFileMode(directory,
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
}
