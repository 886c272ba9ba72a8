using System.Text.Json;
using Sora.Config.Catalog;

namespace Sora.Config.Cli.Tests;

/// <summary>get, explain, keys and new.</summary>
public class QueryCommandTests
{
    private static readonly string EditFixture = Path.Combine(SoraConfCli.Fixtures, "edit", "sora.conf");

    private static readonly Dictionary<string, string> Japanese = new() { ["LC_ALL"] = "ja_JP.UTF-8", ["LANG"] = "ja_JP.UTF-8" };

    [Fact]
    public void Get_prints_the_written_value_or_the_default()
    {
        Assert.Equal(("3000\n", 0), Out(SoraConfCli.Run("get", EditFixture, "api_port")));
        Assert.Equal(("5 s\n", 0), Out(SoraConfCli.Run("get", EditFixture, "webhook_response_timeout")));
        Assert.Equal(($"5 s  (default of Sora {SoraCatalog.Default.NewestVersion}; not written in {EditFixture})\n", 0),
            Out(SoraConfCli.Run("get", "--explain", EditFixture, "webhook_response_timeout")));
        Assert.Equal(($"false  (set in {EditFixture} on line 5)\n", 0), Out(SoraConfCli.Run("get", "--explain", EditFixture, "demo")));
    }

    [Fact]
    public void Get_of_a_key_without_value_or_default_exits_1()
    {
        Assert.Equal(("", 1), Out(SoraConfCli.Run("get", EditFixture, "ipv4_address")));
        Assert.Equal(($"(not set)  (not written in {EditFixture}; Sora {SoraCatalog.Default.NewestVersion} has no default for it)\n", 1),
            Out(SoraConfCli.Run("get", "--explain", EditFixture, "ipv4_address")));
    }

    [Fact]
    public void Get_refuses_what_Sora_would_refuse()
    {
        using var dir = new TempDir();
        dir.Write("sora.conf", "api_port = 3000\napi_port = 3001\nwebhook_response_timeout = 30s\n");
        var duplicate = SoraConfCli.RunIn(dir.Path, null, "get", "sora.conf", "api_port");
        Assert.Equal(2, duplicate.ExitCode);
        Assert.Equal("sora-conf: error: sora.conf: key 'api_port' is written 2 times (first on line 1); Sora refuses duplicate keys (SORA0002)\n", duplicate.Stderr);
        var invalid = SoraConfCli.RunIn(dir.Path, null, "get", "sora.conf", "webhook_response_timeout");
        Assert.Equal(2, invalid.ExitCode);
        Assert.StartsWith("sora-conf: error: sora.conf:3: webhook_response_timeout: '30s' is not an interval", invalid.Stderr);
        var unknown = SoraConfCli.RunIn(dir.Path, null, "get", "sora.conf", "signalling_port");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("did you mean 'signaling_port'?", unknown.Stderr);
    }

    [Fact]
    public void Explain_a_key()
    {
        var run = SoraConfCli.Run("explain", "webhook_response_timeout");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("webhook_response_timeout (interval)\n", run.Stdout);
        var key = SoraCatalog.Default.Keys.Single(k => k.Name == "webhook_response_timeout");
        Assert.Contains(key.Description.English, run.Stdout);
        Assert.Contains("Default:     5 s (Sora " + SoraCatalog.Default.NewestVersion + ")", run.Stdout);
        Assert.Contains("Units:       ms, s, min, h (preferred: s)", run.Stdout);
        Assert.Contains("Versions:    every known version", run.Stdout);
        Assert.Contains("Source:      https://", run.Stdout);

        var removed = SoraConfCli.Run("explain", "e2ee");
        Assert.Contains("removed in 2024.2", removed.Stdout);
        Assert.Contains("Range:       0 .. 65535", SoraConfCli.Run("explain", "api_port").Stdout);
    }

