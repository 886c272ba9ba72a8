using Microsoft.CodeAnalysis;
using Sora.Config.CodeFixes;

namespace Sora.Config.Analyzers.Tests;

/// <summary>sora.conf text passed to Parse/TryParse and sora.conf AdditionalFiles.</summary>
public sealed class TextAndFileTests
{
    private const string Header = "using Sora.Config;\n[GeneratedSoraConf(Profile = SoraConfProfile.Development)] public partial class DevConf { }\nclass C\n{\n";

    [Fact]
    public Task Regular_literal_with_escapes_maps_to_the_line() => SoraTest.VerifyAsync(
        Header + "    object M() => DevConf.Parse(\"api_port = 3000\\n{|SORA0003:api_port|} = 3001\\nlabel = {|SORA0005:a # b|}\\n\");\n}\n".Replace("SORA0003", "SORA0002"));

    [Fact]
    public Task Verbatim_literal() => SoraTest.VerifyAsync(
        Header + "    object M() => DevConf.Parse(@\"api_port = {|SORA0003:70000|}\n\");\n}\n");

    [Fact]
    public Task Raw_multi_line_literal_removes_the_indentation() => SoraTest.VerifyAsync(
        Header + "    object M() => DevConf.Parse(\"\"\"\n            api_port = 3000\n\n            {|SORA0004:api_prot|} = 3001\n              label = {|SORA0005:x # y|}\n            \"\"\");\n}\n");

    [Fact]
    public Task Raw_multi_line_literal_passed_to_Parse() => SoraTest.VerifyAsync(
        Header + "    object M() => DevConf.Parse(\"\"\"\n        api_port = 3000\n        {|SORA2001:e2ee|} = true\n        \"\"\");\n}\n");

    /// <summary>Code that calls TryParse handles failure itself: a correct program checking its own error handling must
    /// compile, so nothing in the text is reported (here: a duplicate key Sora refuses).</summary>
    [Fact]
    public Task Text_passed_to_TryParse_is_not_reported() => SoraTest.VerifyAsync(
        Header + "    bool M() => DevConf.TryParse(\"turn = true\\nturn = false\\n\", out _, out var d);\n}\n");

