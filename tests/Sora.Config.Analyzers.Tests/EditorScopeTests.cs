using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sora.Config.Analyzers.Tests;

/// <summary>An editor does not analyze a whole compilation: it asks for one document, often for one span (the
/// lines on screen, the line under the caret). A finding at a later assignment must be reported for that span
/// alone, and as a local diagnostic of its document (the code-fix engine offers fixes only for those).</summary>
public sealed class EditorScopeTests
{
    private const string Source = $$"""
        using Sora.Config;
        class C
        {
            SoraConf? conf;
            void M()
            {
                conf = new SoraConf { {{ObjectInitializerTests.Safe}} };
                var unrelated = 1;
                conf.Demo = true;
            }
        }
        """;

    private const string Later = "conf.Demo = true;";

    [Fact]
    public async Task A_span_holding_only_the_later_assignment_reports_its_finding()
    {
        var analysis = Analysis.WithAnalyzer(Analysis.Compile(Source));
        var tree = analysis.Compilation.SyntaxTrees.Single(t => t.FilePath == "/0/Test0.cs");
        var span = new TextSpan(Source.IndexOf(Later, StringComparison.Ordinal), Later.Length);

        var found = await analysis.GetAnalyzerSemanticDiagnosticsAsync(analysis.Compilation.GetSemanticModel(tree), span, CancellationToken.None);

        var finding = Assert.Single(found);
        Assert.Equal("SORA1007", finding.Id);
        Assert.True(span.Contains(finding.Location.SourceSpan), $"{finding.Location.SourceSpan} lies outside {span}");
    }

    [Fact]
    public async Task The_finding_is_local_to_its_document()
    {
        var analysis = Analysis.WithAnalyzer(Analysis.Compile(Source));
        var tree = analysis.Compilation.SyntaxTrees.Single(t => t.FilePath == "/0/Test0.cs");

        var result = await analysis.GetAnalysisResultAsync(CancellationToken.None);

        Assert.Empty(result.CompilationDiagnostics.SelectMany(pair => pair.Value));
        var local = result.SemanticDiagnostics.TryGetValue(tree, out var perAnalyzer) ? perAnalyzer.SelectMany(pair => pair.Value).ToList() : [];
        Assert.Equal("SORA1007", Assert.Single(local).Id);
    }
}
