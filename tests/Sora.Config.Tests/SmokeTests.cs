using Sora.Config.Catalog;
using Sora.Config.Values;

namespace Sora.Config.Tests;

public class SmokeTests
{
    [Fact]
    public void Catalog_is_generated_from_the_schema()
    {
        var catalog = SoraCatalog.Default;
        Assert.Equal("2025.2", catalog.NewestVersion);
        Assert.True(catalog.TryGetKey("api_loopback_address_only", out var key));
        Assert.Equal(SoraValueType.Bool, key.Type);
        Assert.Equal("false", key.Default);
        Assert.True(catalog.Keys.Count > 60);
    }
}
