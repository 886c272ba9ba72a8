using Microsoft.CodeAnalysis;
using Sora.Config.Generator.Tests.Infrastructure;

namespace Sora.Config.Generator.Tests;

/// <summary>Snapshot of the generated source, and the generated source compiled with zero diagnostics.</summary>
public class GeneratorOutputTests
{
    private const string TestClass = """
        #nullable enable
        using Sora.Config;
        namespace Demo;

        [GeneratedSoraConf]
        public partial class TestConf { }

        [GeneratedSoraConf(SoraVersion = "2024.2")]
        internal partial class OldTestConf { }
        """;

    private const string ProductionClass = """
        using Sora.Config;
        namespace Infra.Sora;

        [GeneratedSoraConf]
        public partial class ProductionConf { }
        """;

    [Fact]
    public void Test_schema_output_matches_the_snapshot_and_compiles_cleanly()
    {
        var (driver, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(TestClass), GeneratorHarness.TestSchema());
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Snapshot.Match(GeneratorHarness.GeneratedSource(driver, "Demo.TestConf.SoraConf.g.cs"), "TestConf");
        Snapshot.Match(GeneratorHarness.GeneratedSource(driver, "Demo.OldTestConf.SoraConf.g.cs"), "OldTestConf");
    }

    [Fact]
    public void Real_schema_output_matches_the_snapshot_and_compiles_cleanly()
    {
        var (driver, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(ProductionClass), GeneratorHarness.Bundled());
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Snapshot.Match(GeneratorHarness.GeneratedSource(driver, "Infra.Sora.ProductionConf.SoraConf.g.cs"), "ProductionConf");
    }

    [Fact]
    public void Version_exactness_a_key_absent_from_the_target_has_no_property()
    {
        var (driver, _, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(TestClass), GeneratorHarness.TestSchema());
        Assert.Contains("public bool? NewFeature", GeneratorHarness.GeneratedSource(driver, "Demo.TestConf.SoraConf.g.cs"));
        Assert.DoesNotContain("NewFeature", GeneratorHarness.GeneratedSource(driver, "Demo.OldTestConf.SoraConf.g.cs"));
    }

    [Fact]
    public void Nested_classes_and_global_namespace_are_supported()
    {
        const string source = """
            using Sora.Config;
            [GeneratedSoraConf] public partial class Top { }
            public partial class Outer { [GeneratedSoraConf] public partial class Inner { } }
            public partial struct Holder { [GeneratedSoraConf] internal partial class InStruct { } }
            """;
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(source), GeneratorHarness.Bundled());
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Property_docs_carry_key_type_default_range_units_versions_and_both_languages()
    {
        var (driver, _, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(TestClass), GeneratorHarness.TestSchema());
        var source = GeneratorHarness.GeneratedSource(driver, "Demo.TestConf.SoraConf.g.cs");
        Assert.Contains("/// <summary>An interval in seconds or minutes.</summary>", source);
        Assert.Contains("秒または分の時間", source);
        Assert.Contains("sora.conf key: <c>wait_time</c>; type: interval; default: <c>5 s</c>; units: s, min (written in s)", source);
        Assert.Contains("range: 1..64", source);
        Assert.Contains("Sora versions: from 2025.1", source);
        Assert.Contains("A boolean switch with a &lt;default&gt; of true &amp; docs.", source);
        Assert.Contains("[global::Sora.Config.SoraKey(\"listen_port\")]", source);
    }
}
