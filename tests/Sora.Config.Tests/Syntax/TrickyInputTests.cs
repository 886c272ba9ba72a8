using System.Text;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.IO;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Tests.Syntax;

/// <summary>One test per row of the tricky-inputs table (sora-conf-format.md §7): how Sora (kvconf)
/// reads the input, and what Sora.Config reports for it.</summary>
public class TrickyInputTests
{
    private static IReadOnlyList<SoraConfDiagnostic> Lint(string text) => SoraConfLinter.Lint(SoraConfDocument.Parse(text));

    private static IReadOnlyList<SoraConfDiagnostic> Lint(byte[] bytes) => SoraConfLinter.Lint(SoraConfDocument.Parse(bytes));

    private static string[] FileIds(IEnumerable<SoraConfDiagnostic> diagnostics) =>
        diagnostics.Where(d => d.Id.StartsWith("SORA0", StringComparison.Ordinal) || d.Id.StartsWith("SORA2", StringComparison.Ordinal)).Select(d => d.Id).ToArray();

    [Theory]
    [InlineData("label=value")]
    [InlineData("label = value")]
    [InlineData("  label = value")]
    [InlineData("\tlabel = value")]
    [InlineData("label = value   ")]
    [InlineData("label\t=\tvalue")]
    public void Spacing_around_key_and_value_is_trimmed(string line)
    {
        var doc = SoraConfDocument.Parse(line + "\n");
        Assert.Equal("label", doc.Lines[0].Key);
        Assert.Equal("value", doc.Lines[0].Value);
        Assert.Empty(FileIds(Lint(line + "\n")));
    }

    [Fact]
    public void String_with_hash_keeps_the_comment_in_the_value_and_warns()
    {
        var doc = SoraConfDocument.Parse("label = abc # comment\n");
        Assert.Equal("abc # comment", doc.Lines[0].Value);
        var d = Assert.Single(Lint("label = abc # comment\n"), x => x.Id == "SORA0005");
        Assert.Equal((1, 9, 22), (d.Line, d.Column, d.EndColumn));
        Assert.Contains("# comment", d.Message);
    }

    [Fact]
    public void Bool_with_inline_comment_is_an_invalid_value()
    {
        var ids = FileIds(Lint("api_loopback_address_only = true # yes\n"));
        Assert.Contains("SORA0003", ids);
        Assert.Contains("SORA0005", ids);
    }

    [Fact]
    public void Value_may_contain_equals_signs()
    {
        var doc = SoraConfDocument.Parse("label = a=b=c\n");
        Assert.Equal(("label", "a=b=c"), (doc.Lines[0].Key, doc.Lines[0].Value));
    }

    [Fact]
    public void Quotes_are_kept_literally()
    {
        Assert.Equal("\"quoted\"", SoraConfDocument.Parse("label = \"quoted\"").Lines[0].Value);
    }

    [Theory]
    [InlineData("label =", null)]
    [InlineData("api_port =", "SORA0003")]
    [InlineData("demo =", "SORA0003")]
    [InlineData("webhook_response_timeout =", "SORA0003")]
    public void Empty_value_is_an_empty_string_but_invalid_for_typed_keys(string line, string? expected)
    {
        var ids = FileIds(Lint(line + "\n"));
        if (expected is null) Assert.Empty(ids);
        else Assert.Contains(expected, ids);
    }

    [Fact]
    public void Crlf_entry_lines_are_read_with_the_cr_trimmed()
    {
        var file = SoraConfFile.Read("api_loopback_address_only = true\r\nsignaling_loopback_address_only = true\r\n");
        Assert.Equal(true, file.Values["api_loopback_address_only"]);
        Assert.Empty(FileIds(file.Diagnostics));
    }

    [Fact]
    public void Crlf_blank_line_is_rejected_at_its_line()
    {
        var d = Assert.Single(Lint("api_port = 3000\r\n\r\nsignaling_port = 5000\r\n"), x => x.Id == "SORA0007");
        Assert.Equal(2, d.Line);
        Assert.Contains("CR", d.Message);
    }

    [Fact]
    public void Crlf_comment_is_fine()
    {
        Assert.Empty(FileIds(Lint("# a comment\r\napi_port = 3000\r\n")));
    }

