namespace Sora.Config.Tests.Deployment;

/// <summary>SoraBundle.WriteTo: every file written atomically under the folder, unchanged files left untouched, a
/// sora.conf holding a secret readable by its owner only.</summary>
public sealed class BundleWriteTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sora-bundle-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Every_file_is_written_under_the_folder_with_its_content()
    {
        var bundle = Models.Cluster(3).Render();
        var result = bundle.WriteTo(Path.Combine(dir, "out"));
        Assert.Equal(15, result.Written.Count);
        Assert.Empty(result.Unchanged);
        foreach (var (path, content) in bundle.Files)
            Assert.Equal(content, File.ReadAllText(Path.Combine(dir, "out", path)));
    }

    [Fact]
    public void Unchanged_files_are_left_untouched_and_a_changed_one_is_replaced()
    {
        var d = Models.Host();
        d.WriteToAndAge(dir);
        var unit = Path.Combine(dir, "systemd", "sora.service");
        var before = File.GetLastWriteTimeUtc(unit);
        var sysctl = Path.Combine(dir, "sysctl", "99-sora.conf");
        var sysctlBefore = File.GetLastWriteTimeUtc(sysctl);
        d.MaxConnections = 20000;
        var result = d.Render().WriteTo(dir);
        Assert.Equal(new[] { Path.Combine(dir, "nginx", "nginx.conf"), unit }.OrderBy(p => p), result.Written.OrderBy(p => p));
        Assert.Equal(3, result.Unchanged.Count);
        Assert.Equal(sysctlBefore, File.GetLastWriteTimeUtc(sysctl));
        Assert.True(File.GetLastWriteTimeUtc(unit) > before);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_sora_conf_with_a_secret_is_readable_by_its_owner_only()
    {
        var conf = Models.Conf();
        conf.WebhookBasicAuthn = true;
        conf.WebhookBasicAuthnUserId = "sora";
        conf.WebhookBasicAuthnPassword = "s3cret-value";
        var bundle = Models.Host(conf).Render();
        Assert.True(bundle.IsSecret("sora.conf"));
        Assert.False(bundle.IsSecret("nginx/nginx.conf"));
        bundle.WriteTo(dir);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, "sora.conf")));
            Assert.NotEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, "nginx", "nginx.conf")));
        }
    }
}

internal static class BundleTestExtensions
{
    /// <summary>Writes the bundle, then sets every file's time an hour back, so a rewrite is visible in the timestamp.</summary>
    public static void WriteToAndAge(this Sora.Config.Deployment.SoraDeployment d, string dir)
    {
        d.Render().WriteTo(dir);
        foreach (var file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
    }
}
