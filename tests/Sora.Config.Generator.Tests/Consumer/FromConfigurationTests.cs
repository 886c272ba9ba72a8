using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Sora.Config.Generator.Tests.Infrastructure;

namespace Sora.Config.Generator.Tests.Consumer;

/// <summary>Generated FromConfiguration/TryFromConfiguration on this project's own classes (it references
/// Microsoft.Extensions.Configuration), with the real JSON, environment-variable and in-memory providers.</summary>
public class FromConfigurationTests
{
    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    [Fact]
    public void Json_with_sora_conf_names_property_names_strings_and_json_natives_binds()
    {
        var configuration = Json("""
            { "Sora": {
                "api_loopback_address_only": true,
                "SignalingLoopbackAddressOnly": "true",
                "api_port": 3100,
                "webhook_response_timeout": "30 s",
                "ipv4_address": "10.0.0.10",
                "auth_webhook_url": "https://auth.sora.internal/sora"
            } }
            """);
        var conf = ProductionConf.FromConfiguration(configuration.GetSection("Sora"));
        Assert.True(conf.ApiLoopbackAddressOnly);
        Assert.True(conf.SignalingLoopbackAddressOnly);
        Assert.Equal(3100, conf.ApiPort);
        Assert.Equal(TimeSpan.FromSeconds(30), conf.WebhookResponseTimeout);
        Assert.Equal(System.Net.IPAddress.Parse("10.0.0.10"), conf.Ipv4Address);
        Assert.Equal(new Uri("https://auth.sora.internal/sora"), conf.AuthWebhookUrl);
        // The same text a file would hold.
        Assert.Equal(ProductionConf.Parse(conf.Serialize()).Serialize(), conf.Serialize());
    }

    [Fact]
    public void Environment_variables_override_json_as_configuration_layers_do()
    {
        var prefix = "SORACONF_TEST_" + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(prefix + "Sora__api_port", "3200");
        Environment.SetEnvironmentVariable(prefix + "Sora__TURN_TCP_PORT", "8443");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "Sora": { "api_port": 3100, "turn_tcp_port": 443 } }""")))
                .AddEnvironmentVariables(prefix)
                .Build();
            var conf = ProductionConf.FromConfiguration(configuration.GetSection("Sora"));
            Assert.Equal(3200, conf.ApiPort);
            Assert.Equal(8443, conf.TurnTcpPort);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Sora__api_port", null);
            Environment.SetEnvironmentVariable(prefix + "Sora__TURN_TCP_PORT", null);
        }
    }

    [Fact]
    public void Errors_throw_with_rule_id_key_and_configuration_path()
    {
        var configuration = Json("""{ "Sora": { "turn_tcp_port": 70000, "ApiLoopbackAddressOnly": "yes" } }""");
        var thrown = Assert.Throws<SoraConfParseException>(() => ProductionConf.FromConfiguration(configuration.GetSection("Sora")));
        Assert.StartsWith("The configuration section 'Sora' has 2 error(s):", thrown.Message);
        Assert.Contains("Sora:turn_tcp_port: error SORA0003: Invalid value for 'turn_tcp_port'", thrown.Message);
        Assert.Contains("Sora:ApiLoopbackAddressOnly: error SORA0003: Invalid value for 'api_loopback_address_only'", thrown.Message);

        Assert.False(ProductionConf.TryFromConfiguration(configuration.GetSection("Sora"), out var conf, out var diagnostics));
        Assert.Null(conf);
        Assert.Equal(2, diagnostics.Count);
    }

    [Fact]
    public void Warnings_do_not_fail_and_unknown_keys_are_kept()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sora:api_prot"] = "3000",
            ["Sora:ipv4_address"] = "192.0.2.10",
        }).Build();
        Assert.True(ProductionConf.TryFromConfiguration(configuration.GetSection("Sora"), out var conf, out var diagnostics));
        Assert.Equal("3000", conf.UnknownKeys["api_prot"]);
        Assert.Equal(["SORA0004 Sora:api_prot", "SORA0010 Sora:ipv4_address"], diagnostics.Select(d => d.Id + " " + d.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_section_gives_an_empty_conf()
    {
        var configuration = Json("{}");
        var conf = ProductionConf.FromConfiguration(configuration.GetSection("Sora"));
        Assert.Empty(conf.ToSettings());
    }

    [Fact]
    public void List_keys_take_json_arrays_and_comma_strings_in_generated_code_compiled_against_the_abstractions()
    {
        // The test schema has list keys (the bundled one has none): compile a generated class against it and run it.
        var compilation = GeneratorHarness.Compilation("using Sora.Config; namespace Lists; [GeneratedSoraConf] public partial class ListConf { }")
            .AddReferences(GeneratorHarness.ConfigurationReference);
        var (_, output, diagnostics) = GeneratorHarness.Run(compilation, GeneratorHarness.TestSchema());
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var type = Assembly.Load(image.ToArray()).GetType("Lists.ListConf")!;
        var from = type.GetMethod("FromConfiguration")!;

        object Read(string json)
        {
            try
            {
                return from.Invoke(null, [Json(json).GetSection("Sora")])!;
            }
            catch (TargetInvocationException e) when (e.InnerException is SoraConfParseException inner)
            {
                return inner;
            }
        }

        var fromArray = (ISoraConf)Read("""{ "Sora": { "trusted_addresses": ["10.0.0.1", "10.0.0.2"], "allowed_codecs": ["vp9", "av1"] } }""");
        Assert.Equal([new("allowed_codecs", "vp9,av1"), new("trusted_addresses", "10.0.0.1,10.0.0.2")], fromArray.ToSettings().OrderBy(p => p.Key, StringComparer.Ordinal));
        var fromText = (ISoraConf)Read("""{ "Sora": { "TrustedAddresses": "10.0.0.1, 10.0.0.2" } }""");
        Assert.Equal("10.0.0.1,10.0.0.2", fromText.ToSettings().Single().Value);
        // An invalid item is the codec's error at the list's path; an item holding a separator would read as two.
        var invalid = Assert.IsType<SoraConfParseException>(Read("""{ "Sora": { "trusted_addresses": ["10.0.0.1", "10.0.0.300"] } }"""));
        Assert.Equal("Sora:trusted_addresses", Assert.Single(invalid.Diagnostics).Path);
        var separator = Assert.IsType<SoraConfParseException>(Read("""{ "Sora": { "trusted_addresses": ["10.0.0.1, 10.0.0.2"] } }"""));
        Assert.Contains("item 0", Assert.Single(separator.Diagnostics).Message);
    }
}
