using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;

namespace Sora.Config.Generator.Bench;

/// <summary>Binding a 60-key configuration section (the typed-parse input's keys and values, as "Sora:key" entries of the
/// in-memory provider) into a typed object: generated FromConfiguration (Sora's value syntax, entry checks, findings
/// located by path) side by side with the configuration binder's source generator on the equivalent POCO (values the
/// binder cannot convert from sora.conf syntax stay strings there), and the binder's reflection path.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class ConfigurationBindingBenchmarks
{
    private IConfigurationSection section = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", "sora-60.conf"));
        var values = ProductionConf.Parse(text).ToSettings().ToDictionary(p => "Sora:" + p.Key, p => (string?)p.Value);
        if (values.Count != 60) throw new InvalidOperationException($"{values.Count} keys, not 60");
        section = new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Sora");
        // Same values everywhere: a mismatch would make the comparison meaningless.
        var conf = ProductionConf.FromConfiguration(section);
        if (conf.Serialize() != ProductionConf.Parse(text).Serialize()
            || SourceGeneratedBinding.Bind(section)!.ApiPort != conf.ApiPort || section.Get<PocoConf>()!.TurnTcpPort != conf.TurnTcpPort)
            throw new InvalidOperationException("the binders disagree");
    }

    [Benchmark(Baseline = true, Description = "ProductionConf.FromConfiguration (Sora.Config)")]
    public ProductionConf SoraConfig() => ProductionConf.FromConfiguration(section);

    [Benchmark(Description = "Binder source generator, Get<PocoConf>")]
    public PocoConf? BinderSourceGenerated() => SourceGeneratedBinding.Bind(section);

    [Benchmark(Description = "Binder reflection, Get<PocoConf>")]
    public PocoConf? BinderReflection() => section.Get<PocoConf>();
}