    [Fact]
    public void Explain_says_which_facts_are_confirmed_and_which_inferred()
    {
        var port = SoraConfCli.Run("explain", "signaling_port");
        Assert.Equal(0, port.ExitCode);
        Assert.Contains("\n  Confidence:  name, type, default, versions inferred\n", port.Stdout);
        Assert.Contains("\n  Default:     5000 (Sora " + SoraCatalog.Default.NewestVersion + ") [inferred]\n", port.Stdout);
        Assert.Contains("\n  Versions:    every known version (2022.1 – " + SoraCatalog.Default.NewestVersion + ") [inferred]\n", port.Stdout);
        Assert.DoesNotContain("[inferred]", SoraConfCli.Run("explain", "api_loopback_address_only").Stdout.Split("Confidence:")[0]);
        Assert.Contains("\n  Inferred:    UNVERIFIED KEY: no readable public source shows signaling_port.", port.Stdout);

        var key = SoraCatalog.Default.Keys.Single(k => k.Name == "api_port");
        Assert.Equal(SoraKeyFacts.Type | SoraKeyFacts.Versions, key.InferredFacts);
        var api = SoraConfCli.Run("explain", "api_port").Stdout;
        Assert.Contains("\n  Confidence:  name, default confirmed; type, versions inferred\n", api);
        Assert.True(api.IndexOf("Confidence:", StringComparison.Ordinal) < api.IndexOf("Inferred:", StringComparison.Ordinal));

        var ja = SoraConfCli.RunIn(null, Japanese, "explain", "api_port").Stdout;
        Assert.Contains("\n  確度:        キー名・既定値は確認済み、型・バージョンは推定\n", ja);
        Assert.Contains("\n  推定の根拠:  " + key.Inferred, ja);
    }

    [Fact]
    public void Keys_json_lists_the_inferred_facts_of_each_key()
    {
        var run = SoraConfCli.Run("keys", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var keys = doc.RootElement.GetProperty("keys").EnumerateArray().ToDictionary(k => k.GetProperty("name").GetString()!);
        Assert.Equal(new[] { "name", "type", "default", "versions" }, keys["signaling_port"].GetProperty("inferredFacts").EnumerateArray().Select(f => f.GetString()!).ToArray());
        Assert.StartsWith("UNVERIFIED KEY", keys["signaling_port"].GetProperty("inferred").GetString(), StringComparison.Ordinal);
        foreach (var info in SoraCatalog.Default.KeysIn(SoraCatalog.Default.NewestVersion))
        {
            var facts = keys[info.Name].GetProperty("inferredFacts").EnumerateArray().Select(f => f.GetString()!).ToList();
            Assert.Equal(info.IsConfirmed(SoraKeyFacts.Name), !facts.Contains("name"));
            Assert.Equal(info.IsConfirmed(SoraKeyFacts.Type), !facts.Contains("type"));
            Assert.Equal(info.IsConfirmed(SoraKeyFacts.Default), !facts.Contains("default"));
            Assert.Equal(info.IsConfirmed(SoraKeyFacts.Versions), !facts.Contains("versions"));
        }
    }

    [Fact]
    public void Explain_a_rule_by_id_or_slug()
    {
        var rule = SoraCatalog.Default.GetRule("SORA1003");
        foreach (var name in new[] { "SORA1003", "sora1003", rule.Slug })
        {
            var run = SoraConfCli.Run("explain", name);
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith($"SORA1003 {rule.Slug} (warning, production profile only)\n", run.Stdout);
            Assert.Contains(rule.Rationale.English, run.Stdout);
            Assert.Contains(rule.Remediation.English, run.Stdout);
            Assert.Contains("Triggers the rule:\n    turn_tls = true\n", run.Stdout);
            Assert.Contains("Does not:\n    turn_tls = true\n    turn_tls_fqdn = turns.sora.internal\n", run.Stdout);
            Assert.Contains(rule.HelpUri.AbsoluteUri, run.Stdout);
        }
        Assert.Contains("sora-conf-disable-next-line", SoraConfCli.Run("explain", "SORA0009").Stdout);
        Assert.Contains("192.0.2.0/24", SoraConfCli.Run("explain", "SORA0010").Stdout);
    }

    [Fact]
    public void Explain_speaks_Japanese_when_the_ui_culture_is_ja()
    {
        var rule = SoraCatalog.Default.GetRule("SORA1007");
        var run = SoraConfCli.RunIn(null, Japanese, "explain", "SORA1007");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(rule.Title.Japanese, run.Stdout);
        Assert.Contains(rule.Rationale.Japanese, run.Stdout);
        Assert.Contains("対処:", run.Stdout);

        var key = SoraCatalog.Default.Keys.Single(k => k.Name == "api_port");
        var keyRun = SoraConfCli.RunIn(null, Japanese, "explain", "api_port");
        Assert.Contains(key.Description.Japanese, keyRun.Stdout);
        Assert.Contains("既定値:", keyRun.Stdout);
    }

    [Fact]
    public void Keys_lists_the_schema_of_a_version()
    {
        var newest = SoraConfCli.Run("keys");
        Assert.Equal(0, newest.ExitCode);
        var rows = newest.StdoutLines.Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        var expected = SoraCatalog.Default.KeysIn(SoraCatalog.Default.NewestVersion).Select(k => k.Name).ToList();
        Assert.Equal(expected, rows.Select(r => r.Split('`')[1]).ToList());
        Assert.DoesNotContain(rows, r => r.StartsWith("| `e2ee`", StringComparison.Ordinal));

        var old = SoraConfCli.Run("keys", "--sora-version", "2024.1", "--format", "json");
        Assert.Equal(0, old.ExitCode);
        using var doc = JsonDocument.Parse(old.Stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("2024.1", doc.RootElement.GetProperty("soraVersion").GetString());
        var names = doc.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("name").GetString()!).ToList();
        Assert.Equal(SoraCatalog.Default.KeysIn("2024.1").Select(k => k.Name).ToList(), names);
        Assert.Contains("e2ee", names);
        var port = doc.RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "api_port");
        Assert.Equal("port", port.GetProperty("type").GetString());
        Assert.Equal("3000", port.GetProperty("default").GetString());
    }