    [Fact]
    public void Line_of_spaces_only_is_skipped()
    {
        var doc = SoraConfDocument.Parse("   \n");
        Assert.Equal(SoraConfLineKind.Blank, doc.Lines[0].Kind);
        Assert.Empty(FileIds(Lint("   \n")));
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("  \r")]
    public void Blank_line_with_tab_or_cr_is_rejected(string line)
    {
        var d = Assert.Single(Lint("api_port = 3000\n" + line + "\n"), x => x.Id == "SORA0007");
        Assert.Equal((2, 1), (d.Line, d.Column));
        Assert.Equal(SoraConfSeverity.Error, d.Severity);
    }

    [Fact]
    public void Tab_indented_comment_is_rejected()
    {
        var d = Assert.Single(Lint("\t# comment\n"), x => x.Id == "SORA0007");
        Assert.Equal(1, d.Line);
        Assert.Contains("indented", d.Message);
    }

    [Fact]
    public void Tab_indented_comment_with_equals_is_reported_as_misread_comment_not_unknown_key()
    {
        var doc = SoraConfDocument.Parse("\t# note = x\n");
        Assert.Equal("# note", doc.Lines[0].Key);
        // docs/grammar.md#skip-lines: Sora accepts the line as the setting '# note' (not a refusal, so not SORA0007).
        var ids = FileIds(Lint("\t# note = x\n"));
        Assert.Equal(new[] { "SORA0012" }, ids);
    }

    [Fact]
    public void Space_indented_comment_is_skipped()
    {
        Assert.Equal(SoraConfLineKind.Comment, SoraConfDocument.Parse("   # comment").Lines[0].Kind);
        Assert.Empty(FileIds(Lint("   # comment\n")));
    }

