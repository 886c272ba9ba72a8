using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Sora.Config.Generator.Tests.Infrastructure.GeneratorHarness;

namespace Sora.Config.Generator.Tests;

/// <summary>TryParse gets <c>[NotNullWhen(true)]</c> only when exactly one <c>NotNullWhenAttribute</c> is usable in the
/// project: the framework's public one, a polyfill of the project's own, or another assembly's internal one that the
/// project was given access to. Each way of being usable (or not) is a separate branch of the generator's check.</summary>
public sealed class NotNullWhenDetectionTests
{
    private const string Class = "namespace App { [Sora.Config.GeneratedSoraConf] public partial class Conf { } }";

    private const string Polyfill = "namespace System.Diagnostics.CodeAnalysis { [System.AttributeUsage(System.AttributeTargets.Parameter)] internal sealed class NotNullWhenAttribute : System.Attribute { public NotNullWhenAttribute(bool returnValue) { } } }";

    [Fact]
    public void The_framework_attribute_alone_is_used() =>
        Assert.True(Annotated(Compilation(Class)));

    [Fact]
    public void A_polyfill_of_the_project_beside_the_framework_attribute_would_be_ambiguous() =>
        Assert.False(Annotated(Compilation(Class, Polyfill)));

    [Fact]
    public void Another_assembly_internal_polyfill_is_not_usable() =>
        Assert.True(Annotated(Compilation(Class).AddReferences(Library(Polyfill))));

    [Fact]
    public void Another_assembly_polyfill_the_project_may_see_counts() =>
        Assert.False(Annotated(Compilation(Class).AddReferences(Library("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]\n" + Polyfill))));

    /// <summary>Runs the generator; the output must compile, and says whether TryParse carries the attribute.</summary>
    private static bool Annotated(CSharpCompilation compilation)
    {
        var (driver, output, diagnostics) = Run(compilation, Bundled());
        Assert.Empty(diagnostics);
        // CS0436: a type of the project hides an imported one of the same name (the ambiguous case), a warning made an error here.
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS0436"));
        return GeneratedSource(driver, "Conf.SoraConf.g.cs").Contains("[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Conf? conf", StringComparison.Ordinal);
    }

    private static MetadataReference Library(string source)
    {
        var library = CSharpCompilation.Create("Polyfills", new[] { CSharpSyntaxTree.ParseText(source, Infrastructure.GeneratorHarness.ParseOptions) },
            Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return library.ToMetadataReference();
    }
}
