using Sora.Config.CodeGeneration;

namespace Sora.Config.Tests.Binding;

/// <summary>Reading a configuration section into a generated class (SoraConfBinding.ReadConfiguration), with a section
/// tree of the test's own: the runtime knows Microsoft.Extensions.Configuration only through the three accessors that
/// generated FromConfiguration and Sora.Config.Options pass (their tests use the real providers).</summary>
public class ConfigurationReadingTests
{
    /// <summary>A configuration node as a provider would give it: a path, a value or null, and children.</summary>
    private sealed record Node(string Path, string? Value, params Node[] Children);

    private static Node Section(string path, params (string Key, string? Value)[] values) =>
        new(path, null, values.Select(v => new Node(path + ":" + v.Key, v.Value)).ToArray());

    private static (SoraConf Conf, SoraConfSectionReading Reading) Read(Node section)
    {
        var conf = new SoraConf();
        var reading = SoraConfBinding.ReadConfiguration(section, n => n.Children, n => n.Path, n => n.Value, conf, ((ISoraConf)conf).Catalog, SoraConf.TargetSoraVersion);
        return (conf, reading);
    }

    [Fact]
    public void Keys_match_sora_conf_names_or_property_names_case_insensitively_and_values_use_sora_conf_syntax()
    {
        var (conf, reading) = Read(Section("Sora",
            ("api_port", "3100"), ("SignalingLoopbackAddressOnly", "True"), ("WEBHOOK_RESPONSE_TIMEOUT", "30 s"), ("ipv4Address", " 10.0.0.10 ")));
        Assert.Empty(reading.Diagnostics);
        Assert.False(reading.HasErrors);
        Assert.Equal(3100, conf.ApiPort);
        Assert.True(conf.SignalingLoopbackAddressOnly);
        Assert.Equal(TimeSpan.FromSeconds(30), conf.WebhookResponseTimeout);
        Assert.Equal("10.0.0.10", conf.Ipv4Address!.ToString());
        Assert.Empty(conf.UnknownKeys);
    }

    [Fact]
    public void Invalid_values_are_the_catalogues_findings_located_by_configuration_path()
    {
        var (conf, reading) = Read(Section("Sora", ("TurnTcpPort", "70000"), ("api_loopback_address_only", "yes"), ("webhook_response_timeout", "30 seconds")));
        Assert.True(reading.HasErrors);
        var errors = reading.Diagnostics.Where(d => d.Severity == SoraConfSeverity.Error).OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(["Sora:TurnTcpPort", "Sora:api_loopback_address_only", "Sora:webhook_response_timeout"], errors.Select(d => d.Path));
        Assert.All(errors, d => Assert.Equal("SORA0003", d.Id));
        Assert.All(errors, d => Assert.Equal(0, d.Line));
        Assert.Equal("turn_tcp_port", errors[0].Key);
        Assert.StartsWith("Sora:TurnTcpPort: error SORA0003: Invalid value for 'turn_tcp_port'", errors[0].ToString());
        Assert.Null(conf.TurnTcpPort);
        var thrown = SoraConfBinding.ConfigurationException(reading);
        Assert.StartsWith("The configuration section 'Sora' has 3 error(s):", thrown.Message);
        Assert.Contains("Sora:TurnTcpPort: error SORA0003", thrown.Message);
    }

    [Fact]
    public void Unknown_keys_are_reported_as_in_files_and_kept()
    {
        var (conf, reading) = Read(Section("Sora", ("api_prot", "3000"), ("x_custom_setting", "1")));
        Assert.Equal(["SORA0004 Sora:api_prot", "SORA0011 Sora:x_custom_setting"], reading.Diagnostics.Select(d => d.Id + " " + d.Path).Order(StringComparer.Ordinal));
        Assert.Contains("did you mean 'api_port'", reading.Diagnostics.Single(d => d.Id == "SORA0004").Message);
        Assert.Equal("3000", conf.UnknownKeys["api_prot"]);
        Assert.False(reading.HasErrors);
    }

    [Fact]
    public void A_key_set_under_both_names_is_an_error_naming_both_paths()
    {
        var (_, reading) = Read(Section("Sora", ("api_port", "3000"), ("ApiPort", "3100")));
        var error = Assert.Single(reading.Diagnostics);
        Assert.Equal(("SORA0003", SoraConfSeverity.Error, "Sora:ApiPort"), (error.Id, error.Severity, error.Path));
        Assert.Contains("also set as Sora:api_port", error.Message);
    }

