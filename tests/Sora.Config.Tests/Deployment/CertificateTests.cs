using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Tests.Deployment;

/// <summary>Reading a certificate's names for SORA3005/SORA3006, from real PEM files made here. The netstandard2.0 build
/// cannot read them and says so (SORA3006) instead of passing silently.</summary>
public sealed class CertificateTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sora-cert-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>A self-signed certificate with these DNS names, followed by a second (CA-like) one, as a fullchain file.</summary>
    private string Pem(params string[] names)
    {
        string Make(string cn, string[] dns)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=" + cn, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (dns.Length > 0)
            {
                var san = new SubjectAlternativeNameBuilder();
                foreach (var n in dns) san.AddDnsName(n);
                request.CertificateExtensions.Add(san.Build());
            }
            using var cert = request.CreateSelfSigned(DateTimeOffset.Now.AddDays(-1), DateTimeOffset.Now.AddDays(1));
            return cert.ExportCertificatePem() + "\n";
        }
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(path, Make(names.Length > 0 ? names[0] : "no-san.internal", names) + Make("Chain CA", new[] { "ca.internal" }));
        return path;
    }

    private static SoraCertificateFacts Read(string path) => SoraCertificateFacts.Read(new SoraFact<string>(path));

    [Fact]
    public void The_leaf_certificates_DNS_names_are_read()
    {
        var facts = Read(Pem("sora.sora.internal", "sora-turns.sora.internal"));
#if RUNTIME_NETSTANDARD
        Assert.Null(facts.Names);
        Assert.Contains("netstandard2.0", facts.NotReadBecause);
#else
        Assert.Equal(new[] { "sora.sora.internal", "sora-turns.sora.internal" }, facts.Names);
        Assert.True(facts.Covers("SORA.sora.internal"));
        Assert.True(facts.Covers("sora-turns.sora.internal."));
        // The chain's second certificate is not the one nginx presents first.
        Assert.False(facts.Covers("ca.internal"));
        Assert.Null(facts.NotReadBecause);
#endif
    }

    [Fact]
    public void A_wildcard_stands_for_exactly_one_label()
    {
        var facts = new SoraCertificateFacts(new SoraFact<string>("/x.pem"), new[] { "*.sora.internal" });
        Assert.True(facts.Covers("turns.sora.internal"));
        Assert.False(facts.Covers("sora.internal"));
        Assert.False(facts.Covers("a.turns.sora.internal"));
    }

    [Fact]
    public void A_certificate_without_names_covers_nothing()
    {
        var facts = Read(Pem());
#if !RUNTIME_NETSTANDARD
        Assert.Empty(facts.Names!);
        Assert.False(facts.Covers("no-san.internal"));
#else
        Assert.Null(facts.Names);
#endif
    }

    [Fact]
    public void Missing_and_unreadable_files_say_why()
    {
        var missing = Read(Path.Combine(dir, "none.pem"));
        Assert.Null(missing.Names);
        var garbage = Path.Combine(dir, "garbage.pem");
        File.WriteAllText(garbage, "not a certificate\n");
        var notPem = Read(garbage);
        Assert.Null(notPem.Names);
#if !RUNTIME_NETSTANDARD
        Assert.Equal("the file does not exist here", missing.NotReadBecause);
        Assert.Equal("the file holds no PEM certificate", notPem.NotReadBecause);
#endif
    }

    [Fact]
    public void A_typed_deployment_reads_its_certificate_at_validation()
    {
        var d = Models.Host();
        d.CertificateFile = Pem("sora.sora.internal");
        var findings = Models.DeploymentFindings(d);
#if RUNTIME_NETSTANDARD
        Assert.Equal("SORA3006", Assert.Single(findings).Id);
#else
        var f = Assert.Single(findings);
        Assert.Equal("SORA3005", f.Id);
        Assert.Contains("does not cover sora-turns.sora.internal (TURN-TLS)", f.GetMessage(null));
        Assert.Equal("nginx/nginx.conf", f.Path);
        d.CertificateFile = Pem("sora.sora.internal", "sora-turns.sora.internal");
        Assert.Empty(Models.DeploymentFindings(d));
#endif
    }
}
