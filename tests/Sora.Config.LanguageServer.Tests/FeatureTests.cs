using System.Globalization;
using System.Text.Json.Nodes;
using Sora.Config.Catalog;
using static Sora.Config.LanguageServer.Tests.LspText;

namespace Sora.Config.LanguageServer.Tests;

/// <summary>The features of issue 14 that the editor session does not reach: the Sora version from the file, the
/// settings and the initialization options; values, units and commented-out settings in completion; Japanese hovers.
/// Expectations come from the catalogue and from <c>sora-conf lint</c>, over the real process.</summary>
public sealed class FeatureTests
{
    private static readonly SoraCatalog Catalog = SoraCatalog.Default;

    /// <summary>A key the newest version has and 2024.2 does not: its line is a finding only when 2024.2 is targeted.</summary>
    private static readonly SoraKeyInfo NewKey = Catalog.Keys.First(k => k.ExistsIn(Catalog.NewestVersion) && !k.ExistsIn("2024.2"));

    /// <summary>A value of <see cref="NewKey"/> Sora accepts.</summary>
    private static readonly string NewValue = NewKey.Example ?? NewKey.Default ?? (NewKey.Type == Sora.Config.Values.SoraValueType.Bool ? "true" : throw new InvalidOperationException("no value for " + NewKey.Name));

