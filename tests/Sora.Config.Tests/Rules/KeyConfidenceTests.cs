using Sora.Config.Catalog;
using Sora.Config.CodeGeneration;

namespace Sora.Config.Tests.Rules;

/// <summary>The catalogue carries, per key, which of name, type, default and versions are confirmed by a source.</summary>
public class KeyConfidenceTests
{
    private static SoraKeyInfo Key(string name) => SoraCatalog.Default.Keys.Single(k => k.Name == name);

    [Fact]
    public void Inferred_facts_come_from_the_schema()
    {
        var port = Key("signaling_port");
        Assert.Equal(SoraKeyFacts.Name | SoraKeyFacts.Type | SoraKeyFacts.Default | SoraKeyFacts.Versions, port.InferredFacts);
        Assert.False(port.IsConfirmed(SoraKeyFacts.Name));
        Assert.False(port.IsFullyConfirmed);
        Assert.Equal("name, type, default, versions inferred", port.Confidence.English);
        Assert.Equal("キー名・型・既定値・バージョンは推定", port.Confidence.Japanese);

        var api = Key("api_port");
        Assert.True(api.IsConfirmed(SoraKeyFacts.Name));
        Assert.True(api.IsConfirmed(SoraKeyFacts.Name | SoraKeyFacts.Default));
        Assert.False(api.IsConfirmed(SoraKeyFacts.Default | SoraKeyFacts.Versions));
        Assert.True(api.IsConfirmed(SoraKeyFacts.None));
        Assert.Equal("name, default confirmed; type, versions inferred", api.Confidence.English);

        Assert.False(Key("webhook_response_timeout").IsConfirmed(SoraKeyFacts.Default));
        Assert.False(Key("simulcast_multicodec").IsConfirmed(SoraKeyFacts.Versions));
    }

    [Fact]
    public void Every_key_with_an_inferred_fact_says_why()
    {
        foreach (var key in SoraCatalog.Default.Keys)
        {
            Assert.True((key.InferredFacts == SoraKeyFacts.None) == (key.Inferred is null), key.Name);
            Assert.Equal(key.InferredFacts == SoraKeyFacts.None, key.IsFullyConfirmed);
        }
    }

    [Fact]
    public void The_factory_reads_fact_spellings_and_refuses_others()
    {
        SoraKeyInfo Make(string[] facts) => SoraCatalogFactory.Key(
            "x", "bool", null, null, [], null, null, [], null, [], "test", null, null, null, false, false, "d", "d", "s", [],
            facts.Length == 0 ? null : "why", facts, null, null, null);

        Assert.Equal(SoraKeyFacts.None, Make([]).InferredFacts);
        Assert.Equal("name, type, default, versions confirmed", Make([]).Confidence.English);
        Assert.Equal(SoraKeyFacts.Default | SoraKeyFacts.Versions, Make(["versions", "default"]).InferredFacts);
        Assert.Throws<ArgumentException>(() => Make(["range"]));
    }
}
