namespace Sora.Config.Tests;

public class GeneratedSoraConfSmokeTests
{
    [Fact]
    public void Ready_made_SoraConf_round_trips()
    {
        var conf = SoraConf.Parse("api_port = 3001\nwebhook_response_timeout = 30 s\nipv4_address = 10.0.0.10\nzzz = keep me\n");
        Assert.Equal(3001, conf.ApiPort);
        Assert.Equal(TimeSpan.FromSeconds(30), conf.WebhookResponseTimeout);
        Assert.Equal("keep me", conf.UnknownKeys["zzz"]);
        Assert.Equal("ipv4_address = 10.0.0.10\napi_port = 3001\nwebhook_response_timeout = 30 s\nzzz = keep me\n", conf.Serialize());
    }
}
