using System.Text;
using System.Text.Json.Nodes;

namespace Sora.Config.LanguageServer.Tests;

/// <summary>Malformed JSON-RPC, unknown methods, requests out of the lifecycle, huge documents and bytes that are not UTF-8
/// are answered with errors or diagnostics; the server never crashes and ends with the codes LSP asks for.</summary>
public sealed class RobustnessTests
{
    private const int ParseError = -32700, InvalidRequest = -32600, MethodNotFound = -32601, InvalidParams = -32602, ServerNotInitialized = -32002;

    [Fact]
    public async Task Malformed_messages_are_answered_with_errors_and_the_server_goes_on()
    {
        await using var client = await LspClient.StartInitializedAsync();

        await client.SendAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"));
        var error = await client.NextOrphanAsync(1);
        Assert.Equal(ParseError, (int)error["error"]!["code"]!);
        Assert.Null(error["id"]);
        Assert.True(error.ContainsKey("id"), "a parse error carries id null");

        // Bytes that are not UTF-8 inside the JSON text.
        await client.SendAsync(new byte[] { (byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}' });
        Assert.Equal(ParseError, (int)(await client.NextOrphanAsync(2))["error"]!["code"]!);

        // ... in the method name, and an escape that is not Unicode there: each read would throw inside StreamJsonRpc.
        await client.SendAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"text").Concat(new byte[] { 0xC3 }).Concat(Encoding.UTF8.GetBytes("Document/hover\"}")).ToArray());
        Assert.Equal(ParseError, (int)(await client.NextOrphanAsync(3))["error"]!["code"]!);
        await client.SendAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"\\ud800\"}"));
        Assert.Equal(ParseError, (int)(await client.NextOrphanAsync(4))["error"]!["code"]!);

        // JSON, but not a JSON-RPC message.
        await client.SendAsync(Encoding.UTF8.GetBytes("[1,2,3]"));
        Assert.Equal(InvalidRequest, (int)(await client.NextOrphanAsync(5))["error"]!["code"]!);
        await client.SendAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":99}"));
        Assert.Equal(InvalidRequest, (int)(await client.NextOrphanAsync(6))["error"]!["code"]!);

        // A header without Content-Length.
        await client.SendFramedAsync(Encoding.ASCII.GetBytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"), Array.Empty<byte>());
        Assert.Equal(ParseError, (int)(await client.NextOrphanAsync(7))["error"]!["code"]!);

        // Unknown methods: a request gets MethodNotFound, a notification nothing.
        var unknown = await client.RequestMessageAsync("sora/unknownRequest", "{}");
        Assert.Equal(MethodNotFound, (int)unknown["error"]!["code"]!);
        await client.NotifyAsync("$/unknownNotification", "{}");

        // Parameters of the wrong shape.
        var bad = await client.RequestMessageAsync("textDocument/hover", """{"textDocument":{"uri":"file:///x"},"position":"here"}""");
        Assert.Equal(InvalidParams, (int)bad["error"]!["code"]!);
        Assert.Contains("$.position", (string)bad["error"]!["message"]!);
        Assert.Null(bad["error"]!["data"]);

        // A document that was never opened: no hover, no completion, no crash.
        Assert.Null(await client.RequestAsync("textDocument/hover", Json.At("file:///never/opened/sora.conf", 0, 0)));
        Assert.Empty((await client.RequestAsync("textDocument/completion", Json.At("file:///never/opened/sora.conf", 0, 0)))!["items"]!.AsArray());

        // Positions past the end of a line or the document are clamped.
        await client.NotifyAsync("textDocument/didOpen", Json.Open("file:///tmp/sora.conf", "api_port = 3000\n"));
        await client.DiagnosticsAsync("file:///tmp/sora.conf", 1);
        await client.NotifyAsync("textDocument/didChange", Json.Of("""
            {"textDocument":{"uri":"file:///tmp/sora.conf","version":2},"contentChanges":[
              {"range":{"start":{"line":0,"character":400},"end":{"line":90,"character":3}},"text":"\nsignaling_port = 5000\n"}]}
            """));
        await client.DiagnosticsAsync("file:///tmp/sora.conf", 2);
        var symbols = await client.RequestAsync("textDocument/documentSymbol", Json.TextDocument("file:///tmp/sora.conf"));
        Assert.Equal(new[] { "api_port", "signaling_port" }, symbols!.AsArray().Select(s => (string)s!["name"]!));

        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.Equal(7, client.Orphans.Count);
    }

    [Fact]
    public async Task Requests_outside_the_lifecycle_are_refused_and_exit_without_shutdown_ends_with_1()
    {
        await using var client = LspClient.Start();
        var early = await client.RequestMessageAsync("textDocument/hover", Json.At("file:///x", 0, 0));
        Assert.Equal(ServerNotInitialized, (int)early["error"]!["code"]!);
        // A notification before initialize is dropped: no diagnostics are published for it.
        await client.NotifyAsync("textDocument/didOpen", Json.Open("file:///early/sora.conf", "demo = true\n"));

        await client.RequestAsync("initialize", """{"processId":null,"capabilities":{}}""");
        var again = await client.RequestMessageAsync("initialize", """{"processId":null,"capabilities":{}}""");
        Assert.Equal(InvalidRequest, (int)again["error"]!["code"]!);
        Assert.Null(await client.RequestAsync("textDocument/hover", Json.At("file:///early/sora.conf", 0, 0)));

        Assert.Null(await client.RequestAsync("shutdown"));
        var late = await client.RequestMessageAsync("textDocument/completion", Json.At("file:///x", 0, 0));
        Assert.Equal(InvalidRequest, (int)late["error"]!["code"]!);
        await client.NotifyAsync("exit");
        Assert.Equal(0, await client.ExitCodeAsync());

        await using var abrupt = await LspClient.StartInitializedAsync();
        await abrupt.NotifyAsync("exit");
        Assert.Equal(1, await abrupt.ExitCodeAsync());

        // The editor goes away without a word: the server ends too.
        await using var vanished = await LspClient.StartInitializedAsync();
        vanished.CloseInput();
        Assert.Equal(1, await vanished.ExitCodeAsync());
    }

    [Fact]
    public async Task A_huge_document_gets_one_diagnostic_and_the_server_still_answers()
    {
        await using var client = await LspClient.StartInitializedAsync();
        var line = "# " + new string('あ', 60) + "\n";
        var huge = new StringBuilder().Insert(0, line, 5 * 1024 * 1024 / line.Length).Append("label = 東京 # x\n").ToString();
        await client.NotifyAsync("textDocument/didOpen", Json.Open("file:///tmp/huge.sora.conf", huge));
        var diagnostics = await client.DiagnosticsAsync("file:///tmp/huge.sora.conf", 1);
        var only = Assert.Single(diagnostics)!;
        Assert.Equal(2, (int)only["severity"]!);
        Assert.Contains("too large to check while editing", (string)only["message"]!);
        Assert.Contains("sora-conf lint", (string)only["message"]!);

        // Line-local features still work at the end of it.
        var hover = await client.RequestAsync("textDocument/hover", Json.At("file:///tmp/huge.sora.conf", huge.Count(c => c == '\n') - 1, 1));
        Assert.Contains("**label**", (string)hover!["contents"]!["value"]!);

        // Back under the limit: checked as usual.
        await client.NotifyAsync("textDocument/didChange", Json.ChangeAll("file:///tmp/huge.sora.conf", 2, "label = 東京 # x\n"));
        diagnostics = await client.DiagnosticsAsync("file:///tmp/huge.sora.conf", 2);
        Assert.Contains(diagnostics, d => (string?)d!["code"] == "SORA0005");
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Text_that_is_not_valid_unicode_is_checked_not_crashed_on()
    {
        await using var client = await LspClient.StartInitializedAsync();
        // A lone surrogate, as JSON can carry it ("\ud800"): what a broken client could send for bytes it could not decode.
        await client.SendAsync(Encoding.UTF8.GetBytes("""
            {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/s.conf","languageId":"sora-conf","version":1,"text":"label = a\ud800b\napi_port = x\n"}}}
            """));
        var diagnostics = await client.DiagnosticsAsync("file:///tmp/s.conf", 1);
        Assert.Contains(diagnostics, d => (string?)d!["code"] == "SORA0003" && (int)d["range"]!["start"]!["line"]! == 1);
        var lone = diagnostics.Single(d => d!["code"] is null)!;
        Assert.Contains("U+D800 on its own is not a character", (string)lone["message"]!);
        Assert.Equal(Json.Of("""{"start":{"line":0,"character":9},"end":{"line":0,"character":10}}"""), lone["range"]!.ToJsonString());
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }
}