    [Fact]
    public async Task Schema_files_on_the_command_line_are_merged_as_lint_merges_them()
    {
        using var dir = new TempDir();
        var schema = dir.Write("extra-keys.toml", SchemaSamples.FutureKey);
        var path = dir.Write("sora.conf", "future_switch = maybe\n");
        await using var client = await LspClient.StartInitializedAsync(arguments: ["--schema", schema]);
        await client.NotifyAsync("textDocument/didOpen", Json.Open(FileUri.Of(path), File.ReadAllText(path)));
        var diagnostics = await client.DiagnosticsAsync(FileUri.Of(path), 1);
        SessionTests.AssertSameAsLint(diagnostics, Cli.LintJson(path, null, "--schema", schema));
        Assert.Contains(diagnostics, d => (string?)d!["code"] == "SORA0003" && ((string)d["message"]!).Contains("future_switch", StringComparison.Ordinal));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task The_sora_version_line_decides_the_findings_as_lint_sora_version_does()
    {
        using var dir = new TempDir();
        var body = "# 東京 ノード\n" + NewKey.Name + " = " + NewValue + "\n";
        var path = dir.Write("sora.conf", "# sora-version: 2024.2\n" + body);
        await using var client = await LspClient.StartInitializedAsync();
        await client.NotifyAsync("textDocument/didOpen", Json.Open(FileUri.Of(path), File.ReadAllText(path)));
        var diagnostics = await client.DiagnosticsAsync(FileUri.Of(path), 1);
        SessionTests.AssertSameAsLint(diagnostics, Cli.LintJson(path, null, "--sora-version", "2024.2"));
        Assert.Contains(diagnostics, d => (int)d!["range"]!["start"]!["line"]! == 2);

        // A version the schema does not know: one warning on that line, and the newest version is checked.
        var unknown = "# sora-version: 1999.1\n" + body;
        await client.NotifyAsync("textDocument/didChange", Json.ChangeAll(FileUri.Of(path), 2, unknown));
        diagnostics = await client.DiagnosticsAsync(FileUri.Of(path), 2);
        var warning = Assert.Single(diagnostics, d => ((string)d!["message"]!).Contains("1999.1", StringComparison.Ordinal))!;
        Assert.Equal(2, (int)warning["severity"]!);
        Assert.Equal(0, (int)warning["range"]!["start"]!["line"]!);
        Assert.Contains("Sora version '1999.1' is not in this schema", (string)warning["message"]!);
        Assert.DoesNotContain(diagnostics, d => (int)d!["range"]!["start"]!["line"]! == 2);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    /// <summary>An editor ends a line at a lone CR too, kvconf only at LF: a finding below comment lines split by lone CRs
    /// is placed on the editor's line, as <see cref="LspText"/> (written independently) counts them.</summary>
    [Fact]
    public async Task Findings_land_on_the_editor_line_after_lone_carriage_returns()
    {
        var text = "api_port = 3000\n# note\rmore\r\rnotes\r\n# end\napi_port = 4000\n";
        const string Uri = "file:///etc/sora/cr.conf";
        var duplicate = Catalog.Rules.Single(r => r.Check.Kind == "duplicate_key").Id;
        await using var client = await LspClient.StartInitializedAsync();
        await client.NotifyAsync("textDocument/didOpen", Json.Open(Uri, text));
        var found = Assert.Single(await client.DiagnosticsAsync(Uri, 1), d => (string?)d!["code"] == duplicate)!;
        var starts = LineStarts(text);
        int expected = starts.IndexOf(text.LastIndexOf("api_port", StringComparison.Ordinal));
        Assert.Equal(6, expected);
        Assert.Equal((expected, 0), ((int)found["range"]!["start"]!["line"]!, (int)found["range"]!["start"]!["character"]!));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Initialization_options_then_workspace_settings_choose_the_version_of_a_file_without_the_line()
    {
        var text = "# 東京 ノード\n" + NewKey.Name + " = " + NewValue + "\n";
        const string Uri = "file:///etc/sora/sora.conf";
        await using var client = await LspClient.StartInitializedAsync("""{"processId":null,"capabilities":{},"initializationOptions":{"soraVersion":"2024.2"}}""");
        await client.NotifyAsync("textDocument/didOpen", Json.Open(Uri, text));
        Assert.Contains(await client.DiagnosticsAsync(Uri, 1), d => (int)d!["range"]!["start"]!["line"]! == 1);
        var hover = await client.RequestAsync("textDocument/hover", Json.At(Uri, 1, 1));
        Assert.Contains("not available in Sora 2024.2", (string)hover!["contents"]!["value"]!);

        // The workspace setting overrides the option, and every open document is checked again.
        await client.NotifyAsync("workspace/didChangeConfiguration", Json.Of("""{"settings":{"soraConf":{"soraVersion":@0}}}""", Catalog.NewestVersion));
        Assert.DoesNotContain(await client.DiagnosticsAsync(Uri, 1), d => (int)d!["range"]!["start"]!["line"]! == 1);
        hover = await client.RequestAsync("textDocument/hover", Json.At(Uri, 1, 1));
        Assert.DoesNotContain("not available", (string)hover!["contents"]!["value"]!);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Completion_offers_values_units_and_commented_out_settings()
    {
        Assert.True(Catalog.TryGetKey("signaling_loopback_address_only", out var flag));
        Assert.True(Catalog.TryGetKey("webhook_response_timeout", out var timeout));
        var text =
            "# 東京 ノード\n" +
            "signaling_loopback_address_only = \n" +
            "webhook_response_timeout = 30\n" +
            "# turn_fqdn = turn.sora.internal\n";
        const string Uri = "file:///etc/sora/sora.conf";
        await using var client = await LspClient.StartInitializedAsync();
        await client.NotifyAsync("textDocument/didOpen", Json.Open(Uri, text));
        await client.DiagnosticsAsync(Uri, 1);

        var values = await Items(client, Uri, PositionOf(text, "only = ", 7));
        Assert.Equal(new[] { "true", "false" }, values.Select(i => (string)i!["label"]!));
        var preselected = values.Single(i => (bool?)i!["preselect"] == true)!;
        Assert.Equal(flag!.DefaultFor(Catalog.NewestVersion), (string?)preselected["label"]);
        Assert.Equal($"default (Sora {Catalog.NewestVersion})", (string?)preselected["detail"]);

        var units = await Items(client, Uri, PositionOf(text, "= 30", 4));
        Assert.Equal(timeout!.Units.Select(u => "30 " + Unit(u)).Order(), units.Select(i => (string)i!["label"]!).Order());
        Assert.Contains(units, i => (string?)i!["label"] == "30 s" && (string?)i["detail"] == "30 s = 30 seconds (30,000 ms)");

        var template = Assert.Single(await Items(client, Uri, PositionOf(text, "turn.sora", 0)))!;
        Assert.Equal("turn_fqdn = turn.sora.internal", (string?)template["label"]);
        Assert.Equal("turn_fqdn = turn.sora.internal", (string?)template["textEdit"]!["newText"]);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task A_client_in_japanese_gets_japanese_hovers_and_messages()
    {
        Assert.True(Catalog.TryGetKey("webhook_response_timeout", out var timeout));
        var text = "# 東京 ノード\nwebhook_response_timeout = 30 s\nlabel = 東京 # 第一\n";
        const string Uri = "file:///etc/sora/sora.conf";
        await using var client = await LspClient.StartInitializedAsync("""{"processId":null,"capabilities":{},"locale":"ja"}""");
        await client.NotifyAsync("textDocument/didOpen", Json.Open(Uri, text));
        var inline = (await client.DiagnosticsAsync(Uri, 1)).Single(d => (string?)d!["code"] == "SORA0005")!;
        Assert.Contains("行内コメント", (string)inline["message"]!);

        var hover = (string)(await client.RequestAsync("textDocument/hover", Json.At(Uri, 1, 3)))!["contents"]!["value"]!;
        Assert.Contains(timeout!.Description.For(CultureInfo.GetCultureInfo("ja")), hover);
        Assert.Contains("- **確度**: " + timeout.Confidence.Japanese, hover);
        Assert.Contains("- **既定値**: ", hover);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    /// <summary>The completion of keys sends each key's documentation as JSON kept from its first request: on every
    /// request, in either language, it is the Markdown a hover on the key shows, escaped as on the first.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task Completion_documentation_is_the_hover_markdown_on_every_request(string locale)
    {
        const string Set = "file:///etc/sora/set.conf", Empty = "file:///etc/sora/empty.conf";
        await using var client = await LspClient.StartInitializedAsync("{\"processId\":null,\"capabilities\":{},\"locale\":\"" + locale + "\"}");
        await client.NotifyAsync("textDocument/didOpen", Json.Open(Set, "webhook_response_timeout = 30 s\n"));
        await client.DiagnosticsAsync(Set, 1);
        var hover = (string)(await client.RequestAsync("textDocument/hover", Json.At(Set, 0, 3)))!["contents"]!["value"]!;
        Assert.Contains("**webhook_response_timeout** `interval`", hover);
        Assert.Equal(locale == "ja", hover.Contains("確度", StringComparison.Ordinal));

        await client.NotifyAsync("textDocument/didOpen", Json.Open(Empty, "\n"));
        await client.DiagnosticsAsync(Empty, 1);
        var first = await Items(client, Empty, (0, 0));
        var second = await Items(client, Empty, (0, 0));
        Assert.True(JsonNode.DeepEquals(first, second));
        foreach (var items in new[] { first, second })
        {
            var timeout = items.Single(i => (string?)i!["label"] == "webhook_response_timeout")!;
            Assert.Equal("markdown", (string?)timeout["documentation"]!["kind"]);
            Assert.Equal(hover, (string?)timeout["documentation"]!["value"]);
        }
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    private static async Task<JsonArray> Items(LspClient client, string uri, (int Line, int Character) at) =>
        (await client.RequestAsync("textDocument/completion", Json.At(uri, at.Line, at.Character)))!["items"]!.AsArray();

    private static string Unit(Sora.Config.Values.SoraTimeUnit unit) => unit switch
    {
        Sora.Config.Values.SoraTimeUnit.Millisecond => "ms",
        Sora.Config.Values.SoraTimeUnit.Second => "s",
        Sora.Config.Values.SoraTimeUnit.Minute => "min",
        _ => "h",
    };
}
