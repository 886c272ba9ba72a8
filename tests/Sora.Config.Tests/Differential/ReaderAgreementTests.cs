using System.Text;
using System.Text.Json;
using CsCheck;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.IO;
using Sora.Config.Syntax;

namespace Sora.Config.Tests.Differential;

/// <summary>One grammar, several readers: the lossless document with the linter (<see cref="SoraConfFile"/>) and a
/// generated class's typed fast path (<c>SoraConf.TryParse</c>) must agree on every input — the same accept/reject and
/// the same findings of the file and its settings (rule ID, severity, line, columns, message). Inputs: random files
/// built from the pieces the grammar is sensitive to, mutations of them, and every file of the kvconf verdict corpus.</summary>
public sealed class ReaderAgreementTests
{
    private static Gen<T> Pick<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    // Keys: known ones of several types, a typo, an unknown one, an empty key, a '#'-led key, a key of another version.
    private static readonly Gen<string> Key = Pick(
        "api_port", "signaling_port", "ipv4_address", "ipv6", "ipv6_address", "label", "demo", "turn", "turn_tls_fqdn",
        "auth_webhook_url", "webhook_response_timeout", "webhook_basic_authn_password", "api_cors_origin",
        "api_loopback_adress_only", "future_key", "", "# note", "e2ee", "API_PORT", "label\u00A0");

    // Values: valid and invalid spellings for the types above, inline comments, quotes, odd whitespace, placeholders.
    private static readonly Gen<string> Value = Pick(
        "3000", "70000", "+5", "05", "1_0", "", "true", "True", "false # off", "192.0.2.10", "10.0.0.1", "10.0.0.01", "::1", "[::1]",
        "fe80::1%eth0", "edge-1", "edge-1 # tokyo", "\"quoted\"", "a=b=c", "30 s", "30s", "1_000 ms", "5 min", "https://auth.sora.internal/x",
        "HTTP://a.sora.internal/", "http://hooks.example.com/e", "https://a.sora.internal:99999/", "s3cr3t", "日本語", "x\ty", "\u3000x\u3000");

    private static readonly Gen<string> Separator = Pick(" = ", "=", "\t=\t", "  =", "= ", " ==  ");

    private static readonly Gen<string> Line = Gen.Frequency(
        (6, Gen.Select(Pick("", " ", "  ", "\t"), Key, Separator, Value, (i, k, s, v) => i + k + s + v)),
        (2, Pick("# comment", "## section", "   # indented", "\t# tab comment", "\t# note = x", "#", "# api_port = 3000", "# 日本語のコメント")),
        (2, Pick("", "   ", "\t", "\r", " \r", "\u00A0", "\f")),
        (1, Pick("api_port 3000", "no equals here", "[section]", "\uFEFF# bom comment")),
        (1, Pick("# sora-conf-disable-next-line SORA1007 -- staging", "# sora-conf-disable-next-line SORA1007", "# sora-conf-disable-next-line SORA9999 -- x", "# sora-conf-enable")),
        (1, Pick("label = a\0b", "# a\0b", "\0")));

    private static readonly Gen<string> File = Gen.Select(
        Line.Array[0, 25], Pick("\n", "\r\n"), Gen.Bool, Gen.Bool,
        (lines, eol, final, bom) => (bom ? "\uFEFF" : "") + string.Join(eol, lines) + (final && lines.Length > 0 ? eol : ""));

    [Fact]
    public void Typed_parse_and_the_linter_agree_on_random_files() =>
        File.Sample(AssertAgreement, iter: 3000);

