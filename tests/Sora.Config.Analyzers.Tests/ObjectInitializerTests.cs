namespace Sora.Config.Analyzers.Tests;

public sealed class ObjectInitializerTests
{
    // A production-safe baseline: every rule that fires on defaults is satisfied.
    internal const string Safe = "ApiLoopbackAddressOnly = true, SignalingLoopbackAddressOnly = true, Ipv4Address = System.Net.IPAddress.Parse(\"10.0.0.10\"), TurnFqdn = \"turn.sora.internal\"";

    [Fact]
    public async Task Empty_initializer_reports_defaults_at_the_creation()
    {
        var source = """
            using Sora.Config;
            [GeneratedSoraConf] public partial class ProductionConf { }
            class C
            {
                ProductionConf M() => {|SORA1001:{|SORA1002:{|SORA1004:{|SORA1008:new ProductionConf { }|}|}|}|};
            }
            """;
        await SoraTest.VerifyAsync(source);
    }

    [Fact]
    public async Task Safe_initializer_reports_nothing()
    {
        var source = $$"""
            using Sora.Config;
            [GeneratedSoraConf] public partial class ProductionConf { }
            class C
            {
                ProductionConf M() => new ProductionConf { {{Safe}} };
            }
            """;
        await SoraTest.VerifyAsync(source);
    }
}