    [Fact]
    public void Bom_before_a_comment_makes_sora_refuse_the_file_and_is_an_error()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("# sora.conf\napi_port = 3000\n")).ToArray();
        var d = Assert.Single(SoraConfFile.Read(bytes).Diagnostics, x => x.Id == "SORA0006");
        Assert.Equal(SoraConfSeverity.Error, d.Severity);
    }

    [Fact]
    public void Bom_before_first_key_makes_that_key_unknown_to_sora()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("api_loopback_address_only = true\n")).ToArray();
        var file = SoraConfFile.Read(bytes);
        var d = Assert.Single(file.Diagnostics, x => x.Id == "SORA0006");
        Assert.Equal((1, 1), (d.Line, d.Column));
        // Sora starts (it reads the key wrongly, it does not refuse the file): the rule's accepted severity.
        Assert.Equal(SoraConfSeverity.Warning, d.Severity);
        Assert.Contains("api_loopback_address_only", d.Message);
        Assert.DoesNotContain(file.Diagnostics, x => x.Id == "SORA0004");
        // Sora keeps the default (false), so the production rule fires too: that is what Sora would run with.
        Assert.Contains(file.Diagnostics, x => x.Id == "SORA1001");
        Assert.False(file.Values.ContainsKey("api_loopback_address_only"));
    }

    [Fact]
    public void Bom_before_a_comment_makes_sora_refuse_the_file()
    {
        var d = Assert.Single(Lint("\uFEFF# comment\napi_port = 3000\n"), x => x.Id == "SORA0006");
        Assert.Contains("refuse", d.Message);
    }

    [Fact]
    public void Cr_only_line_endings_are_one_long_line()
    {
        var doc = SoraConfDocument.Parse("api_port = 3000\rsignaling_port = 5000\r");
        Assert.Single(doc.Lines);
        Assert.Contains("SORA0003", FileIds(Lint("api_port = 3000\rsignaling_port = 5000\r")));
    }

    [Fact]
    public void Unknown_key_is_a_warning_with_a_suggestion()
    {
        var d = Assert.Single(Lint("api_loopback_adress_only = true\n"), x => x.Id == "SORA0004");
        Assert.Equal(SoraConfSeverity.Warning, d.Severity);
        Assert.Contains("did you mean 'api_loopback_address_only'", d.Message);
        Assert.Equal((1, 1, 25), (d.Line, d.Column, d.EndColumn));
    }

    [Fact]
    public void Wrong_case_key_is_unknown_and_suggests_the_real_one()
    {
        var d = Assert.Single(Lint("DEMO = true\n"), x => x.Id == "SORA0004");
        Assert.Contains("'demo'", d.Message);
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence_even_with_equal_values()
    {
        var d = Assert.Single(Lint("demo = false\n demo = false\n"), x => x.Id == "SORA0002");
        Assert.Equal((2, 2), (d.Line, d.Column));
        Assert.Contains("line 1", d.Message);
    }

    [Fact]
    public void Line_without_equals_is_invalid()
    {
        var d = Assert.Single(Lint("api_port 3000\n"), x => x.Id == "SORA0001");
        Assert.Equal((1, 1, 14), (d.Line, d.Column, d.EndColumn));
    }

    [Fact]
    public void Empty_key_is_read_as_a_setting_named_nothing_and_a_second_one_is_a_duplicate()
    {
        // docs/grammar.md#entry-lines: kvconf reads '= value' as the key '' and ignores it; twice is duplicated_key.
        Assert.Equal(new[] { "SORA0012" }, FileIds(Lint("= value\n")));
        Assert.Contains("SORA0002", FileIds(Lint("= a\n= b\n")));
    }

    [Theory]
    [InlineData("TRUE")]
    [InlineData("True")]
    [InlineData("yes")]
    [InlineData("1")]
    public void Booleans_other_than_lowercase_true_false_are_invalid(string value)
    {
        var d = Assert.Single(Lint($"demo = {value}\n"), x => x.Id == "SORA0003");
        Assert.Equal(8, d.Column);
        Assert.Contains("true or false", d.Message);
    }

    [Theory]
    [InlineData("+5", true)]
    [InlineData("05", true)]
    [InlineData("1_0", false)]
    [InlineData("1.0", false)]
    [InlineData("16#A", false)]
    [InlineData("0x10", false)]
    public void Integer_spellings(string value, bool ok)
    {
        Assert.Equal(ok, !FileIds(Lint($"event_webhook_worker_number = {value}\n")).Contains("SORA0003"));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("65535", true)]
    [InlineData("65536", false)]
    [InlineData("-1", false)]
    public void Port_range_is_inclusive_and_zero_is_accepted(string value, bool ok)
    {
        Assert.Equal(ok, !FileIds(Lint($"api_port = {value}\n")).Contains("SORA0003"));
    }

    [Theory]
    [InlineData("192.0.2.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("192.0.2.01", false)]
    [InlineData("10.1", false)]
    [InlineData("::1", false)]
    [InlineData("192.0.2.1:80", false)]
    [InlineData("256.0.0.1", false)]
    public void Ipv4_is_strict(string value, bool ok)
    {
        Assert.Equal(ok, !FileIds(Lint($"ipv4_address = {value}\n")).Contains("SORA0003"));
    }

    [Theory]
    [InlineData("2001:db8::1", null)]
    [InlineData("::ffff:192.0.2.1", null)]
    [InlineData("[::1]", "SORA0003")]
    [InlineData("192.0.2.1", "SORA0003")]
    [InlineData("2001:db8::1/64", "SORA0003")]
    [InlineData("fe80::1%eth0", "SORA0012")]
    public void Ipv6_is_strict_and_a_zone_is_reported_because_sora_drops_it(string value, string? expected)
    {
        // docs/grammar.md#value-ipv6: Sora accepts a zone and drops it, so it is questionable, not invalid.
        var ids = FileIds(Lint($"ipv6_address = {value}\n")).Where(id => id is "SORA0003" or "SORA0012");
        Assert.Equal(expected is null ? [] : new[] { expected }, ids);
    }

    [Theory]
    [InlineData("https://hooks.sora.internal/hook", null)]
    [InlineData("http://127.0.0.1:8080/sora/auth", null)]
    [InlineData("HTTP://hooks.sora.internal/", "SORA0003")]
    [InlineData("https://hooks.sora.internal:99999/", "SORA0012")]
    [InlineData("http:///path", "SORA0012")]
    [InlineData("ws://hooks.sora.internal/", "SORA0003")]
    [InlineData("hooks.sora.internal", "SORA0003")]
    [InlineData("https://exa mple.com/", "SORA0003")]
    public void Url_scheme_case_host_and_port(string value, string? expected)
    {
        // docs/grammar.md#value-url: the scheme is matched exactly; a URL without a host or with a port no connection
        // can use is accepted by Sora 2023.x, so it is questionable, not invalid.
        var ids = FileIds(Lint($"auth_webhook_url = {value}\n")).Where(id => id is "SORA0003" or "SORA0012");
        Assert.Equal(expected is null ? [] : new[] { expected }, ids);
    }

    [Fact]
    public void Upper_case_scheme_says_how_to_fix_it()
    {
        var d = Assert.Single(Lint("auth_webhook_url = HTTPS://example.com/\n"), x => x.Id == "SORA0003");
        Assert.Contains("lowercase", d.Message);
    }

    [Theory]
    [InlineData("30 s", true)]
    [InlineData("30   s", true)]
    [InlineData("1_000 ms", true)]
    [InlineData("30s", false)]
    [InlineData("30", false)]
    [InlineData("30 sec", false)]
    [InlineData("30 S", false)]
    [InlineData("30 us", false)]
    [InlineData("1.5 s", false)]
    [InlineData("30 s x", false)]
    [InlineData("30\ts", false)]
    [InlineData("-5 s", false)]
    public void Interval_syntax(string value, bool ok)
    {
        Assert.Equal(ok, !FileIds(Lint($"webhook_response_timeout = {value}\n")).Contains("SORA0003"));
    }

    [Fact]
    public void Interval_underscores_are_removed_before_parsing()
    {
        var file = SoraConfFile.Read("webhook_response_timeout = 1__2__0 ms\n");
        Assert.Equal(new SoraInterval(120, SoraTimeUnit.Millisecond), file.Values["webhook_response_timeout"]);
    }

    [Fact]
    public void Last_line_without_newline_is_read()
    {
        var file = SoraConfFile.Read("demo = false");
        Assert.Equal(false, file.Values["demo"]);
        Assert.False(file.Document.HasFinalNewline);
    }

    [Fact]
    public void Tab_inside_a_value_is_kept()
    {
        Assert.Equal("a\tb", SoraConfDocument.Parse("label = a\tb").Lines[0].Value);
    }

    [Fact]
    public void Nbsp_and_ideographic_space_are_not_trimmed()
    {
        Assert.Equal("\u00A0x\u3000", SoraConfDocument.Parse("label = \u00A0x\u3000").Lines[0].Value);
    }

    [Fact]
    public void Japanese_text_is_fine()
    {
        var file = SoraConfFile.Read("# 本番用の設定\nlabel = 東京エッジ\n");
        Assert.Equal("東京エッジ", file.Values["label"]);
        Assert.Empty(FileIds(file.Diagnostics));
    }

    [Fact]
    public void Invalid_utf8_inside_a_value_is_passed_over_by_sora_and_reported_as_questionable_with_its_column()
    {
        // docs/grammar.md#invalid-utf-8: after a non-space character inside a string value, kvconf does not crash.
        var bytes = Encoding.ASCII.GetBytes("label = ab").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.ASCII.GetBytes("\n")).ToArray();
        var d = Assert.Single(Lint(bytes), x => x.Id.StartsWith("SORA0", StringComparison.Ordinal));
        Assert.Equal(("SORA0012", 1, 11), (d.Id, d.Line, d.Column));
    }

    [Fact]
    public void Invalid_utf8_at_the_start_of_a_value_crashes_sora_and_is_an_error()
    {
        var bytes = Encoding.ASCII.GetBytes("label = ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.ASCII.GetBytes("\n")).ToArray();
        var d = Assert.Single(Lint(bytes), x => x.Id.StartsWith("SORA0", StringComparison.Ordinal));
        Assert.Equal(("SORA0008", SoraConfSeverity.Error, 1, 9), (d.Id, d.Severity, d.Line, d.Column));
    }

    [Fact]
    public void Invalid_utf8_in_a_key_is_reported()
    {
        var bytes = new byte[] { 0xFF, (byte)'k', (byte)'=', (byte)'1', (byte)'\n' };
        Assert.Contains(Lint(bytes), x => x.Id == "SORA0008" && x.Line == 1 && x.Column == 1);
    }

    [Fact]
    public void Nul_byte_is_reported()
    {
        // Sora reads it as part of the value; it is never what was meant.
        var d = Assert.Single(Lint("label = a\0b\n"), x => x.Id == "SORA0012");
        Assert.Equal(10, d.Column);
    }

    [Fact]
    public void Empty_file_is_valid_and_takes_every_default()
    {
        var doc = SoraConfDocument.Parse("");
        Assert.Empty(doc.Lines);
        Assert.Empty(FileIds(Lint("")));
        Assert.Equal(Array.Empty<byte>(), doc.ToBytes());
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once()
    {
        const string text = "api_port 3000\ndemo = yes\nwebhook_response_timeout = 30s\napi_port = 1\napi_port = 2\n\t\nzzz = 1\n";
        var ids = FileIds(Lint(text));
        Assert.Equal(new[] { "SORA0001", "SORA0003", "SORA0003", "SORA0002", "SORA0007", "SORA0011" }, ids);
    }
}
