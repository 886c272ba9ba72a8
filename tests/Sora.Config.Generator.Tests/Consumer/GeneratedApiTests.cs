using System.Net;
using Sora.Config.Diagnostics;

namespace Sora.Config.Generator.Tests.Consumer;

/// <summary>Behaviour of the generated API as users see it.</summary>
public class GeneratedApiTests
{
    private const string Sample = """
        # production
        api_loopback_address_only = true
        signaling_loopback_address_only = true
        ipv4_address = 10.0.0.10
        turn_fqdn = turn.sora.internal
        turn_tcp_port = 443
        turn_tls = true
        turn_tls_fqdn = turns.sora.internal
        webhook_response_timeout = 30 s
        auth_webhook_url = https://auth.sora.internal/sora
        future_key_from_sora_2030 = on
        """;

    [Fact]
    public void Parse_gives_typed_values()
    {
        var conf = ProductionConf.Parse(Sample);
        Assert.True(conf.ApiLoopbackAddressOnly);
        Assert.Equal(IPAddress.Parse("10.0.0.10"), conf.Ipv4Address);
        Assert.Equal(443, conf.TurnTcpPort);
        Assert.Equal(TimeSpan.FromSeconds(30), conf.WebhookResponseTimeout);
        Assert.Equal(new Uri("https://auth.sora.internal/sora"), conf.AuthWebhookUrl);
        Assert.Null(conf.Demo);
    }

    [Fact]
    public void Serialize_is_deterministic_schema_order_then_unknown_keys()
    {
        var conf = ProductionConf.Parse(Sample);
        var text = conf.Serialize();
        Assert.Equal(
            "ipv4_address = 10.0.0.10\n" +
            "api_loopback_address_only = true\n" +
            "signaling_loopback_address_only = true\n" +
            "auth_webhook_url = https://auth.sora.internal/sora\n" +
            "webhook_response_timeout = 30 s\n" +
            "turn_fqdn = turn.sora.internal\n" +
            "turn_tcp_port = 443\n" +
            "turn_tls = true\n" +
            "turn_tls_fqdn = turns.sora.internal\n" +
            "future_key_from_sora_2030 = on\n", text);
        Assert.Equal(text, ProductionConf.Parse(text).Serialize());
    }

    [Fact]
    public void Unknown_keys_round_trip_in_file_order()
    {
        var conf = ProductionConf.Parse("zeta = 1\nalpha = two\napi_port = 3000\n");
        Assert.Equal(new[] { "zeta", "alpha" }, conf.UnknownKeys.Keys);
        Assert.EndsWith("zeta = 1\nalpha = two\n", conf.Serialize());
    }

    [Fact]
    public void Odd_unknown_keys_parse_without_throwing_and_serialize_back()
    {
        var conf = ProductionConf.Parse("my key = a b\n\u6771\u4eac = x\na#b = 1\n");
        Assert.Equal("my key = a b\n\u6771\u4eac = x\na#b = 1\n", conf.Serialize());
    }

    [Fact]
    public void Parse_throws_with_every_diagnostic()
    {
        var ex = Assert.Throws<SoraConfParseException>(() => ProductionConf.Parse("api_port = 70000\ndemo = yes\nbroken line\n"));
        Assert.Equal(new[] { 1, 2, 3 }, ex.Diagnostics.Where(d => d.Severity == SoraConfSeverity.Error).Select(d => d.Line));
        Assert.Contains("api_port", ex.Message);
    }

    [Fact]
    public void TryParse_reports_warnings_and_still_succeeds()
    {
        Assert.True(ProductionConf.TryParse("label = edge # tokyo\napi_loopback_adress_only = true\n", out var conf, out var diagnostics));
        Assert.NotNull(conf);
        Assert.Equal(new[] { "SORA0005", "SORA0004" }, diagnostics.Select(d => d.Id));
        Assert.Equal("edge # tokyo", conf!.Label);
    }

