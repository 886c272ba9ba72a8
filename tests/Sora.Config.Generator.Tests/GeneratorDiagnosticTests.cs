using Microsoft.CodeAnalysis;
using Sora.Config.Generator.Tests.Infrastructure;

namespace Sora.Config.Generator.Tests;

/// <summary>SORA9xxx: what the generator says when it cannot produce a class.</summary>
public class GeneratorDiagnosticTests
{
    private static Diagnostic Single(string source, IEnumerable<GeneratorHarness.SchemaText>? schema = null)
    {
        var (_, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(source), schema ?? GeneratorHarness.Bundled());
        return Assert.Single(diagnostics);
    }

    [Fact]
    public void Class_not_partial()
    {
        var d = Single("using Sora.Config; [GeneratedSoraConf] public class Plain { }");
        Assert.Equal("SORA9001", d.Id);
        Assert.Contains("'Plain'", d.GetMessage());
        var span = d.Location.GetLineSpan();
        Assert.Equal(("Source0.cs", 0, 52), (span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.EndsWith("docs/rules/SORA9001.md", d.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void Containing_type_not_partial()
    {
        var d = Single("using Sora.Config; public class Outer { [GeneratedSoraConf] public partial class Inner { } }");
        Assert.Equal("SORA9001", d.Id);
        Assert.Contains("'Outer'", d.GetMessage());
    }

    [Theory]
    [InlineData("2099.1", "not a Sora version the schema knows")]
    [InlineData("latest", "not of the form YYYY.N")]
    [InlineData("2024", "not of the form YYYY.N")]
    public void Unknown_or_malformed_version(string version, string problem)
    {
        var d = Single($"using Sora.Config; [GeneratedSoraConf(SoraVersion = \"{version}\")] public partial class C {{ }}");
        Assert.Equal("SORA9005", d.Id);
        Assert.Contains(problem, d.GetMessage());
        Assert.Contains("2025.2", d.GetMessage());
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
            "[[key]]\nname = \"future_switch\"\ntype = \"bool\"\ndefault = \"false\"\ncategory = \"x\"\ndescription = \"d\"\ndescription_ja = \"d\"\nsource = \"https://example.com\"\n", "user");
        var (driver, output, diagnostics) = GeneratorHarness.Run(
            GeneratorHarness.Compilation("using Sora.Config; [GeneratedSoraConf] public partial class C { }"), GeneratorHarness.Bundled().Append(extra));
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(x => x.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains("public bool? FutureSwitch", GeneratorHarness.GeneratedSource(driver, "C.SoraConf.g.cs"));
    }

    [Fact]
    public void No_schema_at_all()
    {
        var d = Single("using Sora.Config; [GeneratedSoraConf] public partial class C { }", Array.Empty<GeneratorHarness.SchemaText>());
        Assert.Equal("SORA9007", d.Id);
    }

    [Fact]
    public void Declared_member_that_clashes_with_a_generated_one()
    {
        var d = Single("using Sora.Config; [GeneratedSoraConf] public partial class C { public int ApiPort; }");
        Assert.Equal("SORA9008", d.Id);
        Assert.Contains("'ApiPort'", d.GetMessage());
        Assert.Contains("api_port", d.GetMessage());
    }
}
