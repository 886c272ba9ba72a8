using System.Text.RegularExpressions;

namespace Sora.Config.Deployment.Tests;

/// <summary>A throwaway stand-in for the server a bundle is installed on, so the validators can check the rendered files
/// without root and without touching the machine: a temporary folder holding a fake Sora installation (an executable
/// <c>bin/sora</c>, for systemd-analyze; a <c>log/sora.jsonl</c>, for logrotate), a self-signed certificate made with
/// openssl for the deployment's host names (nginx opens it), and nginx's logs, pid and unix sockets.
/// <see cref="Stage"/> points the deployment's host-specific paths there — the same model properties a user sets for
/// their server (SoraHome, CertificateFile, NginxLogDirectory, …), no rewriting of the rendered text — and runs Sora as
/// <c>daemon</c>, a system user every Debian host has: a test machine has no <c>sora</c> user, logrotate looks the user
/// up, and systemd-analyze rejects <c>nobody</c> ("Special user nobody configured, this is not safe!").</summary>
internal sealed class StagedHost : IDisposable
{
    public StagedHost()
    {
        Root = Directory.CreateTempSubdirectory("sora-validate-").FullName;
        // Created 0700; logrotate reads the logs as Sora's user, which must be able to reach them (as on a server).
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Root, (UnixFileMode)Convert.ToInt32("755", 8));
    }

    public string Root { get; }

    /// <summary>Stages the deployment under <c>Root/name</c> (its prefix for nginx), with or without the fake binary.</summary>
    public string Stage(SoraDeployment deployment, string name, bool installSora = true)
    {
        if (!OperatingSystem.IsLinux()) throw new Xunit.Sdk.XunitException("The validators (nginx, systemd-analyze, logrotate) run on Linux only.");
        var dir = Path.Combine(Root, name);
        var home = Path.Combine(dir, "sora");
        Directory.CreateDirectory(Path.Combine(home, "log"));
        File.WriteAllText(Path.Combine(home, "log", "sora.jsonl"), "{}\n");
        if (installSora)
        {
            Directory.CreateDirectory(Path.Combine(home, "bin"));
            var sora = Path.Combine(home, "bin", "sora");
            File.WriteAllText(sora, "#!/bin/sh\nexit 0\n");
            File.SetUnixFileMode(sora, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        Directory.CreateDirectory(Path.Combine(dir, "logs"));
        Directory.CreateDirectory(Path.Combine(dir, "run"));
        var (cert, key) = Certificate(dir, HostNames(deployment));
        deployment.SoraHome = home;
        deployment.User = "daemon";
        deployment.Group = "daemon";
        deployment.CertificateFile = cert;
        deployment.CertificateKeyFile = key;
        deployment.NginxLogDirectory = Path.Combine(dir, "logs");
        deployment.NginxRuntimeDirectory = Path.Combine(dir, "run");
        return dir;
    }

    /// <summary>Renders the deployment into <c>Root/bundle</c> (as the build writes it); returns that folder.</summary>
    public string Write(ISoraDeployment deployment)
    {
        var folder = Path.Combine(Root, "bundle");
        deployment.Render().WriteTo(folder);
        return folder;
    }

    /// <summary>The signaling host and the TURN-TLS host of the deployment's sora.conf.</summary>
    private static List<string> HostNames(SoraDeployment deployment)
    {
        var names = new List<string> { deployment.SignalingHost };
        var turns = Regex.Match(deployment.Conf!.Serialize(), @"^turn_tls_fqdn = (\S+)$", RegexOptions.Multiline);
        if (turns.Success) names.Add(turns.Groups[1].Value);
        return names;
    }

    private static (string Cert, string Key) Certificate(string dir, List<string> names)
    {
        var cert = Path.Combine(dir, "fullchain.pem");
        var key = Path.Combine(dir, "privkey.pem");
        var san = "subjectAltName=" + string.Join(",", names.Select(n => "DNS:" + n));
        var r = Tools.Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + names[0], "-addext", san, "-keyout", key, "-out", cert);
        Assert.True(r.ExitCode == 0, "openssl could not make the test certificate: " + r);
        return (cert, key);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the rest of the temp folder.
        }
    }
}
