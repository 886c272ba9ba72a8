using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sora.Config.Generator;

namespace Sora.Config.Analyzers.Tests;

/// <summary>Runs generator + analyzer on a source directly (no testing library), for tests that need the
/// <see cref="Diagnostic"/> objects themselves: messages in a culture, examples from the schema.</summary>
internal static class Analysis
{
    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }

    private sealed class Provider(AnalyzerConfigOptions global, Func<string, AnalyzerConfigOptions> perFile) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => perFile(tree.FilePath);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => perFile(textFile.Path);
    }

    public static CSharpCompilation Compile(string source, bool withSoraConfig = true, IEnumerable<MetadataReference>? extra = null)
    {
        var references = Net100.References.All.Concat(extra ?? []).ToList();
        if (withSoraConfig) references.Add(MetadataReference.CreateFromFile(typeof(SoraConf).Assembly.Location));
        return CSharpCompilation.Create("Test",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "/0/Test0.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static Task<ImmutableArray<Diagnostic>> RunAsync(string source, bool withSoraConfig = true, params (string Path, string Text)[] files)
        => RunAsync(Compile(source, withSoraConfig), files);

    /// <summary>A library built with the generator, as a metadata reference (its conf classes come from metadata).</summary>
    public static MetadataReference Library(string source)
    {
        var compilation = Compile(source).WithAssemblyName("ConfLibrary");
        var (generated, _) = Generate(compilation, []);
        using var image = new MemoryStream();
        var emitted = generated.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>The source compiled with the generator, as an assembly image to load and run.</summary>
    public static byte[] Build(string source, string assemblyName, params (string Path, string Text)[] files)
    {
        var (generated, _) = Generate(Compile(source).WithAssemblyName(assemblyName), files);
        using var image = new MemoryStream();
        var emitted = generated.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return image.ToArray();
    }

    public static Task<ImmutableArray<Diagnostic>> RunAsync(CSharpCompilation compilation, params (string Path, string Text)[] files)
        => WithAnalyzer(compilation, files).GetAnalyzerDiagnosticsAsync();

    /// <summary>The generated compilation with the analyzer attached, for tests that ask what an editor asks
    /// (one document, one span).</summary>
    public static CompilationWithAnalyzers WithAnalyzer(CSharpCompilation compilation, params (string Path, string Text)[] files)
    {
        var (generated, options) = Generate(compilation, files);
        return generated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SoraConfAnalyzer()), options);
    }

    private static (Compilation Generated, AnalyzerOptions Options) Generate(CSharpCompilation compilation, (string Path, string Text)[] files)
    {
        var additional = new List<AdditionalText>();
        var schema = new HashSet<string>();
        foreach (var name in new[] { "versions.toml", "keys.toml", "rules.toml" })
        {
            var path = Path.Combine(SoraTest.SchemaDir, name);
            additional.Add(new Text(path, File.ReadAllText(path)));
            schema.Add(path);
        }
        // A .toml file among the project's files is one of its own schema files (<SoraConfSchema Include="…" />).
        var own = new HashSet<string>();
        foreach (var (path, text) in files)
        {
            additional.Add(new Text(path, text));
            if (path.EndsWith(".toml", StringComparison.Ordinal)) own.Add(path);
        }
        var empty = new Options(ImmutableDictionary<string, string>.Empty);
        var bundled = new Options(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.SoraConfSchema", "bundled"));
        var user = new Options(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.SoraConfSchema", "user"));
        var provider = new Provider(empty, path => schema.Contains(path) ? bundled : own.Contains(path) ? user : empty);

        var driver = CSharpGeneratorDriver.Create(new[] { new SoraConfGenerator().AsSourceGenerator() }, additional, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, provider);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var errors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        return (generated, new AnalyzerOptions(additional.ToImmutableArray(), provider));
    }
}