    /// <summary>Text passed to Parse that Sora refuses: a warning at most (the program is valid C#; Parse throws at
    /// run time), not the rule's error.</summary>
    [Fact]
    public Task Errors_in_text_passed_to_Parse_are_warnings() => SoraTest.VerifyAsync(
        Header + "    object M() => DevConf.Parse(\"turn = true\\n{|#0:turn|} = false\\n\");\n}\n",
        SoraTest.Diagnostic("SORA0002").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));

    /// <summary>The cap is a default like any other: a project's .editorconfig can raise the finding back to an error.</summary>
    [Fact]
    public async Task An_editorconfig_can_raise_a_finding_in_text_passed_to_Parse_to_an_error()
    {
        var test = new SoraTest<Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>
        {
            TestCode = Header + "    object M() => DevConf.Parse(\"turn = true\\n{|#0:turn|} = false\\n\");\n}\n",
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.SORA0002.severity = error\n"));
        test.ExpectedDiagnostics.Add(SoraTest.Diagnostic("SORA0002").WithLocation(0).WithSeverity(DiagnosticSeverity.Error));
        await test.RunAsync();
    }

    [Fact]
    public Task Single_line_raw_literal() => SoraTest.VerifyAsync(
        Header + "    object M() => DevConf.Parse(\"\"\"api_loopback_adress_only = true\"\"\");\n}\n".Replace("api_loopback_adress_only", "{|SORA0004:api_loopback_adress_only|}"));

    [Fact]
    public Task Constant_from_elsewhere_maps_to_the_whole_expression() => SoraTest.VerifyAsync(
        Header + "    const string Text = \"api_port 3000\\n\";\n    object M() => DevConf.Parse({|SORA0001:Text|});\n}\n");

    [Fact]
    public Task Production_profile_reports_production_rules_in_text() => SoraTest.VerifyAsync(
        "using Sora.Config;\nclass C\n{\n    object M() => SoraConf.Parse(\"demo = true\\n\");\n}\n",
        SoraTest.Diagnostic("SORA1007").WithSpan(4, 35, 4, 46),
        SoraTest.Diagnostic("SORA1001").WithSpan(4, 34, 4, 49),
        SoraTest.Diagnostic("SORA1002").WithSpan(4, 34, 4, 49),
        SoraTest.Diagnostic("SORA1004").WithSpan(4, 34, 4, 49),
        SoraTest.Diagnostic("SORA1008").WithSpan(4, 34, 4, 49));

    [Fact]
    public Task Valid_development_text_reports_nothing() => SoraTest.VerifyAsync(Header + "    object M() => DevConf.Parse(\"api_port = 3000\\n\");\n}\n");

    private const string FileSafe = "api_loopback_address_only = true\nsignaling_loopback_address_only = true\nipv4_address = 10.0.0.10\nturn_fqdn = turn.sora.internal\n";

    private static SoraTest<SoraConfFileCodeFixProvider> FileTest(string text, string? fixedText = null, string name = "/0/sora.conf")
    {
        var test = new SoraTest<SoraConfFileCodeFixProvider> { TestCode = "class C { }\n" };
        test.TestState.AdditionalFiles.Add((name, text));
        if (fixedText is not null)
        {
            test.FixedState.Sources.Add(("/0/Test0.cs", "class C { }\n"));
            test.FixedState.AdditionalFiles.AddRange(test.TestState.AdditionalFiles.Where(f => f.filename != name));
            test.FixedState.AdditionalFiles.Add((name, fixedText));
        }
        return test;
    }

    [Fact]
    public async Task AdditionalFile_named_sora_conf_is_linted_with_locations_in_the_file()
    {
        var test = FileTest(FileSafe + "demo = true\n");
        test.ExpectedDiagnostics.Add(SoraTest.Diagnostic("SORA1007").WithSpan("/0/sora.conf", 5, 1, 5, 12));
        await test.RunAsync();
    }

    [Fact]
    public async Task AdditionalFile_with_SoraConfFile_metadata_is_linted()
    {
        var test = FileTest(FileSafe + "api_port = 70000\n", name: "/0/edge.conf");
        test.TestState.AnalyzerConfigFiles.Add(("/.sorafile.globalconfig", "is_global = true\n[/0/edge.conf]\nbuild_metadata.AdditionalFiles.SoraConfFile = true\n"));
        test.ExpectedDiagnostics.Add(SoraTest.Diagnostic("SORA0003").WithSpan("/0/edge.conf", 5, 12, 5, 17));
        await test.RunAsync();
    }

    [Fact]
    public async Task Other_AdditionalFiles_are_ignored()
    {
        var test = FileTest("demo = true\n", name: "/0/notes.txt");
        await test.RunAsync();
    }

    // Microsoft.CodeAnalysis.Testing 1.1.4 does not apply code fixes to AdditionalFiles, so the file fixes run in
    // an AdhocWorkspace: the real analyzer reports on the additional document and the fix edits it there.
    private static async Task<string> FixFileAsync(string text, string id)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp);
        var id0 = DocumentId.CreateNewId(project.Id);
        var document = project.Solution.AddAdditionalDocument(id0, "sora.conf", Microsoft.CodeAnalysis.Text.SourceText.From(text), filePath: "sora.conf").GetAdditionalDocument(id0)!;
        var diagnostics = await Analysis.RunAsync("class C { }", true, ("sora.conf", text));
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        var context = new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
        await new SoraConfFileCodeFixProvider().RegisterCodeFixesAsync(context);
        var action = Assert.Single(actions);
        Assert.NotNull(action.EquivalenceKey);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single().ChangedSolution;
        return (await solution.GetAdditionalDocument(document.Id)!.GetTextAsync()).ToString();
    }

    [Fact]
    public async Task SORA0005_fix_moves_the_comment_in_the_file()
    {
        Assert.Equal(FileSafe + "# tokyo\nlabel = edge-1\n", await FixFileAsync(FileSafe + "label = edge-1 # tokyo\n", "SORA0005"));
    }

    [Fact]
    public async Task SORA0007_fix_empties_a_blank_line_with_a_tab()
    {
        Assert.Equal(FileSafe + "\napi_port = 3000\n", await FixFileAsync(FileSafe + "\t\napi_port = 3000\n", "SORA0007"));
    }

    [Fact]
    public async Task SORA2001_fix_comments_out_a_removed_key_as_migrate_does()
    {
        Assert.Equal(FileSafe + "# removed in 2024.2: e2ee = true\n", await FixFileAsync(FileSafe + "e2ee = true\n", "SORA2001"));
    }

    [Fact]
    public async Task SORA0012_fix_removes_the_quotes_around_a_host_name()
    {
        var text = FileSafe.Replace("turn_fqdn = turn.sora.internal", "turn_fqdn = \"turn.sora.internal\"");
        Assert.Equal(FileSafe, await FixFileAsync(text, "SORA0012"));
    }

    [Fact]
    public async Task SORA0007_fix_turns_a_crlf_file_into_lf()
    {
        Assert.Equal(FileSafe + "\napi_port = 3000\n", await FixFileAsync((FileSafe + "\napi_port = 3000\n").Replace("\n", "\r\n"), "SORA0007"));
    }

}
