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

    private sealed class HostClass : ISoraConfBinding
    {
        public object? Value { get; private set; }

        public SoraKeyInfo[] BindingKeys { get; } = [TurnFqdn];

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