    [Fact]
    public void Setters_check_ranges_and_spellings()
    {
        var conf = new ProductionConf();
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => conf.ApiPort = 70000);
        Assert.Equal("ApiPort", range.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => conf.WebhookResponseTimeout = TimeSpan.FromTicks(15));
        Assert.Throws<ArgumentException>(() => conf.Ipv4Address = IPAddress.IPv6Loopback);
        Assert.Throws<ArgumentException>(() => conf.Label = "edge\napi_loopback_address_only = false");
        Assert.Throws<ArgumentException>(() => conf.AuthWebhookUrl = new Uri("ftp://sora.internal/"));
        // Sora accepts a trailing dot (it is questionable, not invalid): the setter takes it and Validate() says why not.
        conf.TurnFqdn = "turn.sora.internal.";
        Assert.Contains(conf.Validate(), d => d.Id == "SORA0012" && d.Key == "turn_fqdn");
        conf.TurnFqdn = null;
        conf.ApiPort = 3000;
        conf.WebhookResponseTimeout = TimeSpan.FromMinutes(2);
        // Written in the key's documented unit (seconds) when exact.
        Assert.Contains("webhook_response_timeout = 120 s", conf.Serialize());
    }

    [Fact]
    public void Version_exactness()
    {
        Assert.Equal("2024.2", LegacyConf.TargetSoraVersion);
        Assert.Null(typeof(LegacyConf).GetProperty("DataChannelRpc"));
        Assert.NotNull(typeof(ProductionConf).GetProperty("DataChannelRpc"));
        Assert.NotNull(typeof(LegacyConf).GetProperty("LegacyRecording"));
        Assert.Null(typeof(ProductionConf).GetProperty("LegacyRecording"));
        // A key the targeted version lacks is kept, not lost.
        var legacy = LegacyConf.Parse("data_channel_rpc = true\n");
        Assert.Equal("true", legacy.UnknownKeys["data_channel_rpc"]);
        Assert.Contains(legacy.Validate(), d => d.Id == "SORA2001" && d.Key == "data_channel_rpc");
    }

    [Fact]
    public void Validate_runs_the_catalogue_on_effective_values()
    {
        var ids = new ProductionConf().Validate().Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "SORA1001", "SORA1002", "SORA1004", "SORA1008" }, ids);
        Assert.DoesNotContain(ProductionConf.Parse(Sample).Validate(), d => d.Id != "SORA0011");
        Assert.Empty(new ProductionConf().Validate(SoraConfProfile.Development));
        Assert.Empty(new DevConf().Validate());
    }

    [Fact]
    public void ToString_summarizes_and_masks_secrets()
    {
        var conf = new ProductionConf { WebhookBasicAuthn = true, WebhookBasicAuthnUserId = "sora", WebhookBasicAuthnPassword = "hunter2" };
        var text = conf.ToString();
        Assert.Equal("ProductionConf (Sora 2025.2) { webhook_basic_authn = true, webhook_basic_authn_user_id = sora, webhook_basic_authn_password = *** }", text);
        Assert.Contains("webhook_basic_authn_password = hunter2", conf.Serialize());
    }

    [Fact]
    public void Save_and_Load_round_trip_atomically_as_utf8_without_bom_with_lf()
    {
        using var temp = new TempDir("soraconf");
        var dir = temp.Path;
        var path = Path.Combine(dir, "sora.conf");
        var conf = ProductionConf.Parse(Sample);
        conf.Label = "東京";
        conf.Save(path);
        var bytes = File.ReadAllBytes(path);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal(conf.Serialize(), ProductionConf.Load(path).Serialize());
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void A_failing_save_leaves_the_old_file_intact()
    {
        using var temp = new TempDir("soraconf");
        var dir = temp.Path;
        var path = Path.Combine(dir, "sora.conf");
        File.WriteAllText(path, "demo = false\n");
        // The write fails after the new content is in the temporary file, just before it would replace the old one.
        Sora.Config.IO.AtomicFile.TestHook.Value = (step, _) =>
        {
            if (step == Sora.Config.IO.AtomicFile.Step.Written) throw new IOException("disk full");
        };
        try
        {
            Assert.Equal("disk full", Assert.Throws<IOException>(() => new ProductionConf { Demo = true }.Save(path)).Message);
        }
        finally
        {
            Sora.Config.IO.AtomicFile.TestHook.Value = null;
        }
        Assert.Equal("demo = false\n", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(dir));
    }

    [Fact]
    public void Load_reports_a_bom_that_text_parsing_could_not_see()
    {
        using var temp = new TempDir("soraconf");
        var path = temp.File("sora.conf");
        File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat("# c\napi_port = 3000\n"u8.ToArray()).ToArray());
        var ex = Assert.Throws<SoraConfParseException>(() => ProductionConf.Load(path));
        Assert.Contains(ex.Diagnostics, d => d.Id == "SORA0006" && d.Path == path);
    }
}