    [Fact]
    public void A_section_or_an_array_where_a_value_belongs_is_an_error_and_an_empty_one_sets_nothing()
    {
        var section = new Node("Sora", null,
            new Node("Sora:api_port", null, new Node("Sora:api_port:0", "3000"), new Node("Sora:api_port:1", "3001")),
            new Node("Sora:turn_tcp_port", null, new Node("Sora:turn_tcp_port:nested", "443")),
            new Node("Sora:signaling_port", null));
        var (conf, reading) = Read(section);
        Assert.Equal(["Sora:api_port", "Sora:turn_tcp_port"], reading.Diagnostics.Select(d => d.Path).Order(StringComparer.Ordinal));
        Assert.Contains("an array, but api_port takes one value", reading.Diagnostics.Single(d => d.Key == "api_port").Message);
        Assert.Contains("a configuration section, not a value", reading.Diagnostics.Single(d => d.Key == "turn_tcp_port").Message);
        Assert.Null(conf.SignalingPort);
    }

    [Fact]
    public void Secret_values_never_appear_in_findings()
    {
        const string secret = "s3cr3t-Passw0rd";
        var (_, reading) = Read(Section("Sora", ("webhook_basic_authn_password", secret + " #x"), ("WebhookBasicAuthnPassword", secret + "\nb")));
        Assert.NotEmpty(reading.Diagnostics);
        foreach (var d in reading.Diagnostics)
        {
            Assert.DoesNotContain(secret, d.ToString());
            Assert.DoesNotContain(secret, d.GetMessage(new System.Globalization.CultureInfo("ja-JP")));
        }
        // A line break from an environment variable cannot be written to sora.conf: refused without quoting the value.
        (_, reading) = Read(Section("Sora", ("webhook_basic_authn_password", secret + "\napi_port = 1")));
        var error = Assert.Single(reading.Diagnostics);
        Assert.Equal("SORA0003", error.Id);
        Assert.Contains("secret", error.Message);
        Assert.DoesNotContain(secret, error.ToString());
    }

    [Fact]
    public void Validate_adds_the_production_rules_located_where_the_key_is_or_would_be_written()
    {
        var (conf, reading) = Read(Section("Sora", ("ApiLoopbackAddressOnly", "false"), ("turn", "true"), ("turn_tls", "true"), ("api_prot", "3000")));
        var findings = reading.Validate(conf, SoraConfProfile.Production);
        Assert.Equal("Sora:ApiLoopbackAddressOnly", findings.Single(d => d.Id == "SORA1001").Path);
        // turn_tls is true without turn_tls_fqdn: the finding is about turn_tls, where it was written.
        Assert.Equal("Sora:turn_tls", findings.Single(d => d.Id == "SORA1003").Path);
        // A key that is not written (ipv4_address for SORA1004) is located where it would be written.
        Assert.Equal("Sora:ipv4_address", findings.Single(d => d.Id == "SORA1004").Path);
        // The reading's finding is not repeated by the object's own Validate().
        Assert.Single(findings, d => d.Id == "SORA0004");
        Assert.DoesNotContain(findings, d => d.Path is null);
        // The development profile turns the production rules off.
        Assert.DoesNotContain(reading.Validate(conf, SoraConfProfile.Development), d => d.Rule.IsProductionRule);
    }

    [Fact]
    public void Validate_after_a_reading_error_reports_only_the_reading()
    {
        var (conf, reading) = Read(Section("Sora", ("api_loopback_address_only", "no")));
        var findings = reading.Validate(conf, SoraConfProfile.Production);
        Assert.Equal(reading.Diagnostics, findings);
        Assert.DoesNotContain(findings, d => d.Id == "SORA1001");
    }

    [Fact]
    public void A_root_configuration_has_paths_without_a_section()
    {
        var root = new Node("", null, new Node("api_port", "x"));
        var (_, reading) = Read(root);
        Assert.Equal("api_port", Assert.Single(reading.Diagnostics).Path);
        Assert.StartsWith("The configuration has 1 error(s):", SoraConfBinding.ConfigurationException(reading).Message);
    }
}
