using System.Net;
using Sora.Config.Diagnostics;

namespace Sora.Config.Generator.Tests.Consumer;

/// <summary>Parse reads files without errors on a fast path (no syntax tree, values read from spans of the
/// text); these pin what users see on its edge cases: same values, same warnings, same refusals.</summary>
public class TypedParseFastPathTests
{
    [Fact]
    public void Crlf_line_endings_are_trimmed_from_values()
    {
        var conf = ProductionConf.Parse("# comment\r\napi_port = 3000\r\nlabel = edge a\r\nwebhook_response_timeout = 30 s\r\n");
        Assert.Equal(3000, conf.ApiPort);
        Assert.Equal("edge a", conf.Label);
        Assert.Equal(TimeSpan.FromSeconds(30), conf.WebhookResponseTimeout);
    }

    [Fact]
    public void Tabs_around_the_equals_sign_and_indented_lines_are_read()
    {
        var conf = ProductionConf.Parse("  api_port\t=\t3000\n   # indented comment\n   \nlabel=x=y\n");
        Assert.Equal(3000, conf.ApiPort);
        Assert.Equal("x=y", conf.Label);
    }

    [Fact]
    public void A_key_at_the_end_of_the_file_without_a_line_feed_is_read()
    {
        Assert.Equal(3000, ProductionConf.Parse("# c\napi_port = 3000").ApiPort);
        Assert.True(ProductionConf.TryParse("api_port = 3000\nmystery = 2", out var conf, out var diagnostics));
        Assert.Equal("2", conf!.UnknownKeys["mystery"]);
        var unknown = Assert.Single(diagnostics);
        Assert.Equal(("SORA0011", 2, 1), (unknown.Id, unknown.Line, unknown.Column));
    }

    [Fact]
    public void A_hash_inside_a_value_is_kept_and_warned_about_only_after_whitespace()
    {
        Assert.True(ProductionConf.TryParse("label = a#b\n", out var plain, out var none));
        Assert.Equal("a#b", plain!.Label);
        Assert.Empty(none);

        // The warning is placed on its line even after many comment and blank lines.
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => "#" + new string('c', i) + "\n" + (i % 3 == 0 ? "\n" : ""))) + "label = edge\t# tokyo\n";
        Assert.True(ProductionConf.TryParse(text, out var conf, out var diagnostics));
        Assert.Equal("edge\t# tokyo", conf!.Label);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("SORA0005", warning.Id);
        Assert.Equal(text.Count(c => c == '\n'), warning.Line);
        Assert.Equal(9, warning.Column);
    }

    [Fact]
    public void Entries_between_comments_of_every_length_are_all_read()
    {
        // Comment lengths around the widths the line scan works in (8, 16 and 32 characters).
        var lines = new List<string>();
        for (int i = 0; i < 70; i++)
        {
            lines.Add("#" + new string('x', i));
            if (i % 7 == 0) lines.Add("");
        }
        lines.Insert(33, "api_port = 3001");
        lines.Insert(17, "   label = mid");
        lines.Add("turn_fqdn = turn.sora.internal");
        var conf = ProductionConf.Parse(string.Join("\n", lines));
        Assert.Equal(3001, conf.ApiPort);
        Assert.Equal("mid", conf.Label);
        Assert.Equal("turn.sora.internal", conf.TurnFqdn);
    }

    [Theory]
    [InlineData("api_port = 3000\n\t\n")]           // a tab-only line is not a skip line
    [InlineData("api_port = 3000\n\r\n")]           // nor is a CR-only line
    [InlineData("api_port = 1\napi_port = 2\n")]    // duplicate key
    public void Lines_Sora_refuses_make_Parse_fail(string text)
    {
        Assert.False(ProductionConf.TryParse(text, out var conf, out var diagnostics));
        Assert.Null(conf);
        Assert.Contains(diagnostics, d => d.Severity == SoraConfSeverity.Error);
    }

    [Theory]
    [InlineData("webhook_response_timeout = 1_000 ms", 1000)]
    [InlineData("webhook_response_timeout = 30  s", 30_000)]
    [InlineData("webhook_response_timeout = +5 s", 5000)]
    public void Intervals_read_as_the_codec_reads_them(string line, int ms)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(ms), ProductionConf.Parse(line).WebhookResponseTimeout);
    }

    [Theory]
    [InlineData("webhook_response_timeout = 5 S")]
    [InlineData("webhook_response_timeout = 5s")]
    [InlineData("webhook_response_timeout = -5 s")]
    [InlineData("webhook_response_timeout = 5\ts")]
    [InlineData("api_port = 99999999999999999999")]
    [InlineData("api_port = 3_000")]
    [InlineData("api_port = 70000")]
    [InlineData("ipv4_address = 10.0.0.010")]
    [InlineData("ipv4_address = 10.0.0.1.5")]
    [InlineData("ipv4_address = 192.0.2.")]
    [InlineData("ipv4_address = 1920.0.2.1")]
    [InlineData("auth_webhook_url = http://:80/")]
    [InlineData("auth_webhook_url = https://user@/")]
    [InlineData("auth_webhook_url = HTTPS://a.example/")]
    [InlineData("api_loopback_address_only = True")]
    public void Invalid_values_are_reported_with_their_position(string line)
    {
        var ex = Assert.Throws<SoraConfParseException>(() => ProductionConf.Parse("# c\n" + line + "\n"));
        var error = Assert.Single(ex.Diagnostics, d => d.Severity == SoraConfSeverity.Error);
        Assert.Equal(("SORA0003", 2), (error.Id, error.Line));
    }

    [Theory]
    [InlineData("label = a\0b\n", 1)]                        // NUL in a value: Sora keeps it
    [InlineData(" # note\n= 1\n", 2)]                        // empty key: Sora reads a setting named ''
    [InlineData("auth_webhook_url = https://a.sora.internal:0/\n", 1)]
    [InlineData("turn_fqdn = turn..sora.internal\n", 1)]
    [InlineData("turn_fqdn = -turn.sora.internal\n", 1)]
    public void Lines_and_values_Sora_accepts_but_cannot_use_are_warnings_and_Parse_succeeds(string text, int line)
    {
        Assert.True(ProductionConf.TryParse(text, out var conf, out var diagnostics));
        Assert.NotNull(conf);
        var d = Assert.Single(diagnostics, x => x.Id == "SORA0012");
        Assert.Equal((SoraConfSeverity.Warning, line), (d.Severity, d.Line));
    }

    [Fact]
    public void Values_read_from_spans_equal_the_codec_values()
    {
        var conf = ProductionConf.Parse("api_port = +0443\nipv4_address = 0.0.0.0\nauth_webhook_url = https://u:p@a.example:08443/x?y#z\n");
        Assert.Equal(443, conf.ApiPort);
        Assert.Equal(IPAddress.Any, conf.Ipv4Address);
        Assert.Equal("https://u:p@a.example:08443/x?y#z", conf.AuthWebhookUrl!.OriginalString);
        Assert.Equal(8443, conf.AuthWebhookUrl.Port);
    }
}
