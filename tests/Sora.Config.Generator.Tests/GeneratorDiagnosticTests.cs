using Microsoft.CodeAnalysis;
using Sora.Config.Generator.Tests.Infrastructure;

namespace Sora.Config.Generator.Tests;

/// <summary>SORA9xxx: what the generator says about schema files (SORA9002–9004), and that it says nothing about a class
/// it cannot produce (the analyzers do).</summary>
public class GeneratorDiagnosticTests
{
    private static Diagnostic Single(string source, IEnumerable<GeneratorHarness.SchemaText>? schema = null)
    {
        var (_, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(source), schema ?? GeneratorHarness.Bundled());
        return Assert.Single(diagnostics);
    }

    /// <summary>SORA9001/9005/9007/9008 are reported by the analyzers at the class in source (SoraConfUsageAnalyzer, tested
    /// in Sora.Config.Analyzers.Tests); the generator only skips such a class, and says nothing.</summary>
    [Theory]
    [InlineData("using Sora.Config; [GeneratedSoraConf] public class Plain { }", true)]
    [InlineData("using Sora.Config; public class Outer { [GeneratedSoraConf] public partial class Inner { } }", true)]
    [InlineData("using Sora.Config; [GeneratedSoraConf(SoraVersion = \"2099.1\")] public partial class C { }", true)]
    [InlineData("using Sora.Config; [GeneratedSoraConf(SoraVersion = \"latest\")] public partial class C { }", true)]
    [InlineData("using Sora.Config; [GeneratedSoraConf(SoraVersion = \"2024\")] public partial class C { }", true)]
    [InlineData("using Sora.Config; [GeneratedSoraConf] public partial class C { public int ApiPort; }", true)]
    [InlineData("using Sora.Config; [GeneratedSoraConf] public partial class C { public void Validate(int x) { } }", true)]
    [InlineData("using Sora.Config; [GeneratedSoraConf] public partial class C { }", false)]
    public void Class_the_generator_cannot_emit_gets_nothing_and_no_diagnostic(string source, bool withSchema)
    {
        var (driver, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(source),
            withSchema ? GeneratorHarness.Bundled() : Array.Empty<GeneratorHarness.SchemaText>());
        Assert.Empty(diagnostics);
        Assert.Empty(driver.GetRunResult().Results.Single().GeneratedSources);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Generated_class_has_exactly_the_fixed_members_besides_its_key_properties(bool withConfiguration)
    {
        // GeneratedClassRules.FixedMembers decides SORA9008 for the members that are not a key's property: it must name
        // every other public member the generator emits, and nothing it does not emit. FromConfiguration and
        // TryFromConfiguration are emitted only when IConfiguration is referenced (and reserved either way).
        var compilation = GeneratorHarness.Compilation("using Sora.Config; [GeneratedSoraConf] public partial class C { }");
        if (withConfiguration) compilation = compilation.AddReferences(GeneratorHarness.ConfigurationReference);
        var (_, output, diagnostics) = GeneratorHarness.Run(compilation, GeneratorHarness.Bundled());
        Assert.Empty(diagnostics);
        var type = output.GetTypeByMetadataName("C")!;
        var keyProperties = SoraCatalog.Default.KeysIn(SoraCatalog.Default.NewestVersion).Select(k => k.PropertyName).ToHashSet();
        var others = type.GetMembers()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared && m is not INamedTypeSymbol)
            .Where(m => m is not IMethodSymbol { MethodKind: not MethodKind.Ordinary } && !m.IsOverride)
            .Select(m => m.Name)
            .Where(n => !keyProperties.Contains(n))
            .Distinct()
            .Order(StringComparer.Ordinal);
        var expected = Sora.Config.Schema.GeneratedClassRules.FixedMembers
            .Where(m => withConfiguration || !Sora.Config.Schema.GeneratedClassRules.ConfigurationMembers.Contains(m));
        Assert.Equal(expected.Order(StringComparer.Ordinal), others);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Patch_versions_are_read_as_their_release_line()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(
            GeneratorHarness.Compilation("using Sora.Config; [GeneratedSoraConf(SoraVersion = \"2024.2.1\")] public partial class C { }"), GeneratorHarness.Bundled());
        Assert.Empty(diagnostics);
        Assert.Contains(output.SyntaxTrees, t => t.ToString().Contains("TargetSoraVersion = \"2024.2\""));
    }

    [Fact]
    public void Schema_toml_error_is_located_in_the_toml_file()
    {
        var broken = GeneratorHarness.TestSchema().Select(t => t.Path.EndsWith("keys.toml", StringComparison.Ordinal)
            ? t.WithContent("[[key]]\nname = \"a\"\ntype = \n")
            : t);
        var d = Single("using Sora.Config; [GeneratedSoraConf] public partial class C { }", broken);
        Assert.Equal("SORA9002", d.Id);
        var span = d.Location.GetLineSpan();
        Assert.EndsWith("keys.toml", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);
    }

    [Fact]
    public void Unknown_schema_field_is_reported_at_its_line_and_column()
    {
        var broken = GeneratorHarness.TestSchema().Select(t => t.Path.EndsWith("keys.toml", StringComparison.Ordinal)
            ? t.WithContent(t.GetText()!.ToString().Replace("name = \"ratio\"", "name = \"ratio\"\ndefualt = \"1.0\""))
            : t);
        var (_, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation("class C { }"), broken);
        var d = Assert.Single(diagnostics);
        Assert.Equal("SORA9002", d.Id);
        Assert.Contains("unknown field 'defualt'", d.GetMessage());
        Assert.Equal(0, d.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Fact]
    public void Key_names_that_cannot_become_properties_or_that_clash()
    {
        var extra = new GeneratorHarness.SchemaText("/extra/extra-keys.toml",
            "[[key]]\nname = \"Bad-Name\"\ntype = \"bool\"\ncategory = \"x\"\ndescription = \"d\"\ndescription_ja = \"d\"\nsource = \"s\"\n" +
            "[[key]]\nname = \"flag__on\"\ntype = \"bool\"\ncategory = \"x\"\ndescription = \"d\"\ndescription_ja = \"d\"\nsource = \"s\"\n", "user");
        var (_, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation("class C { }"), GeneratorHarness.TestSchema().Append(extra));
        Assert.Equal(2, diagnostics.Count(d => d.Id == "SORA9004"));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("'flag_on' and 'flag__on'"));
    }

    [Fact]
    public void Conflicting_duplicate_definition_across_schema_files()
    {
        var extra = new GeneratorHarness.SchemaText("/extra/extra-keys.toml",
            "[[key]]\nname = \"ratio\"\ntype = \"int\"\ncategory = \"test\"\ndescription = \"A float.\"\ndescription_ja = \"浮動小数点数\"\nsource = \"https://example.com/test\"\n", "user");
        var d = Single("class C { }", GeneratorHarness.TestSchema("bundled").Append(extra));
        Assert.Equal("SORA9003", d.Id);
        Assert.EndsWith("extra-keys.toml", d.Location.GetLineSpan().Path);
    }

    [Fact]
    public void User_schema_file_adds_keys_of_a_newer_release()
    {
        var extra = new GeneratorHarness.SchemaText("/extra/extra-keys.toml",
            SchemaSamples.FutureKey, "user");
        var (driver, output, diagnostics) = GeneratorHarness.Run(
            GeneratorHarness.Compilation("using Sora.Config; [GeneratedSoraConf] public partial class C { }"), GeneratorHarness.Bundled().Append(extra));
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(x => x.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains("public bool? FutureSwitch", GeneratorHarness.GeneratedSource(driver, "C.SoraConf.g.cs"));
    }
}