    [Fact]
    public void New_starter_reports_its_placeholders_until_they_are_filled()
    {
        var created = SoraConfCli.Run("new");
        Assert.Equal(0, created.ExitCode);
        using var dir = new TempDir();
        dir.Write("sora.conf", created.Stdout);

        var lint = SoraConfCli.RunIn(dir.Path, null, "lint", "--fail-on", "info", "sora.conf");
        Assert.Equal(1, lint.ExitCode);
        var findings = lint.StdoutLines[..^1];
        Assert.Equal(3, findings.Length);
        Assert.All(findings, f => Assert.Contains(" warning SORA0010: ", f));
        Assert.Contains(findings, f => f.Contains("ipv4_address is still the placeholder 192.0.2.10"));
        Assert.Contains(findings, f => f.Contains("turn_fqdn is still the placeholder turn.example.com"));
        Assert.Contains(findings, f => f.Contains("turn_tls_fqdn is still the placeholder turn.example.com"));

        // The operator fills the placeholders with `set`; then lint finds nothing at all, not even an info.
        var set = SoraConfCli.RunIn(dir.Path, null, "set", "sora.conf", "ipv4_address=203.0.114.20", "turn_fqdn=turn.sora.co.jp", "turn_tls_fqdn=turn.sora.co.jp");
        Assert.Equal(0, set.ExitCode);
        var clean = SoraConfCli.RunIn(dir.Path, null, "lint", "--fail-on", "info", "sora.conf");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Equal(new[] { "no findings in 1 file" }, clean.StdoutLines);
        Assert.Equal(0, SoraConfCli.RunIn(dir.Path, null, "fmt", "--check", "sora.conf").ExitCode);
    }

    [Fact]
    public void New_starter_has_the_production_settings()
    {
        var text = SoraConfCli.Run("new").Stdout;
        foreach (var line in new[] { "api_loopback_address_only = true", "signaling_loopback_address_only = true", "ipv4_address = 192.0.2.10", "turn = true", "turn_tls = true", "turn_tls_port = 443" })
            Assert.Contains("\n" + line + "\n", text);
        Assert.Contains("for Sora 2023.1", SoraConfCli.Run("new", "--sora-version", "2023.1").Stdout);
        foreach (var version in SoraCatalog.Default.Versions)
        {
            using var dir = new TempDir();
            dir.Write("sora.conf", SoraConfCli.Run("new", "--sora-version", version).Stdout.Replace("192.0.2.10", "10.1.1.1").Replace("turn.example.com", "turn.sora.co.jp"));
            var lint = SoraConfCli.RunIn(dir.Path, null, "lint", "--sora-version", version, "--fail-on", "info", "sora.conf");
            Assert.True(lint.ExitCode == 0, version + ": " + lint);
        }
    }

    private static (string, int) Out(CliResult run) => (run.Stdout, run.ExitCode);
}
