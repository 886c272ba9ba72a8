using Sora.Config;
using Sora.Config.IO;
using Sora.Config.Values;

namespace Sora.Config.Tests.Binding;

/// <summary>An interval longer than a TimeSpan can hold: Sora accepts it (the key has no maximum), so the linter calls it
/// questionable (SORA0012), and a generated class, whose TimeSpan property cannot hold it, refuses it; it used to throw.</summary>
public sealed class IntervalLimitTests
{
    private const string TooLong = "webhook_response_timeout = 300000000 h\n";

    [Fact]
    public void Typed_TryParse_reports_it_instead_of_throwing()
    {
        Assert.False(SoraConf.TryParse(TooLong, out var conf, out var diagnostics));
        Assert.Null(conf);
        var d = Assert.Single(diagnostics, x => x.Id == "SORA0003");
        Assert.Equal(1, d.Line);
        Assert.Contains("property cannot hold", d.Message);
        Assert.Contains(diagnostics, x => x.Id == "SORA0012");
    }

    [Fact]
    public void The_file_reader_reports_it_too()
    {
        var file = SoraConfFile.Read(TooLong);
        var d = Assert.Single(file.Diagnostics, x => x.Key == "webhook_response_timeout");
        Assert.Equal(("SORA0012", SoraConfSeverity.Warning), (d.Id, d.Severity));
    }

    [Fact]
    public void The_longest_interval_a_TimeSpan_holds_is_accepted()
    {
        var conf = SoraConf.Parse("webhook_response_timeout = " + SoraInterval.MaxMilliseconds + " ms\n");
        Assert.Equal(TimeSpan.FromMilliseconds(SoraInterval.MaxMilliseconds), conf.WebhookResponseTimeout);
        Assert.False(SoraConf.TryParse("webhook_response_timeout = " + (SoraInterval.MaxMilliseconds + 1) + " ms\n", out _, out _));
    }
}

/// <summary>User info in a URL: its ':' is not a port separator (it used to be read as port 'pw@host').</summary>
public sealed class UrlUserInfoTests
{
    [Fact]
    public void A_url_with_user_info_is_accepted()
    {
        var conf = SoraConf.Parse("auth_webhook_url = https://user:pw@hooks.sora.internal/auth\n");
        Assert.Equal("hooks.sora.internal", conf.AuthWebhookUrl!.Host);
        Assert.Equal("user:pw", conf.AuthWebhookUrl.UserInfo);
    }

    [Fact]
    public void A_port_beyond_65535_after_user_info_is_refused_by_the_class_whose_uri_cannot_hold_it()
    {
        // Sora accepts the URL and cannot connect (the linter's SORA0012); System.Uri cannot hold it at all.
        Assert.False(SoraConf.TryParse("auth_webhook_url = https://user:pw@hooks.sora.internal:99999/auth\n", out _, out var diagnostics));
        Assert.Contains(diagnostics, d => d.Id == "SORA0003" && d.Message.Contains("99999"));
    }
}

/// <summary>Warnings from the typed parse carry their own line numbers, however many there are.</summary>
public sealed class WarningLineTests
{
    [Fact]
    public void Each_warning_has_its_line()
    {
        var text = "# head\nunknown_one = 1\n\n# c\nunknown_two = 2\napi_port = 3000\n# c\n# c\nunknown_three = 3\n";
        Assert.True(SoraConf.TryParse(text, out _, out var diagnostics));
        Assert.Equal(new[] { 2, 5, 9 }, diagnostics.Where(d => d.Id == "SORA0011").Select(d => d.Line).ToArray());
    }
}
