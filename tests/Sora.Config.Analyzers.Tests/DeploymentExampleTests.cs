using System.Reflection;
using System.Runtime.Loader;
using Sora.Config.Deployment;

namespace Sora.Config.Analyzers.Tests;

/// <summary>The C# examples of the deployment rules' pages (csharp_bad / csharp_good of SORA3xxx in schema/rules.toml)
/// compile with the generator, and what their [SoraDeploymentOutput] member returns is checked as the build checks it:
/// the bad one's Validate() reports the rule, the good one's does not.</summary>
public sealed class DeploymentExampleTests
{
    public static TheoryData<string> Rules()
    {
        var data = new TheoryData<string>();
        // Not the two certificate rules: this project's output holds the netstandard2.0 build of Sora.Config (copied
        // with the analyzers, which reference it), and only the .NET 8+ builds read certificate names, so here every
        // certificate is "not checked". tests/Sora.Config.Tests/Deployment/CertificateTests covers them on net10.0.
        // Nor the rules only an operator's hand-written files trigger (the typed model always renders those parts
        // right): they carry file excerpts instead of C# examples, and the CLI tests run them on fixture files.
        foreach (var rule in Repo.DeploymentRules)
        {
            if (rule.Check.Kind is "certificate_names" or "certificate_unchecked") continue;
            if (Array.IndexOf(Sora.Config.Schema.SchemaNames.FileDeploymentCheckKinds, rule.Check.Kind) >= 0) continue;
            data.Add(rule.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Bad_example_reports_its_rule_and_good_example_does_not(string id)
    {
        var rule = Repo.DeploymentRules.Single(r => r.Id == id);
        Assert.True(rule.CSharpBad is not null && rule.CSharpGood is not null, id + " has no C# examples");
        Assert.Contains(id, Findings(rule.CSharpBad!, id + "Bad"));
        Assert.DoesNotContain(id, Findings(rule.CSharpGood!, id + "Good"));
    }

    /// <summary>Runs the example's marked member in a load context of its own and returns the IDs Validate() reports.</summary>
    private static List<string> Findings(string source, string name)
    {
        var context = new AssemblyLoadContext(name, isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(Analysis.Build(source, name)));
            var member = assembly.GetTypes()
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
                .Single(p => p.GetCustomAttribute<SoraDeploymentOutputAttribute>() is not null);
            var deployment = Assert.IsAssignableFrom<ISoraDeployment>(member.GetValue(null));
            return deployment.Validate().Select(d => d.Id).ToList();
        }
        finally
        {
            context.Unload();
        }
    }
}
