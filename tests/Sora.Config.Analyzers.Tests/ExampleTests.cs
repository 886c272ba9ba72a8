using Sora.Config.Catalog;

namespace Sora.Config.Analyzers.Tests;

/// <summary>The C# examples of docs/rules/*.md (csharp_bad / csharp_good in schema/rules.toml) compile, and the bad
/// one triggers its rule while the good one does not.</summary>
public sealed class ExampleTests
{
    public static TheoryData<string> RulesWithCSharpExamples()
    {
        var data = new TheoryData<string>();
        foreach (var rule in Repo.AnalyzerRules)
        {
            data.Add(rule.Id);
        }
        return data;
    }

    [Fact]
    public void Every_analyzer_rule_has_CSharp_examples() => Assert.All(Repo.AnalyzerRules, r => Assert.True(r.CSharpBad is not null && r.CSharpGood is not null, r.Id));

    [Theory]
    [MemberData(nameof(RulesWithCSharpExamples))]
    public async Task Bad_example_triggers_and_good_example_does_not(string id)
    {
        var rule = SoraCatalog.Default.GetRule(id);
        var bad = await Analysis.RunAsync(rule.CSharpBad!);
        Assert.Contains(bad, d => d.Id == id);
        var good = await Analysis.RunAsync(rule.CSharpGood!);
        Assert.DoesNotContain(good, d => d.Id == id);
    }
}
