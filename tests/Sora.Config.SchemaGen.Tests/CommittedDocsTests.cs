using Sora.Config.SchemaGen;

namespace Sora.Config.SchemaGen.Tests
{
    public class CommittedDocsTests
    {
        [Fact]
        public void Committed_docs_match_the_schema()
        {
            var files = DocsGenerator.Generate(Repo.LoadSchema());
            var diff = SchemaGenCommand.Compare(files, Repo.DocsDir);

            Assert.True(diff.IsEmpty,
                "docs/ is out of date with schema/.\n" +
                string.Concat(diff.Stale.Select(f => "  stale:   docs/" + f + "\n")) +
                string.Concat(diff.Missing.Select(f => "  missing: docs/" + f + "\n")) +
                string.Concat(diff.Extra.Select(f => "  extra:   docs/" + f + "\n")) +
                "Regenerate them from the repository root with:\n  " + DocsGenerator.RegenerateCommand +
                "\nand commit docs/keys.md and docs/rules/.");
        }

        [Fact]
        public void Every_schema_rule_has_a_committed_page_and_an_index_entry()
        {
            var schema = Repo.LoadSchema();
            Assert.NotEmpty(schema.Rules);
            var index = File.ReadAllText(Path.Combine(Repo.DocsDir, "rules", "README.md"));
            var ids = schema.Rules.Select(r => r.Id).Concat(UsageDiagnostics.All.Select(d => d.Id)).ToList();
            var missingPages = ids.Where(id => !File.Exists(Path.Combine(Repo.DocsDir, "rules", id + ".md"))).ToList();
            var missingIndex = ids.Where(id => !index.Contains("[" + id + "](" + id + ".md)", StringComparison.Ordinal)).ToList();

            Assert.True(missingPages.Count == 0, "no docs page for: " + string.Join(", ", missingPages));
            Assert.True(missingIndex.Count == 0, "docs/rules/README.md does not list: " + string.Join(", ", missingIndex));
        }
    }
}
