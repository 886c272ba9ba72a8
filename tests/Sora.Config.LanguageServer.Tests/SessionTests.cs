using Sora.Config.Catalog;
using System.Text.Json.Nodes;
using static Sora.Config.LanguageServer.Tests.LspText;

namespace Sora.Config.LanguageServer.Tests;

/// <summary>The real server process driven the way an editor drives it: initialize → didOpen → publishDiagnostics →
/// didChange → hover → completion → codeAction → formatting → shutdown/exit, on a file with Japanese comments and values.</summary>
public sealed class SessionTests
{
    // 𠮷 is outside the BMP: two UTF-16 code units, one code point. A position counted in code points or bytes would be off.
    private const string Original =
        "# 東京リージョンのエッジ (本番)\n" +
        "# 注意: sora.conf に行内コメントはありません\n" +
        "api_loopback_adress_only = true\n" +
        "signaling_loopback_address_only = true\n" +
        "ipv4_address = 10.0.0.10\n" +
        "label = 𠮷野家の東京エッジ # 第一\n" +
        "webhook_response_timeout   =   30 s\n" +
        "\n" +
        "# turn_fqdn = turn.sora.internal\n";

    [Fact]
    public async Task An_editor_session_from_initialize_to_exit()
    {
        using var dir = new TempDir();
        var path = dir.Write("sora.conf", Original);
        var uri = FileUri.Of(path);
        await using var client = LspClient.Start();

        // initialize: UTF-16 positions, incremental sync, every feature.
        var init = await client.RequestAsync("initialize", """{"processId":null,"rootUri":null,"locale":"en","capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]}}}""");
        var caps = init!["capabilities"]!;
        Assert.Equal("utf-16", (string?)caps["positionEncoding"]);
        Assert.Equal(2, (int?)caps["textDocumentSync"]!["change"]);
        foreach (var feature in new[] { "hoverProvider", "documentFormattingProvider", "documentSymbolProvider", "foldingRangeProvider" }) Assert.True((bool?)caps[feature], feature);
        Assert.NotNull(caps["completionProvider"]);
        Assert.NotNull(caps["codeActionProvider"]);
        await client.NotifyAsync("initialized", "{}");

        // didOpen → publishDiagnostics: the same findings as `sora-conf lint`, at the same places, in UTF-16 columns.
        await client.NotifyAsync("textDocument/didOpen", Json.Open(uri, Original));
        var diagnostics = await client.DiagnosticsAsync(uri, 1);
        AssertSameAsLint(diagnostics, Cli.LintJson(path));
        var inline = diagnostics.Single(d => (string?)d!["code"] == "SORA0005")!;
        var (line, start) = PositionOf(Original, "𠮷");
        Assert.Equal(line, (int)inline["range"]!["start"]!["line"]!);
        Assert.Equal(start, (int)inline["range"]!["start"]!["character"]!);
        Assert.Equal(start + "𠮷野家の東京エッジ # 第一".Length, (int)inline["range"]!["end"]!["character"]!);
        Assert.Equal("https://github.com/sora-config/Sora.Config/blob/main/docs/rules/SORA0005.md", (string?)inline["codeDescription"]!["href"]);
        Assert.Equal("sora-conf", (string?)inline["source"]);
        Assert.Equal(2, (int)inline["severity"]!);

        // didChange (incremental): fix the typo in the key, editing after Japanese lines.
        var (typoLine, typoChar) = PositionOf(Original, "adress");
        var text = Original.Replace("adress", "address");
        await client.NotifyAsync("textDocument/didChange", Json.Of("""
            {"textDocument":{"uri":@0,"version":2},"contentChanges":[
              {"range":{"start":{"line":@1,"character":@2},"end":{"line":@1,"character":@2}},"text":"d"}]}
            """, uri, typoLine, typoChar + 2));
        diagnostics = await client.DiagnosticsAsync(uri, 2);
        Assert.DoesNotContain(diagnostics, d => (string?)d!["code"] == "SORA0004");
        dir.Write("sora.conf", text);
        AssertSameAsLint(diagnostics, Cli.LintJson(path));

        // hover: a key, an interval value, a finding.
        var hover = await client.RequestAsync("textDocument/hover", Json.At(uri, Position(text, "webhook_response_timeout", 3)));
        var markdown = (string)hover!["contents"]!["value"]!;
        Assert.Contains("**webhook_response_timeout** `interval`", markdown);
        Assert.Contains("5 s (Sora 2025.2)", markdown);
        Assert.Contains("every known version", markdown);
        // Confirmed or inferred, fact by fact, as the catalogue records it.
        Assert.True(SoraCatalog.Default.TryGetKey("webhook_response_timeout", out var timeoutKey));
        Assert.Contains("- **Confidence**: " + timeoutKey!.Confidence.English + "\n", markdown);
        Assert.Equal(!timeoutKey.IsConfirmed(SoraKeyFacts.Default), markdown.Contains("(Sora 2025.2) [inferred]", StringComparison.Ordinal));
        hover = await client.RequestAsync("textDocument/hover", Json.At(uri, Position(text, "30 s", 1)));
        Assert.Contains("30 s = 30 seconds (30,000 ms)", (string)hover!["contents"]!["value"]!);
        hover = await client.RequestAsync("textDocument/hover", Json.At(uri, Position(text, "東京エッジ # ", 2)));
        markdown = (string)hover!["contents"]!["value"]!;
        Assert.Contains("**SORA0005**", markdown);
        Assert.Contains("**Why**: Only whole lines starting with `#` are comments", markdown);
        Assert.Contains("**Fix**: Move the comment to its own line", markdown);

        // completion on the blank line: keys not set yet, each inserting key = default; set keys are not offered.
        var blank = PositionOf(text, "\n\n", 1);
        var completion = await client.RequestAsync("textDocument/completion", Json.At(uri, blank.Line, 0));
        var items = completion!["items"]!.AsArray();
        Assert.DoesNotContain(items, i => (string?)i!["label"] == "ipv4_address");
        var apiPort = items.Single(i => (string?)i!["label"] == "api_port")!;
        Assert.Equal("api_port = 3000", (string?)apiPort["textEdit"]!["newText"]);
        Assert.Contains("**api_port**", (string)apiPort["documentation"]!["value"]!);
        Assert.DoesNotContain(items, i => (string?)i!["label"] == "e2ee"); // removed before 2025.2

        // codeAction on the inline comment: move it to its own line, or suppress with a reason.
        var actions = await client.RequestAsync("textDocument/codeAction", Json.Actions(uri, Position(text, "label"), Position(text, "label")));
        var move = actions!.AsArray().Single(a => (string?)a!["title"] == "Move the comment to its own line")!;
        Assert.Equal("quickfix", (string?)move["kind"]);
        Assert.Equal("SORA0005", (string?)move["diagnostics"]![0]!["code"]);
        var moved = ApplyWorkspaceEdit(text, move["edit"]!, uri);
        Assert.Contains("# 第一\nlabel = 𠮷野家の東京エッジ\n", moved);
        Assert.Contains(actions.AsArray(), a => (string?)a!["title"] == "Suppress SORA0005 on this line (write the reason after --)");

        // Apply it as an editor would (a full-text change this time): the finding is gone.
        await client.NotifyAsync("textDocument/didChange", Json.ChangeAll(uri, 3, moved));
        diagnostics = await client.DiagnosticsAsync(uri, 3);
        Assert.DoesNotContain(diagnostics, d => (string?)d!["code"] == "SORA0005");

        // formatting: the edits of `sora-conf fmt`.
        var edits = await client.RequestAsync("textDocument/formatting", Json.Of("""{"textDocument":{"uri":@0},"options":{"tabSize":4,"insertSpaces":true}}""", uri));
        var formatted = Apply(moved, edits!);
        dir.Write("sora.conf", moved);
        Assert.Equal(0, Cli.Run(null, null, "fmt", path).ExitCode);
        Assert.Equal(File.ReadAllText(path), formatted);
        Assert.Contains("webhook_response_timeout = 30 s\n", formatted);

        // document symbols (one per key) and folding (the comment block).
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", Json.TextDocument(uri)))!.AsArray();
        Assert.Equal(new[] { "api_loopback_address_only", "signaling_loopback_address_only", "ipv4_address", "label", "webhook_response_timeout" },
            symbols.Select(s => (string)s!["name"]!));
        var folding = (await client.RequestAsync("textDocument/foldingRange", Json.TextDocument(uri)))!.AsArray();
        Assert.Contains(folding, f => (int)f!["startLine"]! == 0 && (int)f["endLine"]! == 1 && (string?)f["kind"] == "comment");

        // shutdown → exit: the process ends with 0.
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    /// <summary>Every finding lint reports, with the same rule, severity, message and position (LSP is 0-based), and nothing else.</summary>
    internal static void AssertSameAsLint(JsonArray diagnostics, JsonArray lint)
    {
        static string Severity(int s) => s == 1 ? "error" : s == 2 ? "warning" : "info";
        var fromServer = diagnostics.Select(d => string.Join("|", (string?)d!["code"], Severity((int)d["severity"]!), (string?)d["message"],
            (int)d["range"]!["start"]!["line"]!, (int)d["range"]!["start"]!["character"]!, (int)d["range"]!["end"]!["line"]!, (int)d["range"]!["end"]!["character"]!)).ToList();
        var fromLint = lint.Select(f => string.Join("|", (string?)f!["id"], (string?)f["severity"], (string?)f["message"],
            Math.Max(0, (int)f["line"]! - 1), Math.Max(0, (int)f["column"]! - 1), Math.Max(0, (int)f["endLine"]! - 1), Math.Max(0, (int)f["endColumn"]! - 1))).ToList();
        Assert.Equal(fromLint, fromServer);
        Assert.NotEmpty(fromLint);
    }
}
