using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Sora.Config.Analyzers;
using Sora.Config.CodeFixes;
using Sora.Config.Generator;

namespace Sora.Config.Analyzers.Tests;

/// <summary>An analyzer + code-fix test that compiles against in-memory .NET 10 reference assemblies and
/// Sora.Config.dll, runs the real generator on the bundled schema (so [GeneratedSoraConf] classes get their
/// properties), and downloads nothing.</summary>
public class SoraTest<TFix> : CSharpCodeFixTest<SoraConfAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public static readonly string SchemaDir = Path.Combine(AppContext.BaseDirectory, "schema");

    /// <summary>No reference-assembly package and no framework assembly names: the testing library resolves nothing.</summary>
    public static readonly ReferenceAssemblies NoDownload = new("net10.0");

    public SoraTest(bool withSoraConfig = true)
    {
        Configure(this, withSoraConfig, withSoraConfig);
    }

    /// <summary>The setup every analyzer test shares: in-memory references, and with <paramref name="withSoraConfig"/>
    /// Sora.Config.dll; with <paramref name="withSchema"/> the bundled schema as AdditionalFiles marked as the package
    /// marks them.</summary>
    internal static void Configure(AnalyzerTest<DefaultVerifier> test, bool withSoraConfig, bool withSchema)
    {
        test.ReferenceAssemblies = NoDownload;
        test.TestState.AdditionalReferences.AddRange(Net100.References.All);
        if (withSoraConfig) test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(SoraConf).Assembly.Location));
        if (withSchema)
        {
            var config = new System.Text.StringBuilder("is_global = true\n");
            foreach (var name in new[] { "versions.toml", "keys.toml", "rules.toml" })
            {
                var path = "/schema/" + name;
                test.TestState.AdditionalFiles.Add((path, File.ReadAllText(Path.Combine(SchemaDir, name))));
                config.Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.SoraConfSchema = bundled\n");
            }
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        }
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(SoraConfGenerator) };

    /// <summary>Adds global MSBuild-like properties (build_property.X = Y) through a second global config.</summary>
    public SoraTest<TFix> WithBuildProperty(string name, string value)
    {
        TestState.AnalyzerConfigFiles.Add(("/.build.globalconfig", "is_global = true\nbuild_property." + name + " = " + value + "\n"));
        return this;
    }
}

public sealed class SoraTest : SoraTest<SoraConfCodeFixProvider>
{
    public SoraTest(bool withSoraConfig = true) : base(withSoraConfig)
    {
    }

    /// <summary>Analyzer only: expects exactly <paramref name="expected"/> (plus markup in the source).</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new SoraTest { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task VerifyFixAsync(string source, string fixedSource, int? index = null, string? equivalenceKey = null)
    {
        var test = new SoraTest { TestCode = source, FixedCode = fixedSource, CodeActionIndex = index, CodeActionEquivalenceKey = equivalenceKey };
        // The fixed code's markup lists every diagnostic left after the fix, fixable ones included (by default the
        // library ignores markup of diagnostics the provider can fix, such as SORA1008 where no fix applies).
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    /// <summary>An expected SORA diagnostic (ID and default severity; the message is checked separately where it matters).</summary>
    public static DiagnosticResult Diagnostic(string id) => new(id, SoraDescriptors.ById[id].DefaultSeverity);
}
