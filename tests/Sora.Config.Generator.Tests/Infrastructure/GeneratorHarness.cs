using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sora.Config.Catalog;

namespace Sora.Config.Generator.Tests.Infrastructure;

/// <summary>Runs the real generator in memory over C# sources and schema AdditionalFiles.</summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static string RepoRoot { get; } = FindRoot();

    public static string BundledSchemaDir => Path.Combine(RepoRoot, "schema");

    public static string TestSchemaDir => Path.Combine(AppContext.BaseDirectory, "TestSchema");

    public static IEnumerable<SchemaText> Bundled() =>
        new[] { "versions.toml", "keys.toml", "rules.toml" }.Select(f => new SchemaText(Path.Combine(BundledSchemaDir, f), File.ReadAllText(Path.Combine(BundledSchemaDir, f)), "bundled"));

    public static IEnumerable<SchemaText> TestSchema(string kind = "user") =>
        new[] { "versions.toml", "keys.toml", "rules.toml" }.Select(f => new SchemaText(Path.Combine(TestSchemaDir, f), File.ReadAllText(Path.Combine(TestSchemaDir, f)), kind));

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create("Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            Basic.Reference.Assemblies.Net100.References.All.Concat(new[] { MetadataReference.CreateFromFile(typeof(SoraCatalog).Assembly.Location) }),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    /// <summary>Microsoft.Extensions.Configuration.Abstractions: with it, generated classes get FromConfiguration.</summary>
    public static MetadataReference ConfigurationReference { get; } =
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location);

    public static GeneratorDriver Driver(IEnumerable<SchemaText> schema, IEnumerable<KeyValuePair<string, string>>? globalOptions = null)
    {
        var texts = schema.ToImmutableArray<AdditionalText>();
        return CSharpGeneratorDriver.Create(
            new[] { new SoraConfGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            BuildOptions(texts.OfType<SchemaText>(), globalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>What the build passes: each file's <c>SoraConfSchema</c> metadata (its <see cref="SchemaText.Kind"/>; the
    /// generator reads an empty one as "not a schema file") and the global options.</summary>
    public static AnalyzerConfigOptionsProvider BuildOptions(IEnumerable<SchemaText> files, IEnumerable<KeyValuePair<string, string>>? globalOptions = null) =>
        new OptionsProvider(files.ToArray(), globalOptions);

    /// <summary>Runs the generator; returns the driver (for incremental reruns), the output compilation and diagnostics.</summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(CSharpCompilation compilation, IEnumerable<SchemaText> schema)
    {
        var driver = Driver(schema).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, output, diagnostics);
    }

    public static string GeneratedSource(GeneratorDriver driver, string hintNameEnd) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Sora.Config.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Sora.Config.sln not found");
    }

    public sealed class SchemaText : AdditionalText
    {
        private readonly SourceText text;

        public SchemaText(string path, string content, string kind)
        {
            Path = path;
            Kind = kind;
            text = SourceText.From(content);
        }

        public override string Path { get; }

        public string Kind { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;

        public SchemaText WithContent(string content) => new(Path, content, Kind);
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, string> kinds;

        public OptionsProvider(SchemaText[] texts, IEnumerable<KeyValuePair<string, string>>? global)
        {
            kinds = texts.ToDictionary(t => t.Path, t => t.Kind);
            GlobalOptions = new Options(global?.ToDictionary(p => p.Key, p => p.Value) ?? new Dictionary<string, string>());
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(kinds.TryGetValue(textFile.Path, out var kind)
                ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SoraConfSchema"] = kind }
                : new Dictionary<string, string>());
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
