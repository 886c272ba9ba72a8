using Sora.Config;
using Sora.Config.Catalog;
using Sora.Config.CodeGeneration;
using Sora.Config.Diagnostics;
using Sora.Config.Values;

namespace Sora.Config.Tests.Binding;

/// <summary>A generated class maps an enum value by its spelling, never by its position in the runtime's catalogue:
/// a class built against another version of the library must not get the wrong member.</summary>
public sealed class ReadEnumTests
{
    // The runtime's catalogue knows a, b, c; the class was generated when the key had c, a (another order, no b).
    internal static readonly SoraKeyInfo Key = SoraCatalogFactory.Key(
        "codec", "enum", null, null, [], null, null, [], null, ["a", "b", "c"],
        "test", null, null, null, false, false, "d", "d", "s", [], null, [], null, null, null);

    private static readonly string[] Generated = ["c", "a"];

    [Fact]
    public void A_value_is_matched_by_spelling()
    {
        Assert.Null(SoraConfBinding.ReadEnum(Key, "a".AsSpan(), Generated, out var a));
        Assert.Equal(1, a);
        Assert.Null(SoraConfBinding.ReadEnum(Key, "c".AsSpan(), Generated, out var c));
        Assert.Equal(0, c);
    }

    [Fact]
    public void A_runtime_value_the_class_does_not_know_is_an_error_not_another_member()
    {
        var error = SoraConfBinding.ReadEnum(Key, "b".AsSpan(), Generated, out var b);
        Assert.Equal(-1, b);
        Assert.NotNull(error);
        Assert.Contains("not generated with", error!.Text.English);
    }

    [Fact]
    public void A_value_the_runtime_refuses_gets_the_codec_error()
    {
        var error = SoraConfBinding.ReadEnum(Key, "A".AsSpan(), Generated, out _);
        Assert.NotNull(error);
        Assert.Contains("case-sensitive", error!.Text.English);
    }
}

/// <summary>When the class refuses a value that the catalogue accepts, Read reports SORA0003 instead of returning
/// success with the value dropped (the full linter, which Read falls back to, sees nothing wrong).</summary>
public sealed class RefusedValueTests
{
    private sealed class OldClass : ISoraConfBinding
    {
        public static readonly SoraKeyInfo Codec = ReadEnumTests.Key;

        public int? Value { get; private set; }

        public SoraKeyInfo[] BindingKeys { get; } = [Codec];

        public SoraConfUnknownKeys UnknownKeys { get; } = new SoraConfUnknownKeys();

        // Generated when the key had only c and a.
        public SoraValueError? Apply(int index, ReadOnlySpan<char> value)
        {
            var error = SoraConfBinding.ReadEnum(Codec, value, ["c", "a"], out var v);
            if (error == null) Value = v;
            return error;
        }
    }

    private static readonly SoraCatalog Catalog = SoraCatalogFactory.Catalog(["2025.2"], [OldClass.Codec], SoraCatalog.Default.Rules.ToArray());

    [Fact]
    public void A_refused_value_is_an_error_with_its_position()
    {
        var target = new OldClass();
        Assert.False(SoraConfBinding.Read("# comment\ncodec = b\n", target, Catalog, "2025.2", out var diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal("SORA0003", d.Id);
        Assert.Equal(SoraConfSeverity.Error, d.Severity);
        Assert.Equal((2, 9), (d.Line, d.Column));
        Assert.Contains("not generated with", d.Message);
        Assert.Null(target.Value);
    }

    [Fact]
    public void A_known_value_still_binds()
    {
        var target = new OldClass();
        Assert.True(SoraConfBinding.Read("codec = a\n", target, Catalog, "2025.2", out var diagnostics));
        Assert.Empty(diagnostics);
        Assert.Equal(1, target.Value);
    }
}
