using System.Text;
using System.Text.Json;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.IO;
using Sora.Config.Syntax;

namespace Sora.Config.Tests.Kvconf;

/// <summary>Severities against the real parser: over every case of the kvconf verdict corpus (Fixtures/kvconf), the
/// linter reports an error exactly when kvconf refused the file or crashed on it, and the error is on the line kvconf
/// named. docs/grammar.md documents the rules behind the verdicts.</summary>
public sealed class KvconfVerdictTests
{
    private sealed record Case(string Name, byte[] Input, string Verdict, int? Line, string? Error);

    [Fact]
    public void The_linter_reports_an_error_exactly_when_kvconf_refuses_or_crashes_and_on_its_line()
    {
        var mismatches = new List<string>();
        int count = 0;
        foreach (var c in Cases())
        {
            count++;
            if (Mismatch(c) is { } why) mismatches.Add(c.Name + ": " + why);
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {count} cases disagree:\n" + string.Join("\n", mismatches.Take(Environment.GetEnvironmentVariable("SORA_SHOW_ALL") is null ? 40 : 100000)));
        Assert.True(count > 4000, $"the corpus should hold thousands of cases; read {count}");
    }

    [Fact]
    public void The_harness_notices_an_error_kvconf_did_not_report()
    {
        // An accepted file the linter wrongly refused, and a refused file the linter wrongly accepted, must both be caught.
        Assert.NotNull(Mismatch(new Case("self/ok", Encoding.UTF8.GetBytes("api_port = 70000\n"), "ok", null, null)));
        Assert.NotNull(Mismatch(new Case("self/error", Encoding.UTF8.GetBytes("api_port = 3000\n"), "error", 1, "invalid_value")));
        Assert.NotNull(Mismatch(new Case("self/line", Encoding.UTF8.GetBytes("api_port = 3000\napi_port 1\n"), "error", 1, "invalid_line_format")));
        Assert.Null(Mismatch(new Case("self/agree", Encoding.UTF8.GetBytes("api_port = 3000\napi_port 1\n"), "error", 2, "invalid_line_format")));
    }

    /// <summary>Why the linter's verdict differs from kvconf's, or null when they agree.</summary>
    private static string? Mismatch(Case c)
    {
        // Only what a reader of the file decides: the file and its settings, not cross-key production rules.
        var errors = SoraConfFile.Read(c.Input, Options).Diagnostics
            .Where(d => d.Severity == SoraConfSeverity.Error && d.Rule.Scope != SoraRuleScope.Configuration).ToList();
        switch (c.Verdict)
        {
            case "ok":
                return errors.Count == 0 ? null : "kvconf accepts it; the linter reports " + Show(errors);
            case "crash":
                return errors.Any(d => d.Id == "SORA0008") ? null : "kvconf crashes on it; the linter reports " + Show(errors);
            default:
                if (errors.Count == 0) return $"kvconf refuses it ({c.Error} on line {c.Line}); the linter reports no error";
                return errors.Any(d => d.Line == c.Line) ? null : $"kvconf refuses it ({c.Error} on line {c.Line}); the linter's errors are elsewhere: " + Show(errors);
        }
    }

    private static string Show(IEnumerable<SoraConfDiagnostic> diagnostics) =>
        string.Join("; ", diagnostics.Select(d => $"{d.Id} {d.Line}:{d.Column} {d.GetMessage(null)}"));

    /// <summary>The corpus ran kvconf with every schema key registered, whatever its versions: the linter runs on the
    /// bundled catalogue with every key present in every version (since/removed dropped), nothing else changed.</summary>
    private static readonly SoraConfEvaluationOptions Options = new() { Catalog = Unversioned(SoraCatalog.Default) };

    private static SoraCatalog Unversioned(SoraCatalog catalog) => new(
        catalog.Versions,
        catalog.Keys.Select(k => KeyCopy.Of(k, unversioned: true)).ToList(),
        catalog.Rules);

    private static IEnumerable<Case> Cases()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "kvconf", "corpus.jsonl");
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            yield return new Case(
                root.GetProperty("name").GetString()!,
                Convert.FromBase64String(root.GetProperty("input").GetString()!),
                root.GetProperty("verdict").GetString()!,
                root.TryGetProperty("line", out var l) ? l.GetInt32() : null,
                root.TryGetProperty("error", out var e) ? e.GetString() : null);
        }
    }
}
