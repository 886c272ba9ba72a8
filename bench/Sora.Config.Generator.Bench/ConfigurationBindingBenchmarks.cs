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
        // The first 60 settings of the typed-parse input (it holds 63), as the section's entries.
        var entries = Sora.Config.Syntax.SoraConfDocument.Parse(text).Entries.Take(60).ToList();
        var values = entries.ToDictionary(l => "Sora:" + l.Key!, l => l.Value);
        text = string.Concat(entries.Select(l => l.Key + " = " + l.Value + "\n"));
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

    /// <summary>Part of FromConfiguration's cost that any reader finding unknown keys pays: listing the section's children
    /// and reading each path and value (the binder's generator instead asks for each known key by name).</summary>
    [Benchmark(Description = "Only GetChildren() + Path + Value (no binding)")]
    public int EnumerationOnly()
    {
        int n = 0;
        foreach (var child in section.GetChildren()) n += child.Path.Length + (child.Value?.Length ?? 0);
        return n;
    }

    [Benchmark(Description = "Binder reflection, Get<PocoConf>")]
    public PocoConf? BinderReflection() => section.Get<PocoConf>();
}
