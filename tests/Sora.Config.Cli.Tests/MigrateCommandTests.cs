using System.Text;
using System.Text.Json;

namespace Sora.Config.Cli.Tests;

/// <summary>`sora-conf migrate FILE --to VERSION`: the real tool on real files, LF and CRLF.</summary>
public sealed class MigrateCommandTests
{
    private const string Before = "# edge-1\ne2ee = true\napi_port = 3000\nlegacy_signaling_error = true\n";

    private const string After = "# edge-1\n# removed in 2024.2: e2ee = true\napi_port = 3000\n"
        + "# legacy switch: legacy_signaling_error keeps old behaviour and will be removed; see `sora-conf explain legacy_signaling_error`\nlegacy_signaling_error = true\n";

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Migrate_rewrites_the_file_and_a_second_run_changes_nothing(string eol)
    {
        using var dir = new TempDir();
        var path = dir.Write("sora.conf", Before.Replace("\n", eol));
        var run = SoraConfCli.Run("migrate", path, "--to", "2025.2");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(After.Replace("\n", eol)), File.ReadAllBytes(path));
        Assert.Contains($"{path}:2: e2ee was removed in Sora 2024.2", run.Stdout);
        Assert.Contains("2 changes for Sora 2025.2 written", run.Stdout);

        var again = SoraConfCli.Run("migrate", path, "--to", "2025.2", "--check");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("needs no migration", again.Stdout);
        Assert.Equal(Encoding.UTF8.GetBytes(After.Replace("\n", eol)), File.ReadAllBytes(path));
    }

    [Fact]
    public void Check_exits_1_and_writes_nothing()
    {
        using var dir = new TempDir();
        var path = dir.Write("sora.conf", Before);
        var run = SoraConfCli.Run("migrate", path, "--to", "2025.2", "--check");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("not written", run.Stdout);
        Assert.Equal(Before, File.ReadAllText(path));
    }

    [Fact]
    public void Json_lists_every_change()
    {
        using var dir = new TempDir();
        var path = dir.Write("sora.conf", Before);
        var run = SoraConfCli.Run("migrate", path, "--to", "2025.2", "--check", "--format", "json");
        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("2025.2", root.GetProperty("targetVersion").GetString());
        Assert.True(root.GetProperty("needed").GetBoolean());
        Assert.False(root.GetProperty("written").GetBoolean());
        var changes = root.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("line").GetInt32(), c.GetProperty("key").GetString(), c.GetProperty("kind").GetString(), c.GetProperty("insertedText").GetString())).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal((2, "e2ee", "removed", "# removed in 2024.2: "), changes[0]);
        Assert.Equal((4, "legacy_signaling_error", "legacy"), (changes[1].Item1, changes[1].Item2, changes[1].Item3));
        Assert.Contains("削除", root.GetProperty("changes")[0].GetProperty("descriptionJa").GetString());
    }

    [Fact]
    public void An_unknown_version_or_a_missing_file_is_a_usage_error()
    {
        using var dir = new TempDir();
        var path = dir.Write("sora.conf", Before);
        var bad = SoraConfCli.Run("migrate", path, "--to", "1999.1");
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Contains("unknown Sora version '1999.1'", bad.Stderr);
        var missing = SoraConfCli.Run("migrate", dir.File("nope.conf"), "--to", "2025.2");
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("no such file", missing.Stderr);
        Assert.Equal(Before, File.ReadAllText(path));
    }
}