    /// <summary>The scan that passes over comment lines works in blocks of 64 or 32 characters and one character at a
    /// time at the end: a mark just before, at and after a block's edge (the first and the second), in the last characters,
    /// and as the very last one.</summary>
    [Fact]
    public void Typed_parse_and_the_linter_agree_on_marks_at_every_offset()
    {
        string[] marks = ["\0", "\r", "-", "\r\n", "\n# sora-conf-disable-next-line SORA0004 -- kept\nno_such_key = 1", "\n#sora-conf-nonsense"];
        foreach (var mark in marks)
        {
            for (int pad = 0; pad < 160; pad++)
            {
                var before = "api_port = 3000\n#" + new string('x', pad);
                AssertAgreement(before + mark + "\nsignaling_port = 5000\n#" + new string('y', pad % 40) + "\n");
                AssertAgreement(before + mark);
            }
        }
    }

    [Fact]
    public void Typed_parse_and_the_linter_agree_on_entry_lines_of_every_length()
    {
        // The typed path finds an entry line's end and first '=' in one pass of 32-character blocks (16 with 128-bit
        // vectors): put the '=', a second '=', a NUL, a CR (lone or before the line feed) and the end of the text on both
        // sides of each block's edge.
        for (int pad = 0; pad < 80; pad++)
        {
            var x = new string('x', pad);
            var spaces = new string(' ', pad);
            AssertAgreement("label" + spaces + "= v\nsignaling_port = 5000\n");
            AssertAgreement("# c\nlabel = " + x + "=y\napi_port = 3000\n");
            AssertAgreement("label = " + x + "\0y\napi_port = 3000\n");
            AssertAgreement("lab" + x + "\0el = v\n");
            AssertAgreement("label = " + x + "\r\napi_port = 3000\r\n");
            AssertAgreement("label = " + x + "\ry\napi_port = 3000\n");
            AssertAgreement("label = v" + x + "\r");
            AssertAgreement("label" + x + "\napi_port = 3000\n");
            AssertAgreement("api_port = 3000\nlabel = " + x);
            AssertAgreement("api_port = 3000\nlabel" + x);
        }
    }

    [Fact]
    public void Typed_parse_and_the_linter_agree_on_the_kvconf_corpus()
    {
        int count = 0;
        foreach (var text in CorpusTexts())
        {
            AssertAgreement(text);
            count++;
        }
        Assert.True(count > 4000, $"the corpus should hold thousands of files; read {count}");
    }

    [Fact]
    public void The_harness_notices_a_disagreement()
    {
        // A reader that drops the first finding must be caught: the comparison is not vacuous.
        var text = "api_port = 70000\nlabel = x # y\n";
        var expected = Findings(SoraConfFile.Read(text).Diagnostics);
        Assert.NotEmpty(expected);
        Assert.NotEqual(expected, expected.Skip(1).ToList());
    }

    /// <summary>Line by line, the document is the text it was parsed from (lossless).</summary>
    [Fact]
    public void The_document_gives_back_the_text_and_the_bytes() =>
        File.Sample(text =>
        {
            Assert.Equal(text, SoraConfDocument.Parse(text).ToString());
            var bytes = new UTF8Encoding(false).GetBytes(text);
            var fromBytes = SoraConfDocument.Parse(bytes);
            Assert.Equal(bytes, fromBytes.ToBytes());
            Assert.Equal(SoraConfDocument.Parse(text).Lines.Select(l => (l.Kind, l.Key, l.Value)), fromBytes.Lines.Select(l => (l.Kind, l.Key, l.Value)));
        }, iter: 1000);

