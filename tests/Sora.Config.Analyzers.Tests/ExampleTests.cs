using Sora.Config.Catalog;

namespace Sora.Config.Analyzers.Tests;

/// <summary>The C# examples of docs/rules/*.md (csharp_bad / csharp_good in schema/rules.toml) compile, and the bad
/// one triggers its rule while the good one does not.</summary>
public sealed class ExampleTests
{
    public static TheoryData<string> RulesWithCSharpExamples()
    {
        var data = new TheoryData<string>();
        foreach (var rule in Repo.AnalyzerRules.Where(r => !IsAboutBytes(r)))
        {
            data.Add(rule.Id);
        }
        return data;
    }

    /// <summary>A rule whose examples are bytes that are not UTF-8 (SORA0008): C# text cannot hold them, and Roslyn hands an
    /// analyzer a sora.conf AdditionalFile as decoded text, so only <c>sora-conf lint</c> and the file readers see them.</summary>
    private static bool IsAboutBytes(SoraRuleInfo rule) => !rule.GetExampleBytes(bad: true).SequenceEqual(System.Text.Encoding.UTF8.GetBytes(rule.ExampleBad));

    [Fact]
    public void Every_analyzer_rule_has_CSharp_examples_except_those_about_bytes()
    {
        Assert.All(Repo.AnalyzerRules, r => Assert.True(IsAboutBytes(r) || (r.CSharpBad is not null && r.CSharpGood is not null), r.Id));
        Assert.Contains(Repo.AnalyzerRules, r => r.Id == "SORA0008" && IsAboutBytes(r) && r.CSharpBad is null);
    }

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
