using Sora.Config.Catalog;

namespace Sora.Config.Tests.Suggestions;

/// <summary>Did-you-mean (src/Shared/NameSuggestion.cs, shared with the CLI's options and commands): two neighbouring
/// characters typed in the wrong order count as one slip, so even a short name gets its suggestion.</summary>
public sealed class SuggestionTests
{
    [Theory]
    [InlineData("deom", "demo")]                   // a swap in a four-letter key: one edit, within the limit of one
    [InlineData("lable", "label")]
    [InlineData("api_prot", "api_port")]
    [InlineData("API_PORT", "api_port")]          // case alone: always found
    [InlineData("\uFEFFapi_port", "api_port")]     // a byte order mark glued to the first key
    [InlineData("signaling_loopback_adress_only", "signaling_loopback_address_only")]
    public void A_misspelt_key_gets_the_key_it_misspells(string typed, string expected) =>
        Assert.Equal(expected, SoraCatalog.Default.SuggestKey(typed));

    [Theory]
    [InlineData("dmoe")]                            // two slips in four letters: too far to be a typo
    [InlineData("my_company_flag")]
    public void A_name_far_from_every_key_gets_no_suggestion(string typed) =>
        Assert.Null(SoraCatalog.Default.SuggestKey(typed));

    [Fact]
    public void A_rule_is_found_by_a_misspelt_slug() =>
        Assert.Equal("SORA0004", SoraCatalog.Default.SuggestRule("unkonwn-key"));
}
