using Sora.Config;
using Sora.Config.Catalog;
using Sora.Config.CodeGeneration;
using Sora.Config.Diagnostics;
using Sora.Config.Values;

namespace Sora.Config.Tests.Binding;

/// <summary><see cref="SoraConfBinding.Parse"/> (a generated class's <c>Parse</c>) keeps no warnings, so it asks a clean
/// file's settings only of the checks whose rules report errors; it still throws whatever an error rule finds.</summary>
public sealed class StrictParseTests
{
    private static readonly SoraKeyInfo TurnFqdn = SoraCatalog.Default.TryGetKey("turn_fqdn", out var key) ? key : throw new InvalidOperationException();

    private static readonly SoraKeyInfo Turn = SoraCatalog.Default.TryGetKey("turn", out var key) ? key : throw new InvalidOperationException();

    private sealed class HostClass(SoraKeyInfo key) : ISoraConfBinding
    {
        public HostClass()
            : this(TurnFqdn)
        {
        }

        public object? Value { get; private set; }

        public SoraKeyInfo[] BindingKeys { get; } = [key];

        public SoraConfUnknownKeys UnknownKeys { get; } = new SoraConfUnknownKeys();

        public SoraValueError? Apply(int index, ReadOnlySpan<char> value)
        {
            var error = SoraConfBinding.Read(BindingKeys[index], value, out var read);
            if (error is null) Value = read;
            return error;
        }
    }

    private const string Placeholder = "# TURN\nturn_fqdn = turn.example.com\n";

    [Fact]
    public void A_warning_does_not_stop_Parse_and_TryParse_still_reports_it()
    {
        var parsed = new HostClass();
        SoraConfBinding.Parse(Placeholder, parsed, SoraCatalog.Default, "2025.2");
        Assert.Equal("turn.example.com", parsed.Value);

        Assert.True(SoraConfBinding.Read(Placeholder, new HostClass(), SoraCatalog.Default, "2025.2", out var diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal(("SORA0010", SoraConfSeverity.Warning, 2), (d.Id, d.Severity, d.Line));
    }

    [Fact]
    public void Parse_throws_when_a_catalogue_makes_an_entry_check_report_errors()
    {
        // A project's schema may raise a rule to an error: Parse must then ask that rule's check, as TryParse does.
        var rules = SoraCatalog.Default.Rules.Select(r => r.Check.Kind == "placeholder" ? AsError(r) : r).ToArray();
        var catalog = SoraCatalogFactory.Catalog(["2025.2"], [TurnFqdn], rules);

        var thrown = Assert.Throws<SoraConfParseException>(() => SoraConfBinding.Parse(Placeholder, new HostClass(), catalog, "2025.2"));
        var d = Assert.Single(thrown.Diagnostics);
        Assert.Equal(("SORA0010", SoraConfSeverity.Error, 2), (d.Id, d.Severity, d.Line));

        SoraConfBinding.Parse("turn_fqdn = turn.sora.internal\n", new HostClass(), catalog, "2025.2");
    }

    [Theory]
    [InlineData("questionable_value", "# a\0b\n", "SORA0012")]
    [InlineData("questionable_value", "# a\rb\n", "SORA0012")]
    [InlineData("suppression", "# sora-conf-nonsense\n", "SORA0009")]
    public void Parse_reads_comments_only_for_the_error_rules_that_report_on_them(string kind, string comment, string id)
    {
        // Parse passes over comment lines unread unless an error rule's check reports on something in them: with the
        // bundled catalogue (where that rule warns) the file parses, TryParse still warns, and a project's schema that
        // raises the rule to an error makes Parse throw it. The setting is a boolean, which no check but the comment's
        // flags, so only the comment can make Parse read the file again. The comment follows it: the search that passes
        // over comment lines is what must look (the first line is always read whole), with the mark, behind a comment of
        // growing length, before, on and after the edges of its first and second blocks.
        var rules = SoraCatalog.Default.Rules.Select(r => r.Check.Kind == kind ? AsError(r) : r).ToArray();
        var raised = SoraCatalogFactory.Catalog(["2025.2"], [Turn], rules);
        for (int pad = 0; pad < 150; pad++)
        {
            var text = "turn = true\n#" + new string('x', pad) + "\n" + comment;
            var parsed = new HostClass(Turn);
            SoraConfBinding.Parse(text, parsed, SoraCatalog.Default, "2025.2");
            Assert.Equal(true, parsed.Value);
            Assert.True(SoraConfBinding.Read(text, new HostClass(Turn), SoraCatalog.Default, "2025.2", out var warnings));
            Assert.Equal((id, SoraConfSeverity.Warning, 3), (warnings[0].Id, warnings[0].Severity, warnings[0].Line));

            var thrown = Assert.Throws<SoraConfParseException>(() => SoraConfBinding.Parse(text, new HostClass(Turn), raised, "2025.2"));
            Assert.Contains(thrown.Diagnostics, d => (d.Id, d.Severity, d.Line) == (id, SoraConfSeverity.Error, 3));
        }
    }

    [Fact]
    public void TryParse_applies_a_suppression_comment_when_the_catalogue_has_no_suppression_rule()
    {
        // A suppression comment hides any rule's finding: TryParse must leave a file holding one to the linter even when
        // no rule of the catalogue reads such comments itself.
        var rules = SoraCatalog.Default.Rules.Where(r => r.Check.Kind != "suppression").ToArray();
        var catalog = SoraCatalogFactory.Catalog(["2025.2"], [TurnFqdn], rules);
        var text = "# TURN\n# sora-conf-disable-next-line SORA0010 -- a documentation host, on purpose\nturn_fqdn = turn.example.com\n";
        Assert.True(SoraConfBinding.Read(text, new HostClass(), catalog, "2025.2", out var diagnostics));
        Assert.Empty(diagnostics);
        Assert.True(SoraConfBinding.Read(Placeholder, new HostClass(), catalog, "2025.2", out var unsuppressed));
        Assert.Equal("SORA0010", Assert.Single(unsuppressed).Id);
    }

    [Fact]
    public void An_error_is_thrown_with_every_finding_of_the_file()
    {
        var thrown = Assert.Throws<SoraConfParseException>(() => SoraConfBinding.Parse(Placeholder + "turn_fqdn = turn.sora.internal\n", new HostClass(), SoraCatalog.Default, "2025.2"));
        Assert.Equal(["SORA0002", "SORA0010"], thrown.Diagnostics.Select(d => d.Id).Order());
    }

    private static SoraRuleInfo AsError(SoraRuleInfo r) => new(
        r.Id, r.Slug, SoraConfSeverity.Error, r.Title, r.Message, r.Rationale, r.Remediation, r.Source, r.AppliesFrom, r.AppliesUntil,
        r.ExampleBad, r.ExampleGood, r.CSharpBad, r.CSharpGood, r.Check, r.Fixes, r.AcceptedSeverity, latin1Examples: false);
}
