using System.Text;
using Sora.Config.Fixes;

namespace Sora.Config.Tests.Syntax;

/// <summary>What the language server and `sora-conf fmt` share from the runtime: the formatter (as bytes and as edits),
/// template lines (<c># key = value</c>) and the "suppress with a reason" fix.</summary>
public sealed class FormatterAndTemplateTests
{
    private const string Messy = "# 設定\n  api_port=3000  \nlabel   =   東京 エッジ\r\n\t# tab = comment\nsignaling_port =\n= orphan\n";

    [Fact]
    public void Edits_applied_to_the_text_give_the_formatted_bytes()
    {
        var document = SoraConfDocument.Parse(Messy);
        var edits = SoraConfFormatter.GetEdits(document);
        Assert.Equal(new[] { 2, 3 }, edits.Select(e => e.Line));
        Assert.Equal(Encoding.UTF8.GetString(SoraConfFormatter.Format(Encoding.UTF8.GetBytes(Messy))), Apply(Messy, edits));
        Assert.Equal("# 設定\napi_port = 3000\nlabel = 東京 エッジ\r\n\t# tab = comment\nsignaling_port =\n= orphan\n", Apply(Messy, edits));
        Assert.Empty(SoraConfFormatter.GetEdits(SoraConfDocument.Parse(Apply(Messy, edits))));
    }

    [Fact]
    public void A_line_that_is_not_utf8_is_kept_byte_for_byte()
    {
        var bytes = new byte[] { (byte)'l', (byte)'a', (byte)'b', (byte)'e', (byte)'l', (byte)'=', 0xE9, (byte)'\n', (byte)'a', (byte)'=', (byte)'b', (byte)'\n' };
        var formatted = SoraConfFormatter.Format(bytes);
        Assert.Equal(bytes.Take(8).Concat(Encoding.UTF8.GetBytes("a = b\n")), formatted);
        Assert.Equal(new[] { 2 }, SoraConfFormatter.GetEdits(SoraConfDocument.Parse(bytes)).Select(e => e.Line));
    }

    [Theory]
    [InlineData("# api_port = 3000", "api_port")]
    [InlineData("## signaling_port=5000", "signaling_port")]
    [InlineData("  #  # label   =", "label")]
    [InlineData("# see the manual", null)]
    [InlineData("# = 1", null)]
    [InlineData("api_port = 3000", null)]
    public void Template_key_of_a_line(string text, string? key)
    {
        Assert.Equal(key, SoraConfDocument.Parse(text + "\n").Lines[0].TemplateKey);
    }

    [Fact]
    public void Set_still_replaces_the_template_line_of_its_key_only()
    {
        var document = SoraConfDocument.Parse("# api_port_x = 1\n# api_port = 3000\n");
        document.Set("api_port", "3100");
        Assert.Equal("# api_port_x = 1\napi_port = 3100\n", document.ToString());
    }

    [Fact]
    public void Suppression_fix_needs_a_reason_before_it_hides_the_finding()
    {
        const string text = "  demo = true\n";
        var document = SoraConfDocument.Parse(text);
        var finding = SoraConfLinter.Lint(document).Single(d => d.Id == "SORA1007");
        var fix = SoraConfFixes.Suppression(document, finding)!;
        var withDirective = Apply(text, fix.Edits);
        Assert.Equal("  # sora-conf-disable-next-line SORA1007 -- \n  demo = true\n", withDirective);

        // No reason yet: the finding stays and the directive itself is reported.
        var ids = SoraConfLinter.Lint(SoraConfDocument.Parse(withDirective)).Select(d => d.Id).ToList();
        Assert.Contains("SORA1007", ids);
        Assert.Contains("SORA0009", ids);

        var withReason = withDirective.Replace("-- ", "-- lab host");
        var result = SoraConfLinter.Analyze(SoraConfDocument.Parse(withReason));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SORA1007" or "SORA0009");
        Assert.Equal("lab host", result.Suppressed.Single().Reason);
    }

    [Fact]
    public void Suppression_fix_is_offered_only_for_findings_on_a_key_line()
    {
        var document = SoraConfDocument.Parse("# sora-conf-disable-next-line SORA1007\n\t\ndemo = true\n");
        foreach (var d in SoraConfLinter.Lint(document))
        {
            var fix = SoraConfFixes.Suppression(document, d);
            if (d.Line == 3) Assert.NotNull(fix);
            else Assert.Null(fix);
        }
    }

    /// <summary>Applies non-overlapping edits (1-based line and UTF-16 column, LF lines; a column past the end of a line
    /// stands for its line feed) from the last to the first.</summary>
    internal static string Apply(string text, IEnumerable<SoraConfTextEdit> edits)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++) if (text[i] == '\n') starts.Add(i + 1);
        int Offset(int line, int column) => line > starts.Count ? text.Length : starts[line - 1] + column - 1;
        foreach (var e in edits.OrderByDescending(e => (e.Line, e.Column)))
        {
            int from = Offset(e.Line, e.Column), to = Offset(e.EndLine, e.EndColumn);
            text = text.Substring(0, from) + e.NewText + text.Substring(to);
        }
        return text;
    }
}
