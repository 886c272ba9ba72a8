using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sora.Config.Analyzers.Tests;

/// <summary>The analyzers judge with the project's catalogue: the bundled schema merged with the project's own schema
/// files, as the generator merges them, so a key the project adds is known and checked as lint --schema checks it. A rule
/// the project adds under an ID of its own is the runtime's to report: the analyzers cannot declare its ID.</summary>
public sealed class ProjectSchemaTests
{
    /// <summary>A production rule of the project's own, of an existing kind, under an ID the bundled catalogue lacks.</summary>
    private const string FutureRule = """
        [[rule]]
        id = "SORA1901"
        slug = "future-switch-on"
        severity = "warning"
        title = "Future switch on"
        title_ja = "future_switch が有効"
        message = "future_switch is true"
        message_ja = "future_switch が true です"
        rationale = "The project keeps it off in production."
        rationale_ja = "このプロジェクトでは本番で無効にします。"
        remediation = "Set `future_switch = false`."
        remediation_ja = "`future_switch = false` にしてください。"
        example_bad = "future_switch = true\n"
        example_good = "future_switch = false\n"
        check = { kind = "condition", at = "future_switch", when = [{ key = "future_switch", is = "true" }] }

        """;

    private static string Source(string setting) => $$"""
        using Sora.Config;
        [GeneratedSoraConf] public partial class ProductionConf { }
        class C
        {
            ProductionConf M() => new ProductionConf { {{ObjectInitializerTests.Safe}}{{setting}} };
        }
        """;

    [Fact]
    public async Task A_key_of_the_project_schema_is_known_and_its_value_checked_in_a_sora_conf_file()
    {
        // The file sets nothing else, so the production rules report its defaults too; only future_switch matters here.
        static List<Diagnostic> AboutFutureSwitch(IEnumerable<Diagnostic> all) =>
            all.Where(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("future_switch", StringComparison.Ordinal)).ToList();

        var with = await Analysis.RunAsync(Source(""), true, ("/project/extra.toml", SchemaSamples.FutureKey), ("/project/sora.conf", "future_switch = maybe\n"));
        var finding = Assert.Single(AboutFutureSwitch(with));
        Assert.Equal("SORA0003", finding.Id);
        Assert.Equal("/project/sora.conf", finding.Location.GetLineSpan().Path);
        Assert.Equal(new LinePosition(0, 16), finding.Location.GetLineSpan().StartLinePosition);

        // Without the project's file, the bundled catalogue does not know the key: it is reported as such, not type-checked.
        var without = AboutFutureSwitch(await Analysis.RunAsync(Source(""), true, ("/project/sora.conf", "future_switch = maybe\n")));
        Assert.DoesNotContain(without, d => d.Id == "SORA0003");
        Assert.Contains(without, d => d.Id is "SORA0004" or "SORA0011");
    }

    [Fact]
    public async Task A_rule_of_the_project_schema_under_an_ID_of_its_own_is_left_to_Validate_without_breaking_the_analyzers()
    {
        // Roslyn refuses a diagnostic whose ID the analyzer did not declare (AD0001); the analyzers declare the bundled
        // rules' IDs only, so such a rule is reported by the generated class's Validate() (docs/analyzers.md).
        var schema = ("/project/extra.toml", SchemaSamples.FutureKey + FutureRule);
        Assert.Empty(await Analysis.RunAsync(Source(", FutureSwitch = true"), true, schema));

        var context = new System.Runtime.Loader.AssemblyLoadContext("ProjectRule", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(Analysis.Build(Source(""), "ProjectRule", schema)));
            var conf = (ISoraConf)Activator.CreateInstance(assembly.GetType("ProductionConf")!)!;
            Assert.DoesNotContain(conf.Validate(), d => d.Id == "SORA1901");
            conf.GetType().GetProperty("FutureSwitch")!.SetValue(conf, true);
            Assert.Contains(conf.Validate(), d => d.Id == "SORA1901" && d.Key == "future_switch");
        }
        finally
        {
            context.Unload();
        }
    }
}
