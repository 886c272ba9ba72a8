using Sora.Config.SchemaGen;
using Sora.Config.Schema;
using Sora.Config.Schema.Loading;

namespace Sora.Config.SchemaGen.Tests
{
    /// <summary>The pre-parsed bundled schema (src/Sora.Config.Schema/Loading/BundledSchema.g.cs) is current and
    /// gives exactly what parsing the TOML gives.</summary>
    public class BundledSchemaTests
    {
        private static IReadOnlyList<SchemaSource> Bundled() => SchemaGenCommand.ReadSchema(Repo.SchemaDir, Repo.Root)
            .Where(s => s.Path.EndsWith("/versions.toml", StringComparison.Ordinal) || s.Path.EndsWith("/keys.toml", StringComparison.Ordinal) || s.Path.EndsWith("/rules.toml", StringComparison.Ordinal))
            .ToList();

        [Fact]
        public void Committed_bundle_matches_the_schema()
        {
            var committed = File.ReadAllText(Path.Combine(Repo.Root, BundledSchemaSource.RelativePath)).Replace("\r\n", "\n");
            Assert.True(committed == BundledSchemaSource.Render(Bundled()),
                BundledSchemaSource.RelativePath + " is out of date with schema/; regenerate with: " + DocsGenerator.RegenerateCommand);
        }

        [Fact]
        public void Pre_parsed_load_equals_a_full_parse_and_skips_the_parser()
        {
            var sources = Bundled();
            Assert.Equal(3, sources.Count);
            var parsed = SchemaLoader.Load(sources, usePreParsed: false);
            var preParsed = SchemaLoader.Load(sources);
            Assert.Equal(0, parsed.PreParsedFiles);
            Assert.Equal(3, preParsed.PreParsedFiles);
            Assert.Empty(parsed.Errors);
            Assert.Equal(parsed.Schema, preParsed.Schema);
            Assert.Equal(parsed.Errors, preParsed.Errors);
        }

        [Fact]
        public void Locations_from_the_bundle_are_the_files_own()
        {
            // A project file that redefines a bundled key: the error names where the bundled definition is.
            var sources = Bundled().Select(s => new SchemaSource("/pkg/schema/" + Path.GetFileName(s.Path), s.Text)).ToList();
            var keys = sources[1].Text;
            sources.Add(new SchemaSource("/proj/extra.toml", "[[key]]\nname = \"api_port\"\ntype = \"port\"\ncategory = \"api\"\ndescription = \"x\"\ndescription_ja = \"x\"\nsource = \"x\"\n"));
            var parsed = SchemaLoader.Load(sources, usePreParsed: false);
            var preParsed = SchemaLoader.Load(sources);
            Assert.Equal(3, preParsed.PreParsedFiles);
            var conflict = Assert.Single(parsed.Errors, e => e.Code == SchemaErrors.ConflictingDuplicate);
            int line = keys.Substring(0, keys.IndexOf("name = \"api_port\"", StringComparison.Ordinal)).Count(c => c == '\n');
            Assert.Contains("/pkg/schema/keys.toml(" + line + ",1)", conflict.Message);
            Assert.Equal(parsed.Errors, preParsed.Errors);
            Assert.Equal(parsed.Schema, preParsed.Schema);
        }

        [Fact]
        public void An_edited_bundled_file_is_parsed_again()
        {
            var sources = Bundled().ToList();
            sources[0] = new SchemaSource(sources[0].Path, sources[0].Text + "\n[[version]]\nname = \"2099.1\"\n");
            var result = SchemaLoader.Load(sources);
            Assert.Equal(2, result.PreParsedFiles);
            Assert.Empty(result.Errors);
            Assert.Equal("2099.1", result.Schema.NewestVersion);
        }

        [Fact]
        public void An_edit_that_keeps_the_length_is_parsed_again()
        {
            // Two characters changed, same length: such an edit collided with the 64-bit fingerprint used before;
            // bundled files are now recognized by their exact text.
            var sources = Bundled().ToList();
            var keys = sources[1].Text;
            int at = keys.IndexOf("description = \"", StringComparison.Ordinal) + "description = \"".Length;
            var chars = keys.ToCharArray();
            chars[at] = chars[at] == 'X' ? 'Y' : 'X';
            chars[at + 1] = chars[at + 1] == 'X' ? 'Y' : 'X';
            sources[1] = new SchemaSource(sources[1].Path, new string(chars));
            var result = SchemaLoader.Load(sources);
            Assert.Equal(2, result.PreParsedFiles);
            Assert.Empty(result.Errors);
            Assert.Equal(new string(chars, at, 2), result.Schema.Keys[0].Description.Substring(0, 2));
        }
    }
}
