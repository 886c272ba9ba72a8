using Sora.Config.IO;

namespace Sora.Config.Tests.Rules;

/// <summary>Fixture files per rule (Fixtures/rules/&lt;ID&gt;/triggers and /clean): every file under triggers/ gets the
/// rule, as a warning or info since Sora accepts all of them; no file under clean/ gets it.</summary>
public sealed class RuleFixtureTests
{
    private static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "rules");

    public static TheoryData<string, string, bool> Files()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var ruleDir in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(ruleDir);
            foreach (var file in Directory.GetFiles(Path.Combine(ruleDir, "triggers")).Order(StringComparer.Ordinal)) data.Add(id, Path.GetFileName(file), true);
            foreach (var file in Directory.GetFiles(Path.Combine(ruleDir, "clean")).Order(StringComparer.Ordinal)) data.Add(id, Path.GetFileName(file), false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_triggers_the_rule_or_not(string id, string file, bool triggers)
    {
        var path = Path.Combine(Root, id, triggers ? "triggers" : "clean", file);
        var diagnostics = SoraConfFile.Load(path).Diagnostics;
        if (triggers)
        {
            var d = Assert.Single(diagnostics, x => x.Id == id);
            Assert.NotEqual(Diagnostics.SoraConfSeverity.Error, d.Severity);
            Assert.True(d.Line >= 1, $"{file}: {d}");
        }
        else
        {
            Assert.DoesNotContain(diagnostics, x => x.Id == id);
        }
        // Sora accepts every one of these files: no finding about the file is an error.
        Assert.DoesNotContain(diagnostics, x => x.Severity == Diagnostics.SoraConfSeverity.Error && x.Rule.Scope != Catalog.SoraRuleScope.Configuration);
    }

    [Fact]
    public void Both_new_rules_have_fixtures_of_each_kind() =>
        Assert.All(new[] { "SORA0011", "SORA0012" }, id =>
        {
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(Root, id, "triggers")));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(Root, id, "clean")));
        });
}
