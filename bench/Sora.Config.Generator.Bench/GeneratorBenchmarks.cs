using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sora.Config.Catalog;

namespace Sora.Config.Generator.Bench;

/// <summary>A full generator run over one [GeneratedSoraConf] class with the real schema, and a re-run after an unrelated
/// edit (on one reused compilation, and on a new compilation per run as an editor gives), side by side with the
/// System.Text.Json source generator on an equivalent POCO (one property per key of the Sora class, with the key's name
/// and a CLR type) and a minimal ForAttributeWithMetadataName generator (the floor). The 60-property POCO of the typed-parse benchmarks runs too: it
/// was the System.Text.Json input of the earlier runs, when the newest Sora version had 57 keys (76 now).</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorBenchmarks
{
    private const string FloorSource = "[Floor.Marker] public partial class FloorConf { }\nnamespace Floor { [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class MarkerAttribute : System.Attribute { } }";
    private const string SoraSource = "using Sora.Config; [GeneratedSoraConf] public partial class ProductionConf { }";
    private const string StjSource = "using System.Text.Json.Serialization; using Sora.Config.Generator.Bench; [JsonSerializable(typeof(PocoConf))] internal partial class PocoContext : JsonSerializerContext { }";

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest);

    private CSharpCompilation floor = null!, sora = null!, stj = null!, stj60 = null!;
    private CSharpCompilation floorEdited = null!, soraEdited = null!, stjEdited = null!;
    private SyntaxTree unrelated = null!;
    private GeneratorDriver floorWarm = null!, soraWarm = null!, stjWarm = null!;
    private ImmutableArray<AdditionalText> schema;
    private ISourceGenerator stjGenerator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var references = Basic.Reference.Assemblies.Net100.References.All
            .Concat(new[] { MetadataReference.CreateFromFile(typeof(SoraCatalog).Assembly.Location) });
        var poco = File.ReadAllText(Path.Combine(FindRoot(), "bench", "Sora.Config.Generator.Bench", "Equivalents", "PocoConf.cs"))
            .Replace("[ConfigurationKeyName(", "[System.Text.Json.Serialization.JsonPropertyName(").Replace("using Microsoft.Extensions.Configuration;", "");
        CSharpCompilation Make(params string[] sources) => CSharpCompilation.Create("Bench",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, Options)), references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        floor = Make(FloorSource);
        sora = Make(SoraSource);
        stj = Make(StjSource, EquivalentPoco(SoraCatalog.Default));
        stj60 = Make(StjSource, poco);
        unrelated = CSharpSyntaxTree.ParseText("internal static class Unrelated { public static int Value => 42; }", Options);
        floorEdited = floor.AddSyntaxTrees(unrelated);
        soraEdited = sora.AddSyntaxTrees(unrelated);
        stjEdited = stj.AddSyntaxTrees(unrelated);

        var dir = Path.Combine(FindRoot(), "schema");
        schema = new[] { "versions.toml", "keys.toml", "rules.toml" }
            .Select(f => (AdditionalText)new SchemaText(Path.Combine(dir, f), File.ReadAllText(Path.Combine(dir, f)))).ToImmutableArray();

        var stjPath = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"),
            "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).Last();
        var stjType = Assembly.LoadFrom(stjPath).GetTypes().Single(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract);
        stjGenerator = ((IIncrementalGenerator)Activator.CreateInstance(stjType)!).AsSourceGenerator();

        floorWarm = FloorDriver().RunGenerators(floor);
        soraWarm = SoraDriver().RunGenerators(sora);
        stjWarm = StjDriver().RunGenerators(stj);
        if (soraWarm.GetRunResult().GeneratedTrees.Length != 1 || stjWarm.GetRunResult().GeneratedTrees.Length < 2 || floorWarm.GetRunResult().GeneratedTrees.Length != 1)
            throw new InvalidOperationException("a generator produced nothing: the comparison would be meaningless");
        // Equal work: as many System.Text.Json properties as the Sora class has keys.
        int soraKeys = CountOf(soraWarm.GetRunResult().GeneratedTrees[0].GetText().ToString(), "[global::Sora.Config.SoraKey(");
        int pocoProperties = CountOf(stj.SyntaxTrees.Last().GetText().ToString(), "{ get; set; }");
        if (soraKeys != pocoProperties || soraKeys == 0)
            throw new InvalidOperationException($"the Sora class has {soraKeys} keys and the POCO {pocoProperties} properties: the comparison would be uneven");
    }

    private GeneratorDriver FloorDriver() => CSharpGeneratorDriver.Create(new[] { new FloorGenerator().AsSourceGenerator() }, parseOptions: Options);

    private GeneratorDriver SoraDriver() => CSharpGeneratorDriver.Create(new[] { new SoraConfGenerator().AsSourceGenerator() }, schema, Options, new SchemaOptions());

    private GeneratorDriver StjDriver() => CSharpGeneratorDriver.Create(new[] { stjGenerator }, parseOptions: Options);

    [Benchmark(Baseline = true, Description = "First run: floor (FAWMN, one line)"), BenchmarkCategory("first")]
    public GeneratorDriver FirstFloor() => FloorDriver().RunGenerators(floor);

    [Benchmark(Description = "First run: Sora.Config (real schema)"), BenchmarkCategory("first")]
    public GeneratorDriver FirstSora() => SoraDriver().RunGenerators(sora);

    [Benchmark(Description = "First run: System.Text.Json (equivalent POCO)"), BenchmarkCategory("first")]
    public GeneratorDriver FirstStj() => StjDriver().RunGenerators(stj);

    [Benchmark(Description = "First run: System.Text.Json (60-property POCO of earlier runs)"), BenchmarkCategory("first")]
    public GeneratorDriver FirstStj60() => StjDriver().RunGenerators(stj60);

    [Benchmark(Baseline = true, Description = "Re-run after unrelated edit: floor"), BenchmarkCategory("rerun")]
    public GeneratorDriver RerunFloor() => floorWarm.RunGenerators(floorEdited);

    [Benchmark(Description = "Re-run after unrelated edit: Sora.Config"), BenchmarkCategory("rerun")]
    public GeneratorDriver RerunSora() => soraWarm.RunGenerators(soraEdited);

    [Benchmark(Description = "Re-run after unrelated edit: System.Text.Json"), BenchmarkCategory("rerun")]
    public GeneratorDriver RerunStj() => stjWarm.RunGenerators(stjEdited);

    // The re-runs above reuse one edited compilation, so from the second invocation on, everything it binds or looks up is
    // cached in it. An editor gives the generators a new compilation on every keystroke: these rows make one per run, as
    // cheap as that is (AddSyntaxTrees defers all work), so lookups and binding are paid as a user pays them.

    [Benchmark(Baseline = true, Description = "Re-run after edit, new compilation: floor"), BenchmarkCategory("edit")]
    public GeneratorDriver EditFloor() => floorWarm.RunGenerators(floor.AddSyntaxTrees(unrelated));

    [Benchmark(Description = "Re-run after edit, new compilation: Sora.Config"), BenchmarkCategory("edit")]
    public GeneratorDriver EditSora() => soraWarm.RunGenerators(sora.AddSyntaxTrees(unrelated));

    [Benchmark(Description = "Re-run after edit, new compilation: System.Text.Json"), BenchmarkCategory("edit")]
    public GeneratorDriver EditStj() => stjWarm.RunGenerators(stj.AddSyntaxTrees(unrelated));

    /// <summary>One property per key of the newest Sora version (the keys of <c>ProductionConf</c>), named by its
    /// sora.conf key, typed as make-equivalents.py types the 60-property POCO.</summary>
    private static string EquivalentPoco(SoraCatalog catalog)
    {
        var poco = new System.Text.StringBuilder("#nullable enable\nnamespace Sora.Config.Generator.Bench;\n\npublic sealed class PocoConf\n{\n");
        foreach (var key in catalog.Keys.Where(k => k.ExistsIn(catalog.NewestVersion)))
        {
            var type = key.Type switch
            {
                Sora.Config.Values.SoraValueType.Bool => "bool",
                Sora.Config.Values.SoraValueType.Int or Sora.Config.Values.SoraValueType.Port => "int",
                _ => "string",
            };
            var name = string.Concat(key.Name.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
            poco.Append("    [System.Text.Json.Serialization.JsonPropertyName(\"").Append(key.Name).Append("\")] public ").Append(type).Append("? ").Append(name).Append(" { get; set; }\n");
        }
        return poco.Append("}\n").ToString();
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Sora.Config.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }

    /// <summary>The smallest useful generator: ForAttributeWithMetadataName, one line out.</summary>
    private sealed class FloorGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var names = context.SyntaxProvider.ForAttributeWithMetadataName("Floor.MarkerAttribute", static (n, _) => true, static (c, _) => c.TargetSymbol.Name);
            context.RegisterSourceOutput(names, static (spc, name) => spc.AddSource(name + ".g.cs", "// " + name + "\n"));
        }
    }

    private sealed class SchemaText(string path, string content) : AdditionalText
    {
        private readonly SourceText text = SourceText.From(content);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    private sealed class SchemaOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly Opts File = new(new() { ["build_metadata.AdditionalFiles.SoraConfSchema"] = "bundled" });
        private static readonly Opts None = new(new());

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => File;

        private sealed class Opts(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
