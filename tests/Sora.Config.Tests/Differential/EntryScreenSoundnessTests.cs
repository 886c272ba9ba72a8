using CsCheck;
using Sora.Config.Catalog;
using Sora.Config.Evaluation;
using Sora.Config.Evaluation.Checks;
using Sora.Config.Shared;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Tests.Differential;

/// <summary>The screens a generated class's fast path asks of every setting (<see cref="IEntryCheck.MayReport"/>) decide
/// the usual shapes of addresses, host names and URLs on the text. They may say "maybe" too often, never "no" when the
/// check itself would report: a "no" skips the check, so a wrong one would hide a finding from typed parse only.</summary>
public sealed class EntryScreenSoundnessTests
{
    private static Gen<string> Pick(params string[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    // Labels near the reserved names and ranges, numbers IPAddress reads in other bases, and characters System.Uri rewrites.
    private static readonly Gen<string> Label = Pick(
        "example", "EXAMPLE", "Example", "test", "TEST", "invalid", "inVALID", "com", "net", "org", "sora", "internal", "a-b", "-a",
        "xn--bcher-kva", "1", "0", "2", "10", "192", "198", "203", "51", "100", "113", "255", "256", "010", "0x7f", "0xC0",
        "3221225985", "db8", "DB8", "0db8", "2001", "fd00", "", "İnvalid", "tеst", "exa\tmple", "exa%6dple", "a@b", "a_b");

    private static readonly Gen<string> Host = Gen.Select(Label.Array[1, 5], Pick(".", ":", "::", "."), Pick("", ".", "[", "]"),
        (labels, separator, edge) => edge switch
        {
            "[" => "[" + string.Join(separator, labels) + "]",
            "]" => string.Join(separator, labels) + "]",
            _ => string.Join(separator, labels) + edge,
        });

    private static readonly Gen<string> Octet = Pick("192", "198", "203", "10", "0", "2", "51", "100", "113", "255", "256", "00", "02", "0x0", "0300");

    private static readonly Gen<string> Ipv4 = Gen.Select(Octet.Array[1, 5], parts => string.Join(".", parts));

    private static readonly Gen<string> Ipv6 = Gen.Select(
        Pick("2001", "2001", "fd00", "fe80", "0", ""), Pick("db8", "DB8", "0db8", "00db8", "1", "abcd"), Pick("::", ":", ":0:0:0:0:0:"),
        Pick("", "1", "10", "a:b", "192.0.2.1", "1%eth0"), Pick("", "", "[", "]"),
        (first, second, gap, tail, edge) => edge == "[" ? "[" + first + ":" + second + gap + tail + "]" : first + ":" + second + gap + tail + edge);

    // Plain names, the shape the screens decide on the text.
    private static readonly Gen<string> Name = Gen.Select(
        Pick("hooks", "sora", "a-b", "xn--bcher-kva", "Example", "example", "test", "invalid", "turn1", "1", "0x7f").Array[1, 4],
        Pick("internal", "com", "example", "EXAMPLE", "test", "invalid", "net", "org", "1", "10"), Pick("", "", "."),
        (labels, last, dot) => string.Join(".", labels) + "." + last + dot);

    private static readonly Gen<string> Url = Gen.Select(
        Gen.Frequency((6, Pick("http://", "https://")), (1, Pick("HTTP://", "http:", "http:/", "ftp://", "http:///", " http://", "http:\\\\"))),
        Gen.Frequency((6, Gen.Const("")), (1, Pick("user@", "u:p@", "a@b@"))),
        Gen.Frequency((3, Name), (2, Host), (1, Ipv4), (1, Ipv6.Select(a => "[" + a.Trim('[', ']') + "]"))),
        Pick("", "", ":80", ":443", ":0", ":65535", ":65536", ":", ":08080", ":abc", ":99999"),
        Pick("", "", "", "/", "/hook", "/p?q#f", "?x", "#a#b", "/[x]", "/%41", "/ a", "/a\r", "\\b", "/@example.com", "/:8"),
        (scheme, user, host, port, rest) => scheme + user + host + port + rest);

    private static readonly Gen<string> Value = Gen.Frequency((2, Name), (2, Host), (2, Ipv4), (2, Ipv6), (4, Url), (1, Gen.String[0, 30]));

    // Every key whose values the placeholder and questionable-value checks look into, as Sora version the newest.
    private static readonly SoraKeyInfo[] Keys = SoraCatalog.Default.Keys
        .Where(k => Placeholders.CanHold(k) || k.Format != null || k.ScalarType is SoraValueType.Url or SoraValueType.Ipv6)
        .ToArray();

    private static readonly PlaceholderCheck PlaceholderScreen = new();
    private static readonly QuestionableValueCheck QuestionableScreen = new();

    [Fact]
    public void A_placeholder_screen_never_says_no_to_a_placeholder() =>
        Gen.Select(Gen.Int[0, Keys.Length - 1], Value, (k, v) => (Key: Keys[k], Text: v)).Sample(c =>
        {
            if (Placeholders.SurelyNone(c.Key, c.Text.AsSpan()))
                Assert.True(Placeholders.Why(c.Key, c.Text) is null, $"{c.Key.Name} = '{c.Text}': screened out, but it is a placeholder");
            Assert.Equal(Placeholders.Why(c.Key, c.Text) is not null, PlaceholderScreen.MayReport(c.Key, true, c.Text.AsSpan()));
        }, iter: 20000);

    [Fact]
    public void A_questionable_value_screen_never_says_no_to_a_questionable_value() =>
        Gen.Select(Gen.Int[0, Keys.Length - 1], Value, (k, v) => (Key: Keys[k], Text: v)).Sample(c =>
        {
            if (!QuestionableScreen.MayReport(c.Key, true, c.Text.AsSpan()))
                Assert.True(QuestionableValueCheck.Why(c.Key, c.Text) is null, $"{c.Key.Name} = '{c.Text}': screened out, but it is questionable");
        }, iter: 20000);

    /// <summary>Numbers and intervals near the limits of what a setting can hold (64 bits, a TimeSpan), against the
    /// check's own unscreened verdict on the parsed value: a screen's "no" must never hide its finding.</summary>
    [Fact]
    public void A_questionable_value_screen_never_says_no_to_a_number_out_of_reach()
    {
        // With a port key that has no range, as a project's schema may declare one: its values can be beyond 64 bits too.
        var keys = SoraCatalog.Default.Keys.Where(k => k.Type is SoraValueType.Int or SoraValueType.Interval)
            .Append(KeyCopy.Of(SoraCatalog.Default.Keys.First(k => k.Type == SoraValueType.Port), unbounded: true)).ToArray();
        var digits = Gen.Select(Gen.Char['1', '9'], Gen.String[Gen.Char['0', '9'], 0, 22], (first, rest) => first + rest);
        var text = Gen.Select(digits, Pick("", "", " ms", " s", " min", " h", "h", "ms"), (n, unit) => n + unit);
        int outOfReach = 0;
        Gen.Select(Gen.Int[0, keys.Length - 1], text, (k, v) => (Key: keys[k], Text: v)).Sample(c =>
        {
            if (!SoraValueCodec.TryParse(c.Key, c.Text, out var value, out _)) return;
            if (QuestionableValueCheck.Finding(c.Key, value, c.Text) is null) return;
            Interlocked.Increment(ref outOfReach);
            Assert.True(QuestionableScreen.MayReport(c.Key, true, c.Text.AsSpan()), $"{c.Key.Name} = '{c.Text}': screened out, but the check reports it");
        }, iter: 20000);
        // Not vacuous: values out of reach were generated.
        Assert.True(outOfReach > 100, $"only {outOfReach} values out of reach");
    }

    /// <summary>The shortest values out of reach, and the longest within it, decided by the check and let through by the screen.</summary>
    [Theory]
    [InlineData("webhook_response_timeout", "256204779 h", true)]
    [InlineData("webhook_response_timeout", "256204778 h", false)]
    [InlineData("event_webhook_worker_number", "9223372036854775808", true)]
    [InlineData("event_webhook_worker_number", "9223372036854775807", false)]
    public void The_questionable_value_screen_lets_the_smallest_numbers_out_of_reach_through(string name, string text, bool outOfReach)
    {
        Assert.True(SoraCatalog.Default.TryGetKey(name, out var key));
        Assert.True(SoraValueCodec.TryParse(key, text, out var value, out _));
        Assert.Equal(outOfReach, QuestionableValueCheck.Finding(key, value, text) is not null);
        if (outOfReach) Assert.True(QuestionableScreen.MayReport(key, true, text.AsSpan()));
    }

    /// <summary>A check that does not concern a key is never asked about its values by the fast path, which asks only about
    /// values the class accepted and never passes a carriage return: the linter must find nothing of that check in any of them.</summary>
    [Fact]
    public void A_check_that_does_not_concern_a_key_never_reports_on_its_accepted_values()
    {
        var checks = CheckRegistry.Kinds.Select(kind => CheckRegistry.TryGet(kind, out var c) ? c : null).OfType<IEntryCheck>().ToArray();
        var options = new SoraConfEvaluationOptions { SoraVersion = SoraConf.TargetSoraVersion };
        var all = SoraCatalog.Default.Keys.Where(k => k.ExistsIn(SoraConf.TargetSoraVersion)).ToArray();
        // Numbers in and beyond every range and 64 bits, intervals beyond a TimeSpan, and accepted-looking values with a comment.
        var numbers = Gen.Select(Pick("", "-", "0000000000000000000"), Gen.Select(Gen.Int[1, 25], Gen.Int[0, 9], (n, d) => new string((char)('0' + d), n)),
            Pick("", "", " s", " ms", " min", " h"), (sign, digits, unit) => sign + digits + unit);
        var commented = Gen.Select(Pick("3000", "true", "false", "1.5", "30 s", "10.0.0.1", "fe80::1", "a", "https://h/"), Pick(" # c", " #", "\t#x"), (v, c) => v + c);
        var values = Gen.Frequency((4, Value), (2, numbers), (2, commented), (1, Pick("1,5", "fe80::1%eth0", "x # y")));
        int asked = 0;
        Gen.Select(Gen.Int[0, all.Length], values, (k, v) => (Key: k == all.Length ? null : all[k], Text: v)).Sample(c =>
        {
            // One setting as the fast path meets it: trimmed, on one line, with no NUL or CR, and accepted for its key's type.
            if (c.Text.Length == 0 || c.Text.Trim() != c.Text || c.Text.IndexOfAny(new[] { '\n', '\r', '\0', '=' }) >= 0) return;
            if (c.Key != null && !SoraValueCodec.TryParse(c.Key, c.Text, out _, out _)) return;
            Interlocked.Increment(ref asked);
            var found = SoraConfLinter.Lint(SoraConfDocument.Parse((c.Key?.Name ?? "no_such_key") + " = " + c.Text + "\n"), options);
            foreach (var check in checks)
            {
                if (!check.Concerns(c.Key))
                    Assert.False(found.Any(d => d.Rule.Check.Kind == check.Kind), $"{check.Kind} does not concern {c.Key?.Name ?? "(unknown)"}, but reports '{c.Text}'");
            }
        }, iter: 40000);
        // Not vacuous: many values are accepted, and most keys are of no concern to the value-shape and comment checks.
        Assert.True(asked > 5000, $"only {asked} accepted values");
        Assert.Contains(all, k => k.ScalarType == SoraValueType.Port && !checks.Single(c => c.Kind == "questionable_value").Concerns(k));
        Assert.Contains(all, k => k.ScalarType == SoraValueType.Bool && !checks.Single(c => c.Kind == "inline_comment").Concerns(k));
    }

    /// <summary>The screens decide the usual values without the check (that is their point), and still catch the bad ones.</summary>
    [Theory]
    [InlineData("ipv4_address", "10.0.0.10", true)]
    [InlineData("ipv4_address", "192.0.2.10", false)]
    [InlineData("ipv4_address", "198.51.100.7", false)]
    [InlineData("ipv6_address", "fd00::10", true)]
    [InlineData("ipv6_address", "2001:DB8::1", false)]
    [InlineData("turn_fqdn", "turn.sora.internal", true)]
    [InlineData("turn_fqdn", "turn.Example.COM", false)]
    [InlineData("turn_fqdn", "sora.test.", false)]
    [InlineData("auth_webhook_url", "https://hooks.sora.internal:8443/auth?x=1", true)]
    [InlineData("auth_webhook_url", "https://hooks.example.net/auth", false)]
    [InlineData("auth_webhook_url", "http://203.0.113.5/auth", false)]
    public void The_placeholder_screen_decides_the_usual_shapes_on_the_text(string name, string text, bool surelyNone)
    {
        Assert.True(SoraCatalog.Default.TryGetKey(name, out var key));
        Assert.Equal(surelyNone, Placeholders.SurelyNone(key, text.AsSpan()));
        Assert.Equal(!surelyNone, PlaceholderScreen.MayReport(key, true, text.AsSpan()));
    }

    [Theory]
    [InlineData("turn_fqdn", "turn.sora.internal", false)]
    [InlineData("turn_fqdn", "turn_1.sora.internal", true)]
    [InlineData("turn_fqdn", "turn.sora.internal.", true)]
    [InlineData("api_cors_origin", "https://app.sora.internal", false)]
    [InlineData("api_cors_origin", "https://app.sora.internal:8443", false)]
    [InlineData("api_cors_origin", "https://app.sora.internal/", true)]
    [InlineData("auth_webhook_url", "https://hooks.sora.internal/auth", false)]
    [InlineData("auth_webhook_url", "https://hooks.sora.internal:0/auth", true)]
    [InlineData("auth_webhook_url", "https://hooks.sora.internal:70000/auth", true)]
    [InlineData("auth_webhook_url", "http:///auth", true)]
    public void The_questionable_value_screen_flags_what_the_check_reports(string name, string text, bool flagged)
    {
        Assert.True(SoraCatalog.Default.TryGetKey(name, out var key));
        Assert.Equal(flagged, QuestionableScreen.MayReport(key, true, text.AsSpan()));
        Assert.Equal(flagged, QuestionableValueCheck.Why(key, text) is not null);
    }
}
