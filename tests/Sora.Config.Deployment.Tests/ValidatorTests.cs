namespace Sora.Config.Deployment.Tests;

/// <summary>Every bundle the tests render goes through the real tools — <c>nginx -t</c> (with Debian's stream module),
/// <c>systemd-analyze verify</c> (any output is a failure) and <c>logrotate -d</c> — and a bundle wrong on purpose shows
/// each tool catching its mistake, so the harness can fail.</summary>
public sealed class ValidatorTests
{
    public static IEnumerable<object[]> Names => Deployments.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_file_of_the_bundle_passes_its_native_validator(string name)
    {
        using var staged = new StagedHost();
        var deployment = Deployments.All[name]();
        var hosts = Deployments.Hosts(deployment).ToList();
        foreach (var (folder, host) in hosts) staged.Stage(host, folder.Length == 0 ? "host" : folder.TrimEnd('/'));
        // Staged on readable certificates naming both hosts: the deployment has nothing worth a warning.
        Assert.Empty(deployment.Validate().Where(f => f.Severity is SoraConfSeverity.Error or SoraConfSeverity.Warning).Select(f => f.ToString()));
        var bundle = staged.Write(deployment);

        foreach (var (folder, host) in hosts)
        {
            var prefix = Path.Combine(staged.Root, folder.Length == 0 ? "host" : folder.TrimEnd('/'));
            var nginx = Tools.NginxTest(Path.Combine(bundle, folder, "nginx/nginx.conf"), prefix);
            Assert.True(Tools.NginxPassed(nginx), $"nginx -t on {name}/{folder}nginx/nginx.conf: {nginx}");
            var unit = Tools.SystemdVerify(Path.Combine(bundle, folder, "systemd/sora.service"));
            Assert.True(Tools.SystemdPassed(unit), $"systemd-analyze verify on {name}/{folder}systemd/sora.service: {unit}");
            var logrotate = Tools.LogrotateDebug(Path.Combine(bundle, folder, "logrotate/sora"), Path.Combine(prefix, "logrotate.state"));
            Assert.True(Tools.LogrotatePassed(logrotate), $"logrotate -d on {name}/{folder}logrotate/sora: {logrotate}");
            // logrotate really read the stanza and found the (staged) log file.
            Assert.Contains(Path.Combine(host.SoraHome, "log", "sora.jsonl"), logrotate.Output);
        }
    }

    /// <summary>The hardening block takes systemd's exposure score of the unit from "UNSAFE" to "OK" (docs/deploying.md
    /// §4 gives the measured numbers); without it the unit is what systemd calls unsafe.</summary>
    [Fact]
    public void The_hardened_unit_scores_OK_with_systemd_analyze_security()
    {
        using var staged = new StagedHost();
        var hardened = Deployments.Host();
        staged.Stage(hardened, "host");
        var plain = Deployments.Host();
        plain.Hardening = false;
        staged.Stage(plain, "plain");

        var hardenedScore = Tools.SystemdExposure(Path.Combine(staged.Write(hardened), "systemd/sora.service"));
        var plainScore = Tools.SystemdExposure(Path.Combine(staged.Write(plain), "systemd/sora.service"));
        Assert.InRange(hardenedScore, 1.0, 4.9);   // systemd's bands: 1.0–4.9 "OK"
        Assert.InRange(plainScore, 9.0, 9.9);      // 9.0–9.9 "UNSAFE"
    }

    /// <summary>Every setting of sysctl/99-sora.conf is a key this kernel has (the file is applied by
    /// <c>sysctl --system</c>, which cannot run in a test without changing the machine).</summary>
    [Fact]
    public void Every_sysctl_setting_is_a_key_of_the_running_kernel()
    {
        var text = Deployments.Host().Render().Files["sysctl/99-sora.conf"];
        var keys = text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('=')[0].Trim()).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.True(File.Exists("/proc/sys/" + key.Replace('.', '/')), $"{key} is not a sysctl of this kernel"));
    }

    public static IEnumerable<object[]> Mistakes => new[] { "nginx", "systemd", "logrotate" }.Select(m => new object[] { m });

    /// <summary>One mistake per bundle, each in what a user sets on the model; the tool for that file catches it and the
    /// other two still pass (so each catch is the mistake's, not a broken harness).</summary>
    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_wrong_bundle_is_caught_by_its_validator(string mistake)
    {
        using var staged = new StagedHost();
        var host = Deployments.Host();
        var prefix = staged.Stage(host, "host", installSora: mistake != "systemd");
        switch (mistake)
        {
            case "nginx":
                // No stream module there: `stream`, `ssl_preread` and the 443 layout cannot load.
                host.NginxModulesDirectory = Path.Combine(staged.Root, "no-modules");
                break;
            case "systemd":
                // Sora not installed where SoraHome says: ExecStart points at nothing (staged without bin/sora above).
                break;
            case "logrotate":
                // A user the server does not have.
                host.User = "sora-no-such-user";
                host.Group = "sora-no-such-group";
                break;
        }
        var bundle = staged.Write(host);
        var nginx = Tools.NginxTest(Path.Combine(bundle, "nginx/nginx.conf"), prefix);
        var unit = Tools.SystemdVerify(Path.Combine(bundle, "systemd/sora.service"));
        var logrotate = Tools.LogrotateDebug(Path.Combine(bundle, "logrotate/sora"), Path.Combine(prefix, "logrotate.state"));

        Assert.Equal(mistake != "nginx", Tools.NginxPassed(nginx));
        Assert.Equal(mistake != "systemd", Tools.SystemdPassed(unit));
        Assert.Equal(mistake != "logrotate", Tools.LogrotatePassed(logrotate));
        switch (mistake)
        {
            case "nginx":
                Assert.Contains("ngx_stream_module.so", nginx.Output);
                Assert.Contains("[emerg]", nginx.Output);
                break;
            case "systemd":
                Assert.Contains("is not executable", unit.Output);
                break;
            case "logrotate":
                Assert.Contains("unknown user 'sora-no-such-user'", logrotate.Output);
                break;
        }
    }
}
