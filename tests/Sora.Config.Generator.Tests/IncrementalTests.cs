using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sora.Config.Generator.Tests.Infrastructure;

namespace Sora.Config.Generator.Tests;

/// <summary>Incremental caching: what re-runs after which edit, and that no step output holds a
/// symbol, a compilation, a syntax node or a Tomlyn object.</summary>
public class IncrementalTests
{
    private const string Source = """
        using Sora.Config;
        namespace Demo;
        [GeneratedSoraConf] public partial class ProductionConf { }
        """;

    private static readonly string[] Steps =
    {
        TrackingNames.Schema, TrackingNames.Classes,
    };

    private static GeneratorRunResult RunTwice(Func<CSharpCompilation, CSharpCompilation> edit, out CSharpCompilation second, Func<GeneratorDriver, GeneratorDriver>? editDriver = null, GeneratorHarness.SchemaText[]? schema = null)
    {
        var compilation = GeneratorHarness.Compilation(Source);
        var driver = GeneratorHarness.Driver(schema ?? GeneratorHarness.Bundled().ToArray()).RunGenerators(compilation);
        second = edit(compilation);
        if (editDriver != null) driver = editDriver(driver);
        return driver.RunGenerators(second).GetRunResult().Results.Single();
    }

    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> Reasons(GeneratorRunResult result) =>
        result.TrackedSteps.Where(s => Steps.Contains(s.Key))
            .SelectMany(s => s.Value.SelectMany(step => step.Outputs.Select(o => (s.Key, o.Reason))));

    [Fact]
    public void Every_step_is_named_and_tracked()
    {
        var result = RunTwice(c => c, out _);
        foreach (var step in Steps) Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} is not tracked");
    }

    [Fact]
    public void Rerun_without_changes_leaves_every_step_cached()
    {
        var result = RunTwice(c => c, out _);
        Assert.All(Reasons(result), r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r.Step}: {r.Reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        var result = RunTwice(c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", GeneratorHarness.ParseOptions)), out _);
        Assert.All(Reasons(result), r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r.Step}: {r.Reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Moving_the_class_leaves_every_step_cached_or_unchanged()
    {
        // The class model holds no location (the analyzers report SORA9001/9005/9007/9008), so lines inserted above the
        // class change its position and nothing else: no step re-runs to a new value and nothing is re-emitted.
        var result = RunTwice(c =>
        {
            var tree = c.SyntaxTrees.Single();
            return c.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// moved\n\n\n")));
        }, out _);
        Assert.Contains(Reasons(result), r => r.Step == TrackingNames.Classes);
        Assert.All(Reasons(result), r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r.Step}: {r.Reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Editing_the_schema_regenerates()
    {
        var schema = GeneratorHarness.Bundled().ToArray();
        var keys = schema.Single(t => t.Path.EndsWith("keys.toml", StringComparison.Ordinal));
        var edited = keys.WithContent(keys.GetText()!.ToString().Replace("Turns on Sora's bundled demo pages.", "Edited description."));
        Assert.NotEqual(keys.GetText()!.ToString(), edited.GetText()!.ToString());
        var result = RunTwice(c => c, out _, d => d.ReplaceAdditionalText(keys, edited), schema);
        Assert.Contains(Reasons(result), r => r.Step == TrackingNames.Schema && r.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Edited description.", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void An_additional_file_that_is_not_toml_re_emits_nothing()
    {
        // Projects often have other additional files (PublicAPI.Unshipped.txt, …) that change while they work.
        var other = new GeneratorHarness.SchemaText("/project/PublicAPI.Unshipped.txt", "#nullable enable\n", kind: "");
        var result = RunTwice(c => c, out _, d => d.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(other)));
        // Filtered out by its extension before the schema step: the step does not even run.
        Assert.Contains(Reasons(result), r => r.Step == TrackingNames.Schema);
        Assert.All(Reasons(result).Where(r => r.Step == TrackingNames.Schema), r => Assert.Equal(IncrementalStepRunReason.Cached, r.Reason));
        Assert.All(Reasons(result), r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r.Step}: {r.Reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Options_of_the_same_content_re_read_the_schema_to_an_unchanged_value_and_re_emit_nothing()
    {
        // The schema step also reads the build's switches, so new options (an .editorconfig edit) re-run it; the schema
        // it loads compares equal, so the classes are not emitted again.
        var schema = GeneratorHarness.Bundled().ToArray();
        var result = RunTwice(c => c, out _, d => d.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.BuildOptions(schema)), schema);
        Assert.Contains(Reasons(result), r => r.Step == TrackingNames.Schema && r.Reason == IncrementalStepRunReason.Unchanged);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Changing_the_profile_property_regenerates_with_it()
    {
        var schema = GeneratorHarness.Bundled().ToArray();
        var before = RunTwice(c => c, out _, null, schema).GeneratedSources.Single().SourceText.ToString();
        var options = GeneratorHarness.BuildOptions(schema, new Dictionary<string, string> { ["build_property.SoraConfProfile"] = "Development" });
        var result = RunTwice(c => c, out _, d => d.WithUpdatedAnalyzerConfigOptions(options), schema);
        Assert.Contains(Reasons(result), r => r.Step == TrackingNames.Schema && r.Reason == IncrementalStepRunReason.Modified);
        Assert.DoesNotContain("SoraConfProfile.Development;", before);
        Assert.Contains("ISoraConf.Profile => global::Sora.Config.SoraConfProfile.Development;", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void No_step_output_holds_symbols_compilations_syntax_or_tomlyn_objects()
    {
        var result = RunTwice(c => c, out _);
        foreach (var (name, steps) in result.TrackedSteps.Where(s => Steps.Contains(s.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                Walk(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            }
        }
    }

    private static void Walk(object? value, string path, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value is Enum) return;
        var type = value.GetType();
        Assert.False(value is ISymbol || value is Compilation || value is SyntaxNode || value is SemanticModel || value is SyntaxTree,
            $"step output {path} holds a {type.FullName}");
        Assert.False(type.Namespace?.StartsWith("Tomlyn", StringComparison.Ordinal) == true, $"step output {path} holds Tomlyn's {type.FullName}");
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items) Walk(item, $"{path}[{i++}]", seen, depth + 1);
            return;
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, seen, depth + 1);
        }
    }
}
