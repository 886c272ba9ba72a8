using System.Text;
using System.Text.Json.Nodes;

namespace Sora.Config.LanguageServer.Tests;

/// <summary>Headless Neovim (the Debian package, 0.7.2) with exactly the snippet docs/editors.md gives
/// (editors/neovim/sora-conf.lua) and a <c>sora-conf</c> on PATH that runs the built tool: the file gets the
/// <c>sora-conf</c> filetype, the real server starts, and the diagnostics Neovim shows are lint's, at byte columns
/// converted from UTF-16 on lines with Japanese text.</summary>
public sealed class NeovimTests
{
    private const string Text =
        "# 東京リージョン\n" +
        "label = 東京エッジ # 第一\n" +
        "api_loopback_adress_only = true\n";

    // Written by the test's init.lua once Neovim has diagnostics for the buffer: the buffer's filetype and vim.diagnostic.get(0).
    private const string Reporter = """
        local out = vim.env.SORA_TEST_OUT
        local function finish(payload, quit)
          local f = assert(io.open(out, 'w'))
          f:write(payload)
          f:close()
          vim.cmd(quit)
        end
        vim.api.nvim_create_autocmd('DiagnosticChanged', { callback = function()
          local found = vim.diagnostic.get(0)
          if #found == 0 then return end
          local rows = {}
          for _, d in ipairs(found) do
            local lsp = d.user_data and d.user_data.lsp or {}
            table.insert(rows, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
              message = d.message, code = d.code or lsp.code, source = d.source })
          end
          finish(vim.fn.json_encode({ filetype = vim.bo.filetype, diagnostics = rows }), 'qall!')
        end })
        vim.defer_fn(function() finish('no diagnostics within 60 s; filetype ' .. vim.bo.filetype, 'cquit!') end, 60000)
        """;

    [Fact]
    public void The_docs_give_exactly_the_tested_snippet()
    {
        var snippet = File.ReadAllText(Path.Combine(LspClient.RepoRoot, "editors", "neovim", "sora-conf.lua")).TrimEnd('\n');
        var docs = File.ReadAllText(Path.Combine(LspClient.RepoRoot, "docs", "editors.md"));
        Assert.Contains("```lua\n" + snippet + "\n```", docs);
    }

    [Theory]
    [InlineData("sora.conf")]
    [InlineData("edge.sora.conf")]
    public void Neovim_shows_the_servers_diagnostics(string fileName)
    {
        var nvim = ExternalTool.Require("nvim", "apt-get update && apt-get install -y neovim (0.7.2 on Debian 12)");
        using var dir = new TempDir();
        var file = dir.Write(fileName, Text);
        var bin = Directory.CreateDirectory(Path.Combine(dir.Path, "bin")).FullName;
        var wrapper = Path.Combine(bin, "sora-conf");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{LspClient.DllPath}' \"$@\"\n");
        Assert.False(OperatingSystem.IsWindows(), "the Neovim test runs on Linux (the Debian package)");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var snippet = Path.Combine(LspClient.RepoRoot, "editors", "neovim", "sora-conf.lua");
        var init = dir.Write("init.lua", $"dofile('{snippet}')\n{Reporter}");
        var output = Path.Combine(dir.Path, "diagnostics.json");

        var environment = new Dictionary<string, string>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["SORA_TEST_OUT"] = output,
            ["XDG_CONFIG_HOME"] = Path.Combine(dir.Path, "config"),
            ["XDG_DATA_HOME"] = Path.Combine(dir.Path, "data"),
            ["XDG_STATE_HOME"] = Path.Combine(dir.Path, "state"),
            ["XDG_CACHE_HOME"] = Path.Combine(dir.Path, "cache"),
            ["LC_ALL"] = "en_US.UTF-8",
            ["LANG"] = "en_US.UTF-8",
        };
        ExternalTool.Run(nvim, dir.Path, TimeSpan.FromMinutes(2), environment, "--headless", "-i", "NONE", "-u", init, file);

        Assert.True(File.Exists(output), "Neovim wrote no diagnostics");
        var result = JsonNode.Parse(File.ReadAllText(output))!;
        Assert.Equal("sora-conf", (string?)result["filetype"]);
        var diagnostics = result["diagnostics"]!.AsArray();

        // The findings of `sora-conf lint`, each on its line (Neovim counts lines from 0).
        var lint = Cli.LintJson(file);
        Assert.Equal(
            lint.Select(f => $"{(string?)f!["id"]}@{Math.Max(0, (int)f["line"]! - 1)}").Order(),
            diagnostics.Select(d => $"{(string?)d!["code"]}@{(int)d["lnum"]!}").Order());
        Assert.All(diagnostics, d => Assert.Equal("sora-conf", (string?)d!["source"]));

        // The inline comment after Japanese text: Neovim turned the server's UTF-16 columns into byte columns.
        var inline = diagnostics.Single(d => (string?)d!["code"] == "SORA0005")!;
        var line = Text.Split('\n')[1];
        Assert.Equal(1, (int)inline["lnum"]!);
        Assert.Equal(Encoding.UTF8.GetByteCount(line[..line.IndexOf('東')]), (int)inline["col"]!);
        Assert.Equal(Encoding.UTF8.GetByteCount(line), (int)inline["end_col"]!);
        Assert.Equal(2, (int)inline["severity"]!); // vim.diagnostic.severity.WARN

        var typo = diagnostics.Single(d => (string?)d!["code"] == "SORA0004")!;
        Assert.Contains("did you mean 'api_loopback_address_only'", (string)typo["message"]!);
    }
}
