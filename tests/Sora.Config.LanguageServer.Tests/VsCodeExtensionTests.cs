using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Sora.Config.LanguageServer.Tests;

/// <summary>The VS Code extension under editors/vscode, packaged the way its README says: <c>npm ci</c>, its grammar tests
/// (<c>npm test</c>, VS Code's own TextMate engine), then <c>vsce package</c>; the .vsix must hold what VS Code reads.</summary>
public sealed class VsCodeExtensionTests
{
    [Fact]
    public void The_extension_packages_into_a_vsix_with_its_grammar_and_language()
    {
        var npm = ExternalTool.Require("npm", "apt-get install -y nodejs npm (Node.js 20 or later)");
        var npx = ExternalTool.Require("npx", "apt-get install -y nodejs npm (Node.js 20 or later)");
        var source = Path.Combine(LspClient.RepoRoot, "editors", "vscode");
        Assert.True(File.Exists(Path.Combine(source, "package.json")), "no extension at " + source);

        using var dir = new TempDir();
        var copy = Path.Combine(dir.Path, "vscode");
        CopySources(source, copy);
        var quiet = new Dictionary<string, string> { ["npm_config_fund"] = "false", ["npm_config_audit"] = "false", ["npm_config_update_notifier"] = "false" };
        ExternalTool.Run(npm, copy, TimeSpan.FromMinutes(10), quiet, "ci");
        var tests = ExternalTool.Run(npm, copy, TimeSpan.FromMinutes(2), quiet, "test");
        Assert.Matches(@"(?m)^# pass 8$", tests);
        Assert.Matches(@"(?m)^# fail 0$", tests);
        ExternalTool.Run(npx, copy, TimeSpan.FromMinutes(5), quiet, "--no-install", "vsce", "package", "--skip-license", "--out", "sora-conf.vsix");

        var vsix = Path.Combine(copy, "sora-conf.vsix");
        Assert.True(File.Exists(vsix), "vsce produced no .vsix");
        using var zip = ZipFile.OpenRead(vsix);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var required in new[] { "extension.vsixmanifest", "extension/package.json", "extension/extension.js", "extension/server-options.js", "extension/language-configuration.json",
                     "extension/syntaxes/sora-conf.tmLanguage.json", "extension/node_modules/vscode-languageclient/package.json" })
            Assert.True(entries.Contains(required), required + " is missing from the .vsix: " + string.Join(", ", entries.Order().Take(40)));
        Assert.DoesNotContain(entries, e => e.StartsWith("extension/test/", StringComparison.Ordinal) || e.Contains("/vscode-textmate/", StringComparison.Ordinal));

        // What VS Code reads from the packaged manifest: the language for sora.conf and *.sora.conf, its grammar, the server setting.
        var manifest = JsonNode.Parse(Read(zip, "extension/package.json"))!;
        var language = manifest["contributes"]!["languages"]!.AsArray().Single()!;
        Assert.Equal("sora-conf", (string?)language["id"]);
        Assert.Equal(new[] { "sora.conf" }, language["filenames"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(new[] { "*.sora.conf" }, language["filenamePatterns"]!.AsArray().Select(n => (string)n!));
        var grammar = manifest["contributes"]!["grammars"]!.AsArray().Single()!;
        Assert.Equal("sora-conf", (string?)grammar["language"]);
        Assert.Equal("extension/syntaxes/sora-conf.tmLanguage.json", "extension/" + ((string)grammar["path"]!).TrimStart('.', '/'));
        var settings = manifest["contributes"]!["configuration"]!["properties"]!;
        Assert.NotNull(settings["soraConf.server.path"]);
        Assert.Equal("array", (string?)settings["soraConf.schemaFiles"]?["type"]);
        Assert.Equal("source.sora-conf", (string?)JsonNode.Parse(Read(zip, "extension/syntaxes/sora-conf.tmLanguage.json"))!["scopeName"]);
        // The extension starts the server with the arguments server-options.js builds (the client appends --stdio).
        Assert.Contains("args: serverArguments()", Read(zip, "extension/extension.js"));
    }

    /// <summary>soraConf.schemaFiles reaches the real server: the command line the extension's own code builds from a
    /// relative path makes a key of that schema file known and checked, with the findings of <c>lint --schema</c>.</summary>
    [Fact]
    public async Task The_schema_files_setting_gives_the_server_the_project_schema()
    {
        var node = ExternalTool.Require("node", "apt-get install -y nodejs (Node.js 20 or later)");
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("schema"));
        var schema = dir.Write("schema/extra-keys.toml", SchemaSamples.FutureKey);
        var path = dir.Write("sora.conf", "future_switch = maybe\n");
        var module = Path.Combine(LspClient.RepoRoot, "editors", "vscode", "server-options.js");
        var printed = ExternalTool.Run(node, dir.Path, TimeSpan.FromMinutes(1), null, "-e",
            "process.stdout.write(JSON.stringify(require(process.argv[1]).serverArgs(['schema/extra-keys.toml', 'schema/typo.toml'], process.argv[2])))", module, dir.Path);
        var result = JsonNode.Parse(printed)!;
        var args = result["args"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Equal(["lsp", "--schema", schema], args);
        // A file that is not there is named for the warning, and left out: the server would not start with it.
        Assert.Equal([dir.File("schema/typo.toml")], result["missing"]!.AsArray().Select(a => (string)a!));

        // vscode-languageclient's stdio transport appends --stdio to the configured arguments.
        await using var client = await LspClient.StartInitializedAsync(commandLine: [.. args, "--stdio"]);
        await client.NotifyAsync("textDocument/didOpen", Json.Open(FileUri.Of(path), File.ReadAllText(path)));
        var diagnostics = await client.DiagnosticsAsync(FileUri.Of(path), 1);
        SessionTests.AssertSameAsLint(diagnostics, Cli.LintJson(path, null, "--schema", schema));
        Assert.Contains(diagnostics, d => (string?)d!["code"] == "SORA0003" && ((string)d["message"]!).Contains("future_switch", StringComparison.Ordinal));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The extension's sources without what an earlier local build left (node_modules, .vsix files).</summary>
    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            if (file.EndsWith(".vsix", StringComparison.Ordinal)) continue;
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var sub in Directory.GetDirectories(from))
        {
            if (Path.GetFileName(sub) == "node_modules") continue;
            CopySources(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }
}
