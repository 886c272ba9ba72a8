using System.Text;
using Sora.Config.IO;
using Sora.Config.Syntax;

namespace Sora.Config.Tests.Syntax;

/// <summary>Reading then writing is byte-identical; edits change exactly the lines they concern.</summary>
public class RoundTripTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Fixture("corpus")).OrderBy(f => f, StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_round_trips_byte_for_byte(string name)
    {
        var bytes = File.ReadAllBytes(RepoPaths.Fixture("corpus", name));
        var doc = SoraConfDocument.Parse(bytes);
        Assert.Equal(bytes, doc.ToBytes());
        Assert.Equal(Encoding.UTF8.GetString(bytes), SoraConfDocument.Parse(Encoding.UTF8.GetString(bytes)).ToString());
    }

    [Fact]
    public void Corpus_has_the_shapes_the_issue_names()
    {
        var all = Directory.GetFiles(RepoPaths.Fixture("corpus")).Select(File.ReadAllBytes).ToArray();
        Assert.Contains(all, b => Encoding.UTF8.GetString(b).Contains("\r\n"));
        Assert.Contains(all, b => b.Length > 0 && b[^1] != (byte)'\n');
        Assert.Contains(all, b => Encoding.UTF8.GetString(b).Contains("本番"));
        Assert.Contains(all, b => Encoding.UTF8.GetString(b).Split('\n').Count(l => l.StartsWith("# ") && l.Contains(" =")) > 50);
    }

    [Fact]
    public void Production_sample_is_clean_and_crlf_variant_reads_the_same_values()
    {
        var lf = SoraConfFile.Load(RepoPaths.Fixture("corpus", "production.conf"));
        var crlf = SoraConfFile.Load(RepoPaths.Fixture("corpus", "production-crlf.conf"));
        Assert.Empty(lf.Diagnostics);
        Assert.Equal(lf.Values.OrderBy(p => p.Key), crlf.Values.OrderBy(p => p.Key));
        Assert.Contains(crlf.Diagnostics, d => d.Id == "SORA0007");
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', (byte)'=', (byte)'1' })]
    [InlineData(new byte[] { (byte)'a', (byte)'=', 0xC3, 0x28, (byte)'\n', 0xFF, (byte)'\n' })]
    [InlineData(new byte[] { (byte)'\r', (byte)'\n', (byte)'\t', (byte)'\n', 0 })]
    [InlineData(new byte[] { (byte)'\n', (byte)'\n' })]
    public void Odd_bytes_round_trip_too(byte[] bytes)
    {
        Assert.Equal(bytes, SoraConfDocument.Parse(bytes).ToBytes());
    }

    [Fact]
    public void Setting_an_existing_key_changes_exactly_that_line_and_keeps_its_spacing()
    {
        var text = File.ReadAllText(RepoPaths.Fixture("corpus", "odd-spacing.conf"));
        var doc = SoraConfDocument.Parse(text);
        doc.Set("api_port", "3001");
        var before = text.Split('\n');
        var after = doc.ToString().Split('\n');
        Assert.Equal(before.Length, after.Length);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.Equal(new[] { 0 }, changed);
        Assert.Equal("  api_port=3001   ", after[0]);
    }

    [Fact]
    public void Setting_a_key_with_an_empty_value_writes_it_after_the_equals_sign()
    {
        var doc = SoraConfDocument.Parse("label2 =\r\n");
        doc.Set("label2", "x");
        Assert.Equal("label2 = x\r\n", doc.ToString());
    }

    [Fact]
    public void Setting_a_key_keeps_a_crlf_line_ending()
    {
        var doc = SoraConfDocument.Parse("demo = true\r\nlabel = a\r\n");
        doc.Set("demo", "false");
        Assert.Equal("demo = false\r\nlabel = a\r\n", doc.ToString());
    }

    [Fact]
    public void Setting_a_new_key_replaces_its_commented_template_line()
    {
        var text = File.ReadAllText(RepoPaths.Fixture("corpus", "sample-commented.conf"));
        var doc = SoraConfDocument.Parse(text);
        doc.Set("api_loopback_address_only", "true");
        var before = text.Split('\n');
        var after = doc.ToString().Split('\n');
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        var line = Assert.Single(changed);
        Assert.Equal("# api_loopback_address_only = false", before[line]);
        Assert.Equal("api_loopback_address_only = true", after[line]);
    }

    [Fact]
    public void Setting_a_new_key_without_template_appends_a_line()
    {
        var doc = SoraConfDocument.Parse("demo = false\n");
        doc.Set("ipv4_address", "10.0.0.10");
        Assert.Equal("demo = false\nipv4_address = 10.0.0.10\n", doc.ToString());
    }

    [Fact]
    public void Appending_to_a_file_without_final_newline_keeps_that_style()
    {
        var doc = SoraConfDocument.Parse("demo = false");
        doc.Set("label", "x");
        Assert.Equal("demo = false\nlabel = x", doc.ToString());
    }

    [Fact]
    public void Removing_a_key_removes_only_its_line()
    {
        var doc = SoraConfDocument.Parse("# c\ndemo = false\n\nlabel = x\n");
        Assert.True(doc.Remove("demo"));
        Assert.Equal("# c\n\nlabel = x\n", doc.ToString());
        Assert.False(doc.Remove("demo"));
    }

    [Fact]
    public void Lines_that_are_not_utf8_are_written_back_unchanged_after_an_edit_elsewhere()
    {
        var bytes = Encoding.ASCII.GetBytes("label = a").Concat(new byte[] { 0xFF }).Concat(Encoding.ASCII.GetBytes("\ndemo = true\n")).ToArray();
        var doc = SoraConfDocument.Parse(bytes);
        doc.Set("demo", "false");
        var expected = Encoding.ASCII.GetBytes("label = a").Concat(new byte[] { 0xFF }).Concat(Encoding.ASCII.GetBytes("\ndemo = false\n")).ToArray();
        Assert.Equal(expected, doc.ToBytes());
    }

    [Fact]
    public void Save_is_atomic_and_leaves_no_temporary_file()
    {
        using var folder = new TempDir("soraconf");
        var dir = folder.Path;
        var path = Path.Combine(dir, "sora.conf");
        File.WriteAllText(path, "demo = true\n");
        var doc = SoraConfDocument.Load(path);
        doc.Set("demo", "false");
        doc.Save(path);
        Assert.Equal("demo = false\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix permissions are what this checks.
    public void Save_keeps_permissions_and_writes_through_a_symbolic_link()
    {
        using var folder = new TempDir("soraconf");
        var dir = folder.Path;
        var real = Path.Combine(dir, "real.conf");
        var link = Path.Combine(dir, "sora.conf");
        File.WriteAllText(real, "demo = true\n");
        File.SetUnixFileMode(real, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.CreateSymbolicLink(link, real);
        var doc = SoraConfDocument.Load(link);
        doc.Set("webhook_basic_authn_password", "hunter2");
        doc.Save(link);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("demo = true\nwebhook_basic_authn_password = hunter2\n", File.ReadAllText(real));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(real));
    }

    [Fact]
    public void Failed_save_leaves_the_old_file_intact()
    {
        using var folder = new TempDir("soraconf");
        var dir = folder.Path;
        var path = Path.Combine(dir, "sora.conf");
        var old = Encoding.UTF8.GetBytes("webhook_basic_authn_password = old\ndemo = true\n");
        File.WriteAllBytes(path, old);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
        var doc = SoraConfDocument.Load(path);
        doc.Set("webhook_basic_authn_password", "new");
        doc.Set("demo", "false");

        // The write fails once the new content is in the temporary file, just before the rename.
        string? temp = null;
        AtomicFile.TestHook.Value = (step, file) =>
        {
            if (step != AtomicFile.Step.Written) return;
            temp = file;
            Assert.Equal(doc.ToBytes(), File.ReadAllBytes(file));
            throw new IOException("disk full");
        };
        try
        {
            Assert.Equal("disk full", Assert.Throws<IOException>(() => doc.Save(path)).Message);
        }
        finally
        {
            AtomicFile.TestHook.Value = null;
        }

        Assert.NotNull(temp);
        Assert.Equal(old, File.ReadAllBytes(path));
        if (!OperatingSystem.IsWindows()) Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(dir));

        // A directory that does not exist: nothing is created.
        Assert.ThrowsAny<IOException>(() => doc.Save(Path.Combine(dir, "missing-dir", "sora.conf")));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(dir));
    }
}
