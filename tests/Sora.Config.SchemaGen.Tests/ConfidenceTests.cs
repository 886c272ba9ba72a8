using Sora.Config.Schema;
using Sora.Config.Schema.Loading;

namespace Sora.Config.SchemaGen.Tests
{
    /// <summary>Structured confidence: <c>inferred_facts</c> in the schema, checked by the validator and shown on the keys page.</summary>
    public class ConfidenceTests
    {
        private const string Versions = "[[version]]\nname = \"2024.1\"\n\n[[version]]\nname = \"2024.2\"\n";

        private static SchemaLoadResult LoadKey(string extraFields)
        {
            var key = "[[key]]\nname = \"some_switch\"\ntype = \"bool\"\ncategory = \"test\"\n"
                + "description = \"d\"\ndescription_ja = \"d\"\nsource = \"https://example.com/\"\n" + extraFields;
            return SchemaLoader.Load(new[] { new SchemaSource("schema/versions.toml", Versions), new SchemaSource("extra.toml", key) }, usePreParsed: false);
        }

        private static string Messages(SchemaLoadResult result) => string.Join("\n", result.Errors.Select(e => e.ToString()));

        [Fact]
        public void Facts_with_a_reason_load_as_written()
        {
            var result = LoadKey("inferred = \"Default not stated.\"\ninferred_facts = [\"default\", \"type\"]\n");
            Assert.False(result.HasErrors, Messages(result));
            var key = Assert.Single(result.Schema.Keys);
            Assert.Equal(new[] { "default", "type" }, key.InferredFacts.ToArray());
        }

        [Fact]
        public void A_key_without_either_field_is_fully_confirmed()
        {
            var result = LoadKey("");
            Assert.False(result.HasErrors, Messages(result));
            Assert.Empty(Assert.Single(result.Schema.Keys).InferredFacts);
        }

        [Theory]
        [InlineData("inferred_facts = [\"defaults\"]\ninferred = \"x\"\n", "lists 'defaults' in inferred_facts; expected some of name, type, default, versions")]
        [InlineData("inferred_facts = [\"range\"]\ninferred = \"x\"\n", "lists 'range' in inferred_facts")]
        [InlineData("inferred_facts = [\"type\", \"type\"]\ninferred = \"x\"\n", "lists 'type' twice in inferred_facts")]
        [InlineData("inferred_facts = [\"type\"]\n", "has inferred_facts but no 'inferred' text")]
        [InlineData("inferred = \"The default is a guess.\"\n", "has an 'inferred' text but no inferred_facts")]
        [InlineData("inferred = \"x\"\ninferred_facts = \"type\"\n", "'inferred_facts' must be an array of strings")]
        public void Wrong_confidence_fields_are_schema_errors(string fields, string expected)
        {
            var result = LoadKey(fields);
            Assert.True(result.HasErrors, "expected an error for:\n" + fields);
            Assert.Contains(expected, Messages(result), StringComparison.Ordinal);
            Assert.All(result.Errors, e => Assert.Equal(SchemaErrors.Malformed, e.Code));
        }

        [Fact]
        public void Every_bundled_key_with_an_inferred_text_lists_its_facts()
        {
            var schema = Repo.LoadSchema();
            foreach (var key in schema.Keys)
            {
                Assert.True((key.Inferred is null) == (key.InferredFacts.Count == 0), key.Name);
                Assert.All(key.InferredFacts, f => Assert.Contains(f, SchemaNames.KeyFacts));
            }
            // The disagreements of the key audit stay visible: a key no source shows, an old-page default, a missing since.
            Assert.Equal(new[] { "name", "type", "default", "versions" }, Key(schema, "signaling_port").InferredFacts.ToArray());
            Assert.Contains("default", Key(schema, "webhook_response_timeout").InferredFacts);
            Assert.Contains("versions", Key(schema, "simulcast_multicodec").InferredFacts);
        }

        [Fact]
        public void Confidence_text_lists_confirmed_then_inferred_facts_in_both_languages()
        {
            Assert.Equal(("name, type, default, versions confirmed", "キー名・型・既定値・バージョンは確認済み"), SchemaNames.Confidence(Array.Empty<string>()));
            Assert.Equal(("name, type confirmed; default, versions inferred", "キー名・型は確認済み、既定値・バージョンは推定"),
                SchemaNames.Confidence(new[] { "versions", "default" }));
            Assert.Equal(("name, type, default, versions inferred", "キー名・型・既定値・バージョンは推定"), SchemaNames.Confidence(SchemaNames.KeyFacts));
        }

        [Fact]
        public void Keys_page_shows_a_confidence_row_per_key_and_the_counts_at_the_top()
        {
            var schema = Repo.LoadSchema();
            var page = DocsGenerator.Generate(schema)["keys.md"];
            int full = schema.Keys.Count(k => k.InferredFacts.Count == 0);
            var intro = page.Substring(0, page.IndexOf("## Contents", StringComparison.Ordinal));
            Assert.Contains($"Fully confirmed (all four): **{full} of {schema.Keys.Count}** keys.", intro, StringComparison.Ordinal);
            Assert.Contains($"4 項目すべて確認済みのキー: **{schema.Keys.Count} 件中 {full} 件**", intro, StringComparison.Ordinal);
            int names = schema.Keys.Count(k => !k.InferredFacts.Contains("name"));
            Assert.Contains($"Confirmed per fact: name {names},", intro, StringComparison.Ordinal);

            foreach (var key in schema.Keys)
            {
                var section = page.Substring(page.IndexOf("\n### " + key.Name + "\n", StringComparison.Ordinal));
                section = section.Substring(0, section.IndexOf("\n\n", section.IndexOf("| Field", StringComparison.Ordinal), StringComparison.Ordinal));
                var (en, ja) = SchemaNames.Confidence(key.InferredFacts);
                Assert.Contains("| Confidence / 確度 | " + en + "<br>" + ja + " |", section, StringComparison.Ordinal);
            }
            Assert.Contains("| Confidence / 確度 | name, type, default, versions inferred<br>", Section(page, "signaling_port"), StringComparison.Ordinal);
        }

        private static KeyModel Key(SchemaModel schema, string name) => schema.Keys.Single(k => k.Name == name);

        private static string Section(string page, string key)
        {
            var start = page.IndexOf("\n### " + key + "\n", StringComparison.Ordinal);
            var end = page.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
            return page.Substring(start, end - start);
        }
    }
}
