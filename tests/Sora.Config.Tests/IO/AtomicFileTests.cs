using System.Runtime.Versioning;
using System.Text;
using Sora.Config.IO;
using Sora.Config.Syntax;

namespace Sora.Config.Tests.IO;

/// <summary>The one atomic writer: the temporary file is never more readable than the result (checked when it
/// is created, through <see cref="AtomicFile.TestHook"/>), a new file holding a secret is 0600, modes and links
/// are kept, a failed write leaves the old file. Also run against the netstandard2.0 build, which makes the
/// temporary file inside a private 0700 directory instead of creating it with the final mode.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly List<TempDir> directories = new();

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Unix permissions are what most of these tests check; on Windows they check the rest.</summary>
    [UnsupportedOSPlatformGuard("windows")]
    private static bool IsUnix => !OperatingSystem.IsWindows();

    private static UnixFileMode Octal(string mode) => (UnixFileMode)Convert.ToInt32(mode, 8);

    private string NewDirectory()
    {
        var dir = new TempDir("soraconf-atomic");
        directories.Add(dir);
        return dir.Path;
    }

    public void Dispose()
    {
        foreach (var dir in directories) dir.Dispose();
    }

    /// <summary>What the temporary file looked like at one step of a write (its content once written: at
    /// creation the writer holds it open without sharing, so only its length is read).</summary>
    private sealed record Seen(AtomicFile.Step Step, string Path, long Length, byte[]? Content, UnixFileMode? Mode, UnixFileMode? DirectoryMode);

    /// <summary>Runs the write with the hook set (on this flow only) and returns what the hook saw.</summary>
    private static List<Seen> Watch(Action write, Action<AtomicFile.Step, string>? also = null)
    {
        var seen = new List<Seen>();
        AtomicFile.TestHook.Value = (step, temp) =>
        {
            var length = new FileInfo(temp).Length;
            var content = step == AtomicFile.Step.Written ? File.ReadAllBytes(temp) : null;
            seen.Add(IsUnix
                ? new Seen(step, temp, length, content, File.GetUnixFileMode(temp), File.GetUnixFileMode(Path.GetDirectoryName(temp)!))
                : new Seen(step, temp, length, content, null, null));
            also?.Invoke(step, temp);
        };
        try
        {
            write();
        }
        finally
        {
            AtomicFile.TestHook.Value = null;
        }
        Assert.Equal(new[] { AtomicFile.Step.Created, AtomicFile.Step.Written }, seen.Select(s => s.Step));
        return seen;
    }

    /// <summary>The mode a file gets from this process without any request: 0666 less the umask (0644 under 022).</summary>
    [UnsupportedOSPlatform("windows")]
    private static UnixFileMode DefaultMode(string dir)
    {
        var reference = Path.Combine(dir, "reference");
        File.WriteAllText(reference, "");
        var mode = File.GetUnixFileMode(reference);
        File.Delete(reference);
        return mode;
    }

    /// <summary>At creation the temporary file (empty yet) cannot be read by anyone the final file would not
    /// allow: the .NET 8+ builds create it beside the target with the final mode (less the umask, which only
    /// removes bits); the netstandard2.0 build creates it inside a 0700 directory beside the target.</summary>
    private static void AssertPrivateAtCreation(Seen created, string targetDirectory, UnixFileMode final)
    {
        Assert.Equal(0, created.Length);
#if RUNTIME_NETSTANDARD
        Assert.Equal(targetDirectory, Path.GetDirectoryName(Path.GetDirectoryName(created.Path)));
        if (IsUnix) Assert.Equal(PrivateDirectory, created.DirectoryMode);
#else
        Assert.Equal(targetDirectory, Path.GetDirectoryName(created.Path));
        if (IsUnix) Assert.Equal((UnixFileMode)0, created.Mode!.Value & ~final);
#endif
    }

    private static void AssertOnlyEntry(string dir, params string[] names) =>
        Assert.Equal(names.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Fact]
    public void Temporary_file_has_the_existing_files_0600_mode_from_creation()
    {
        var dir = NewDirectory();
        var path = Path.Combine(dir, "sora.conf");
        File.WriteAllText(path, "webhook_basic_authn_password = old\n");
        if (IsUnix) File.SetUnixFileMode(path, OwnerOnly);
        var bytes = Utf8.GetBytes("webhook_basic_authn_password = new\n");

        // Not flagged as secret: the existing file's mode is what counts.
        var seen = Watch(() => AtomicFile.Write(path, bytes));

        AssertPrivateAtCreation(seen[0], dir, OwnerOnly);
#if !RUNTIME_NETSTANDARD
        if (IsUnix) Assert.Equal(OwnerOnly, seen[0].Mode);
#endif
        Assert.Equal(bytes, seen[1].Content);
        if (IsUnix)
        {
            Assert.Equal(OwnerOnly, seen[1].Mode);
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        }
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.False(File.Exists(seen[0].Path));
        AssertOnlyEntry(dir, "sora.conf");
    }

    [Fact]
    public void New_file_holding_a_secret_is_0600_from_creation_whatever_the_umask()
    {
        var dir = NewDirectory();
        var path = Path.Combine(dir, "sora.conf");
        var bytes = Utf8.GetBytes("webhook_basic_authn_password = hunter2\n");

        var seen = Watch(() => AtomicFile.Write(path, bytes, containsSecret: true));

        AssertPrivateAtCreation(seen[0], dir, OwnerOnly);
#if !RUNTIME_NETSTANDARD
        if (IsUnix) Assert.Equal(OwnerOnly, seen[0].Mode);
#endif
        if (IsUnix)
        {
            // Under the usual umask 022 a new file would be 0644: readable by everyone.
            Assert.Equal(OwnerOnly, seen[1].Mode);
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        }
        Assert.Equal(bytes, File.ReadAllBytes(path));
        AssertOnlyEntry(dir, "sora.conf");
    }

    [Fact]
    public void New_file_without_a_secret_gets_the_default_mode()
    {
        var dir = NewDirectory();
        var path = Path.Combine(dir, "sora.conf");
        var bytes = Utf8.GetBytes("demo = false\n");

        var seen = Watch(() => AtomicFile.Write(path, bytes));

        Assert.Equal(bytes, File.ReadAllBytes(path));
        if (IsUnix)
        {
            var expected = DefaultMode(dir);
            AssertPrivateAtCreation(seen[0], dir, expected);
            Assert.Equal(expected, File.GetUnixFileMode(path));
        }
        AssertOnlyEntry(dir, "sora.conf");
    }

    [Theory]
    [InlineData("640")]
    [InlineData("600")]
    [InlineData("644")]
    [InlineData("660")] // umask 022 removes the group write bit at creation: the exact mode is set afterwards.
    [InlineData("666")]
    [InlineData("400")] // read-only for the owner: replacing needs only the directory to be writable.
    public void Existing_file_keeps_its_mode(string octal)
    {
        var dir = NewDirectory();
        var path = Path.Combine(dir, "sora.conf");
        File.WriteAllText(path, "demo = true\n");
        var mode = Octal(octal);
        if (IsUnix) File.SetUnixFileMode(path, mode);
        var bytes = Utf8.GetBytes("demo = false\n");

        // Flagged as secret: an existing file still keeps its own mode (the operator chose it).
        var seen = Watch(() => AtomicFile.Write(path, bytes, containsSecret: true));

        AssertPrivateAtCreation(seen[0], dir, mode);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        if (IsUnix)
        {
            Assert.Equal(mode, seen[1].Mode);
            Assert.Equal(mode, File.GetUnixFileMode(path));
        }
        AssertOnlyEntry(dir, "sora.conf");
    }

    [Fact]
    public void Writing_through_a_symbolic_link_replaces_the_target_and_keeps_the_link()
    {
        var root = NewDirectory();
        var etc = Directory.CreateDirectory(Path.Combine(root, "etc")).FullName;
        var conf = Directory.CreateDirectory(Path.Combine(root, "conf")).FullName;
        var real = Path.Combine(etc, "sora.conf");
        File.WriteAllText(real, "webhook_basic_authn_password = old\n");
        if (IsUnix) File.SetUnixFileMode(real, OwnerOnly);
        // conf/sora.conf -> conf/current.conf -> ../etc/sora.conf: a chain, with relative targets.
        var link = Path.Combine(conf, "sora.conf");
        File.CreateSymbolicLink(Path.Combine(conf, "current.conf"), Path.Combine("..", "etc", "sora.conf"));
        File.CreateSymbolicLink(link, "current.conf");
        var bytes = Utf8.GetBytes("webhook_basic_authn_password = new\n");

        var seen = Watch(() => AtomicFile.Write(link, bytes));

        // The temporary file is made beside the final target (the same file system, so the rename is atomic).
        AssertPrivateAtCreation(seen[0], etc, OwnerOnly);
        Assert.Equal("current.conf", new FileInfo(link).LinkTarget);
        Assert.Equal(Path.Combine("..", "etc", "sora.conf"), new FileInfo(Path.Combine(conf, "current.conf")).LinkTarget);
        Assert.Equal(bytes, File.ReadAllBytes(real));
        if (IsUnix) Assert.Equal(OwnerOnly, File.GetUnixFileMode(real));
        AssertOnlyEntry(etc, "sora.conf");
        AssertOnlyEntry(conf, "current.conf", "sora.conf");
    }

    [Fact]
    public void Writing_through_a_dangling_link_creates_its_target()
    {
        var dir = NewDirectory();
        var link = Path.Combine(dir, "sora.conf");
        File.CreateSymbolicLink(link, "real.conf");
        var bytes = Utf8.GetBytes("webhook_basic_authn_password = hunter2\n");

        AtomicFile.Write(link, bytes, containsSecret: true);

        Assert.Equal("real.conf", new FileInfo(link).LinkTarget);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(dir, "real.conf")));
        if (IsUnix) Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(dir, "real.conf")));
        AssertOnlyEntry(dir, "real.conf", "sora.conf");
    }

    [Theory]
    [InlineData("Created")]
    [InlineData("Written")]
    public void Failed_write_leaves_the_old_file_byte_identical_with_its_mode_and_no_temporary_file(string step)
    {
        var dir = NewDirectory();
        var path = Path.Combine(dir, "sora.conf");
        var old = Utf8.GetBytes("webhook_basic_authn_password = old\r\ndemo = true");
        File.WriteAllBytes(path, old);
        var mode = Octal("640");
        if (IsUnix) File.SetUnixFileMode(path, mode);
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);
        var failAt = Enum.Parse<AtomicFile.Step>(step);
        string? temp = null;

        AtomicFile.TestHook.Value = (at, file) =>
        {
            if (at != failAt) return;
            temp = file;
            Assert.True(File.Exists(file));
            throw new IOException("injected failure");
        };
        try
        {
            var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, Utf8.GetBytes("demo = false\n"), containsSecret: true));
            Assert.Equal("injected failure", error.Message);
        }
        finally
        {
            AtomicFile.TestHook.Value = null;
        }

        Assert.NotNull(temp);
        Assert.False(File.Exists(temp));
        Assert.Equal(old, File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        if (IsUnix) Assert.Equal(mode, File.GetUnixFileMode(path));
        AssertOnlyEntry(dir, "sora.conf");
    }

    [Fact]
    public void WriteIfChanged_leaves_an_unchanged_file_and_its_timestamps_alone()
    {
        var dir = NewDirectory();
        var path = Path.Combine(dir, "sora.conf");
        var bytes = Utf8.GetBytes("demo = false\n");
        File.WriteAllBytes(path, bytes);
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        bool called = false;
        AtomicFile.TestHook.Value = (_, _) => called = true;
        try
        {
            Assert.False(AtomicFile.WriteIfChanged(path, Utf8.GetBytes("demo = false\n"), containsSecret: true));
        }
        finally
        {
            AtomicFile.TestHook.Value = null;
        }
        Assert.False(called);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));

        var changed = Utf8.GetBytes("demo = true\n");
        Assert.True(AtomicFile.WriteIfChanged(path, changed));
        Assert.Equal(changed, File.ReadAllBytes(path));
        Assert.NotEqual(stamp, File.GetLastWriteTimeUtc(path));
        AssertOnlyEntry(dir, "sora.conf");
    }

    [Fact]
    public void Secret_content_is_a_secret_key_with_a_value()
    {
        Assert.True(SoraConfDocument.Parse("demo = false\nwebhook_basic_authn_password = hunter2\n").ContainsSecret());
        Assert.True(SoraConfDocument.Parse("  webhook_basic_authn_password=x\r\n").ContainsSecret());
        Assert.False(SoraConfDocument.Parse("webhook_basic_authn_password =\n").ContainsSecret());
        Assert.False(SoraConfDocument.Parse("# webhook_basic_authn_password = hunter2\nwebhook_basic_authn_user_id = sora\n").ContainsSecret());
        Assert.False(SoraConfDocument.Parse("x_password = hunter2\n").ContainsSecret());

        Assert.True(SoraConfWriter.ContainsSecret(new[] { KeyValuePair.Create("webhook_basic_authn_password", "hunter2") }));
        Assert.False(SoraConfWriter.ContainsSecret(new[] { KeyValuePair.Create("webhook_basic_authn_password", "") }));
        Assert.False(SoraConfWriter.ContainsSecret(new[] { KeyValuePair.Create("webhook_basic_authn_user_id", "sora") }));
    }

    [Fact]
    public void Document_and_generated_class_save_a_new_file_with_a_secret_as_0600()
    {
        var dir = NewDirectory();
        var document = Path.Combine(dir, "document.conf");
        var generated = Path.Combine(dir, "generated.conf");
        var plain = Path.Combine(dir, "plain.conf");

        var seenDocument = Watch(() => SoraConfDocument.Parse("webhook_basic_authn = true\nwebhook_basic_authn_password = hunter2\n").Save(document));
        var conf = new SoraConf { WebhookBasicAuthnPassword = "hunter2" };
        var seenGenerated = Watch(() => conf.Save(generated));
        new SoraConf { WebhookBasicAuthnUserId = "sora" }.Save(plain);

        Assert.Equal("webhook_basic_authn_password = hunter2\n", File.ReadAllText(generated));
        if (IsUnix)
        {
            AssertPrivateAtCreation(seenDocument[0], dir, OwnerOnly);
            AssertPrivateAtCreation(seenGenerated[0], dir, OwnerOnly);
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(document));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(generated));
            Assert.Equal(DefaultMode(dir), File.GetUnixFileMode(plain));
        }
    }
}