    private static void AssertAgreement(string text)
    {
        // The linter's findings that a reader of the file can know: those of the file itself and of each setting.
        var file = SoraConfFile.Read(text);
        var expected = Findings(file.Diagnostics.Where(d => d.Rule.Scope != SoraRuleScope.Configuration));
        bool accepted = SoraConf.TryParse(text, out var conf, out var diagnostics);
        // The one documented difference (docs/generator.md#values-a-class-cannot-hold): a value Sora accepts but the class's
        // property type cannot hold (a URL without a host, a number beyond 64 bits) is refused by the class, beside the
        // linter's SORA0012 on it.
        var unrepresentable = file.Document.Lines
            .Where(l => l.Kind == SoraConfLineKind.Entry && SoraCatalog.Default.TryGetKey(l.Key!, out var k) && k.ExistsIn(SoraCatalog.Default.NewestVersion)
                && file.Document.Find(l.Key!) == l && Values.SoraValueCodec.TryParse(k, l.Value!, out var v, out _) && Values.SoraValueCodec.IsHeldAsText(k, v))
            .Select(l => file.Document.Lines.ToList().IndexOf(l) + 1).ToList();
        var refusals = diagnostics.Where(d => d.Id == "SORA0003" && d.Message.Contains("property cannot hold", StringComparison.Ordinal)).ToList();
        if (refusals.Count > 0) Assert.Contains(refusals[0].Line, unrepresentable);
        var actual = Findings(diagnostics.Except(refusals));
        Assert.True(expected.SequenceEqual(actual), $"for {Show(text)}\nlinter:\n  {string.Join("\n  ", expected)}\ntyped parse:\n  {string.Join("\n  ", actual)}");
        Assert.True((!expected.Any(f => f.StartsWith("error", StringComparison.Ordinal)) && unrepresentable.Count == 0) == accepted, $"accepted {accepted} for {Show(text)}");
        // Parse, which keeps no warnings, throws exactly when TryParse says false, with the same findings.
        SoraConf? parsed = null;
        var thrown = Record.Exception(() => parsed = SoraConf.Parse(text));
        Assert.True(thrown is null or SoraConfParseException, $"Parse threw {thrown} for {Show(text)}");
        Assert.True(accepted == thrown is null, $"Parse threw {thrown?.GetType().Name ?? "nothing"}, TryParse said {accepted}, for {Show(text)}");
        if (thrown is SoraConfParseException parseError) Assert.Equal(Findings(diagnostics), Findings(parseError.Diagnostics));
        if (parsed != null) Assert.Equal(conf!.ToSettings(), parsed.ToSettings());
        if (!accepted) return;
        // The typed values are the linter's values of the same file.
        var typed = conf!.ToSettings().Where(p => file.Document.Find(p.Key) is not null && SoraCatalog.Default.TryGetKey(p.Key, out var k) && k.ExistsIn(SoraCatalog.Default.NewestVersion));
        foreach (var (key, value) in typed)
        {
            Assert.True(file.Values.TryGetValue(key, out var read), $"{key} for {Show(text)}");
            var info = SoraCatalog.Default.Keys.First(k => k.Name == key);
            Assert.True(Values.SoraValueCodec.TryParse(info, value, out var typedValue, out _), $"{key} = {value}");
            Assert.Equal(Normalized(read), Normalized(typedValue!));
        }
    }

    /// <summary>A value as a comparable text: an interval by its length (a typed TimeSpan keeps no unit), else its spelling.</summary>
    private static string Normalized(object value) => value switch
    {
        Values.SoraInterval interval => interval.TotalMilliseconds + " ms",
        System.Collections.IEnumerable list and not string => string.Join(",", list.Cast<object>().Select(Normalized)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static List<string> Findings(IEnumerable<SoraConfDiagnostic> diagnostics) =>
        diagnostics.Select(d => $"{SoraConfDiagnostic.SeverityText(d.Severity)} {d.Id} {d.Line}:{d.Column}-{d.EndLine}:{d.EndColumn} {d.GetMessage(null)}").ToList();

    private static string Show(string text) => JsonSerializer.Serialize(text);

    /// <summary>Every file of the kvconf verdict corpus, as the text a caller of Parse would hold (invalid UTF-8 decoded
    /// with replacement characters, as .NET decodes it).</summary>
    private static IEnumerable<string> CorpusTexts()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "kvconf", "corpus.jsonl");
        foreach (var line in System.IO.File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            yield return Encoding.UTF8.GetString(Convert.FromBase64String(json.RootElement.GetProperty("input").GetString()!));
        }
    }
}
