using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;

namespace Sora.Config.Generator.Bench;

[GeneratedSoraConf(SoraVersion = "2024.2")]
public partial class ProductionConf
{
}

/// <summary>Typed parse of a 60-key commented sora.conf (every key of Sora 2024.2, three comment lines
/// each) into a typed object, side by side with what a user would otherwise pick.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class TypedParseBenchmarks
{
    private string text = "";
    private byte[] bytes = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", "sora-60.conf"));
        bytes = Encoding.UTF8.GetBytes(text);
        // Same values everywhere: a mismatch would make the comparison meaningless.
        var conf = ProductionConf.Parse(text);
        if (conf.ApiPort != HandRolledConf.Parse(text).ApiPort || IniReflection()!.ApiPort != conf.ApiPort || IniSourceGenerated()!.ApiPort != conf.ApiPort)
            throw new InvalidOperationException("the parsers disagree");
    }

    [Benchmark(Baseline = true, Description = "ProductionConf.Parse (Sora.Config)")]
    public ProductionConf SoraConfig() => ProductionConf.Parse(text);

    // TryParse also works out the warnings (Parse keeps none, so it asks only the checks of error rules).
    [Benchmark(Description = "ProductionConf.TryParse with its warnings (Sora.Config)")]
    public ProductionConf? SoraConfigTryParse() => ProductionConf.TryParse(text, out var conf, out _) ? conf : null;

    [Benchmark(Description = "INI provider + ConfigurationBinder.Get<T> (reflection)")]
    public PocoConf? IniReflection() => Ini().Get<PocoConf>();

    [Benchmark(Description = "INI provider + binder source generator")]
    public PocoConf? IniSourceGenerated() => SourceGeneratedBinding.Bind(Ini());

    [Benchmark(Description = "Hand-rolled split-and-convert loop (the limit)")]
    public HandRolledConf HandRolled() => HandRolledConf.Parse(text);

    private IConfigurationRoot Ini() => new ConfigurationBuilder().AddIniStream(new MemoryStream(bytes)).Build();
}
