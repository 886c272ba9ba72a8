using Sora.Config.Evaluation;
using Sora.Config.Syntax;

namespace Sora.Config.Tests.Syntax;

/// <summary>The writer refuses anything that would not read back identically, and never leaks a secret.</summary>
public class WriterGuardTests
{
    [Theory]
    [InlineData("edge\ndemo = true")]
    [InlineData("edge\rdemo = true")]
    [InlineData(" edge")]
    [InlineData("edge\t")]
    [InlineData("edge\u2028")]
    [InlineData("a\0b")]
    public void Values_that_would_not_read_back_are_refused_with_the_key_named(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => SoraConfDocument.Parse("").Set("label", value));
        Assert.Contains("'label'", ex.Message);
    }

    [Fact]
    public void A_label_cannot_smuggle_a_second_key_into_the_file()
    {
        Assert.Throws<ArgumentException>(() => SoraConfWriter.Write(new[] { new KeyValuePair<string, string>("label", "x\napi_loopback_address_only = false") }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData("#x")]
    [InlineData(" a")]
    [InlineData("a\t")]
    [InlineData("a\nb")]
    [InlineData("\uFEFFa")]
    public void Keys_that_would_not_read_back_are_refused(string key)
    {
        Assert.Throws<ArgumentException>(() => SoraConfWriter.CheckWritable(key, "1"));
    }

    [Theory]
    [InlineData("my key")]
    [InlineData("a#b")]
    [InlineData("東京")]
    public void Keys_that_read_back_identically_are_accepted(string key)
    {
        SoraConfWriter.CheckWritable(key, "1");
        Assert.Equal(key, Assert.Single(SoraConfDocument.Parse(SoraConfWriter.Write(new[] { new KeyValuePair<string, string>(key, "1") })).Entries).Key);
    }

    [Fact]
    public void Secret_values_never_appear_in_exceptions_or_diagnostics()
    {
        const string secret = "hunter2 #x";
        var ex = Assert.Throws<ArgumentException>(() => SoraConfDocument.Parse("").Set("webhook_basic_authn_password", " " + secret));
        Assert.DoesNotContain("hunter2", ex.Message);
        var diagnostics = SoraConfLinter.Lint(SoraConfDocument.Parse($"webhook_basic_authn_password = {secret}\n"));
        Assert.Contains(diagnostics, d => d.Id == "SORA0005");
        Assert.All(diagnostics, d => Assert.DoesNotContain("hunter2", d.Message));
        Assert.All(diagnostics, d => Assert.DoesNotContain("hunter2", d.ToString()));
    }

    [Fact]
    public void Writer_output_is_lf_and_key_equals_value()
    {
        var text = SoraConfWriter.Write(new[] { new KeyValuePair<string, string>("demo", "false"), new("label", "東京") });
        Assert.Equal("demo = false\nlabel = 東京\n", text);
    }
}
