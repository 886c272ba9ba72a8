using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sora.Config.Cli.Tests;

/// <summary><c>sora-conf new --bundle DIR</c>: a host's whole production setup, its placeholders reported until the
/// command is run again with the real values.</summary>
public sealed class NewBundleTests
{
    private static readonly string[] Files = ["logrotate/sora", "nginx/nginx.conf", "sora.conf", "sysctl/99-sora.conf", "systemd/sora.service"];

    [Fact]
    public void New_bundle_reports_its_placeholders_until_they_are_filled()
    {
        using var dir = new TempDir();
        var bundle = dir.File("bundle");

        var created = SoraConfCli.Run("new", "--bundle", bundle);
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal(Files, Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(bundle, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal));
        var findings = created.StdoutLines.Where(l => l.Contains(" SORA", StringComparison.Ordinal)).ToList();
        // sora.conf's placeholders (SORA0010) and the deployment's (SORA3015), each at its file and line.
        Assert.Contains(findings, f => f.StartsWith(bundle + "/sora.conf:", StringComparison.Ordinal) && f.Contains(" warning SORA0010: ipv4_address is still the placeholder 192.0.2.10"));
        Assert.Contains(findings, f => f.Contains(" warning SORA0010: turn_tls_fqdn is still the placeholder sora-turns.example.com"));
        Assert.Contains(findings, f => f.StartsWith(bundle + "/nginx/nginx.conf:", StringComparison.Ordinal) && f.Contains(" warning SORA3015: sora.example.com is still a placeholder"));
        // ...and the options that fill them.
        Assert.Contains("Fill the placeholders: run again with --ipv4-address, --signaling-host, --turn-tls-host", created.Stdout);
        // The written sora.conf is reported by lint as well, until filled.
        var lint = SoraConfCli.Run("lint", "--fail-on", "warning", Path.Combine(bundle, "sora.conf"));
        Assert.Equal(1, lint.ExitCode);
        Assert.Contains(" warning SORA0010: ipv4_address is still the placeholder 192.0.2.10", lint.Stdout);

        // Filled: no finding at all (the certificate is readable here and names both hosts), and the values are in the files.
        var (cert, key) = Certificate(dir, "sora.sora.co.jp", "sora-turns.sora.co.jp");
        var filled = SoraConfCli.Run("new", "--bundle", bundle, "--ipv4-address", "203.0.114.20", "--signaling-host", "sora.sora.co.jp",
            "--turn-tls-host", "sora-turns.sora.co.jp", "--certificate", cert, "--certificate-key", key, "--max-connections", "3000");
        Assert.True(filled.ExitCode == 0, filled.ToString());
        Assert.DoesNotContain(" SORA", filled.Stdout);
        Assert.DoesNotContain("Fill the placeholders", filled.Stdout);
        Assert.Contains("0 findings", filled.Stdout);
        var nginx = File.ReadAllText(Path.Combine(bundle, "nginx/nginx.conf"));
        Assert.Contains("default 203.0.114.20:3478;", nginx);
        Assert.Contains("sora-turns.sora.co.jp unix:", nginx);
        Assert.Contains("ssl_certificate " + cert + ";", nginx);
        Assert.Contains("\nturn_tcp_port = 443\n", File.ReadAllText(Path.Combine(bundle, "sora.conf")));
        var clean = SoraConfCli.Run("lint", "--fail-on", "info", Path.Combine(bundle, "sora.conf"));
        Assert.True(clean.ExitCode == 0, clean.ToString());
    }

    /// <summary>Read as Sora reads ipv4_address: IPAddress.Parse would write "1.2.3" as 1.2.0.3 and "010.0.0.1" as 8.0.0.1.</summary>
    [Theory]
    [InlineData("not-an-address")]
    [InlineData("1.2.3")]
    [InlineData("010.0.0.1")]
    [InlineData("2001:db8::1")]
    public void New_bundle_with_an_address_Sora_would_refuse_is_a_usage_error(string address)
    {
        using var dir = new TempDir();
        var run = SoraConfCli.Run("new", "--bundle", dir.File("bundle"), "--ipv4-address", address);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("sora-conf: error: --ipv4-address: ", run.Stderr);
        Assert.Contains("'" + address + "' is not a strict IPv4 address", run.Stderr);
        Assert.False(Directory.Exists(dir.File("bundle")));
    }

    [Fact]
    public void New_bundle_with_a_relative_certificate_path_is_a_usage_error_that_says_which_path_to_give()
    {
        using var dir = new TempDir();
        var run = SoraConfCli.Run("new", "--bundle", dir.File("bundle"), "--certificate", "fullchain.pem", "--certificate-key", "/etc/ssl/key.pem");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("sora-conf: error: --certificate 'fullchain.pem' is not an absolute path; give the path nginx reads on the server, such as /etc/letsencrypt/live/<host>/fullchain.pem", run.Stderr);
        Assert.DoesNotContain("--certificate-key", run.Stderr);
        Assert.False(Directory.Exists(dir.File("bundle")));
    }

    private static (string Cert, string Key) Certificate(TempDir dir, params string[] names)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + names[0], rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names) san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return (dir.Write("fullchain.pem", certificate.ExportCertificatePem()), dir.Write("privkey.pem", rsa.ExportPkcs8PrivateKeyPem()));
    }
}
