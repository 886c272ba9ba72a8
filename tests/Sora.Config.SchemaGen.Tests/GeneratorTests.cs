using System.Globalization;
using System.Text.RegularExpressions;
using Sora.Config.SchemaGen;
using Sora.Config.Schema;

namespace Sora.Config.SchemaGen.Tests
{
    public class GeneratorTests
    {
        private const string Bad = "### Bad / 悪い例";
        private const string Good = "### Good / 良い例";

        /// <summary>The fenced block right after <paramref name="heading"/>: its language and body, or null.</summary>
        internal static (string Language, string Body)? BlockAfter(string page, string heading)
        {
            var m = Regex.Match(page, "^" + Regex.Escape(heading) + "\n\n(`{3,})([a-z]*)\n(.*?)\n?\\1\n", RegexOptions.Multiline | RegexOptions.Singleline);
            return m.Success ? (m.Groups[2].Value, m.Groups[3].Value) : null;
        }

        [Fact]
        public void Every_rule_page_has_a_non_empty_bad_and_good_example_block()
        {
            var schema = Repo.LoadSchema();
            var files = DocsGenerator.Generate(schema);
            var pages = files.Where(f => Regex.IsMatch(f.Key, @"^rules/SORA\d{4}\.md$")).ToList();

            Assert.Equal(schema.Rules.Count + UsageDiagnostics.All.Count, pages.Count);
            foreach (var rule in schema.Rules) Assert.True(files.ContainsKey("rules/" + rule.Id + ".md"), "no page for " + rule.Id);

            var problems = new List<string>();
            foreach (var (path, page) in pages)
            {
                foreach (var heading in new[] { Bad, Good })
                {
                    var block = BlockAfter(page, heading);
                    if (block is null) problems.Add(path + ": no fenced code block under '" + heading + "'");
                    else if (block.Value.Body.Trim().Length == 0) problems.Add(path + ": empty code block under '" + heading + "'");
                    else if (block.Value.Language.Length == 0) problems.Add(path + ": code block under '" + heading + "' has no language");
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Schema_rule_examples_appear_verbatim_with_invisible_characters_spelled_out()
        {
            var schema = Repo.LoadSchema();
            var files = DocsGenerator.Generate(schema);
            foreach (var rule in schema.Rules)
            {
                var page = files["rules/" + rule.Id + ".md"];
                if (Array.IndexOf(SchemaNames.DeploymentCheckKinds, rule.Check.Kind) >= 0)
                {
                    // A deployment rule: the C# deployment first, then the excerpt of the bundle file it renders; a rule
                    // only hand-written files trigger has the excerpts alone.
                    if (Array.IndexOf(SchemaNames.FileDeploymentCheckKinds, rule.Check.Kind) < 0)
                    {
                        Assert.Equal(("csharp", rule.CSharpBad!.TrimEnd('\n')), BlockAfter(page, Bad)!.Value);
                        Assert.Equal(("csharp", rule.CSharpGood!.TrimEnd('\n')), BlockAfter(page, Good)!.Value);
                    }
                    else
                    {
                        Assert.Null(rule.CSharpBad);
                        Assert.NotEqual("csharp", BlockAfter(page, Bad)!.Value.Item1);
                    }
                    foreach (var excerpt in new[] { rule.ExampleBad, rule.ExampleGood })
                    {
                        var file = excerpt.Substring(2, excerpt.IndexOf('\n') - 2);
                        Assert.Contains("Excerpt of `" + file + "`", page, StringComparison.Ordinal);
                        Assert.Contains("\n" + excerpt.Substring(excerpt.IndexOf('\n') + 1) + "```\n", page, StringComparison.Ordinal);
                    }
                    Assert.Contains("SORA3xxx: the deployment around Sora", page, StringComparison.Ordinal);
                    continue;
                }
                Assert.Equal(Shown(rule.ExampleBad), BlockAfter(page, Bad)!.Value.Body);
                Assert.Equal(Shown(rule.ExampleGood), BlockAfter(page, Good)!.Value.Body);
                Assert.Contains("# " + rule.Id + ": " + rule.Title + "\n", page, StringComparison.Ordinal);
                Assert.Contains(rule.TitleJa, page, StringComparison.Ordinal);
                Assert.Contains(rule.RationaleJa.Trim(), page, StringComparison.Ordinal);
                Assert.Contains(rule.RemediationJa.Trim(), page, StringComparison.Ordinal);
            }

            static string Shown(string example) => example.TrimEnd('\n')
                .Replace("\uFEFF", "<U+FEFF>").Replace("\0", "<NUL>").Replace("\t", "<TAB>").Replace("\r", "<CR>");
        }

        [Fact]
        public void Invisible_characters_are_rendered_as_placeholders_with_a_note()
        {
            var schema = Repo.LoadSchema();
            var rule = schema.Rules.First() with
            {
                ExampleBad = "\uFEFFa = 1\r\n\t\nb = x\0y\n",
                ExampleGood = "a = 1\n",
            };
            var page = DocsGenerator.Generate(schema with { Rules = EquatableArray.From(new[] { rule }) })["rules/" + rule.Id + ".md"];

            var bad = BlockAfter(page, Bad)!.Value;
            Assert.Equal("text", bad.Language);
            Assert.Equal("<U+FEFF>a = 1<CR>\n<TAB>\nb = x<NUL>y", bad.Body);
            Assert.Equal("ini", BlockAfter(page, Good)!.Value.Language);
            foreach (var placeholder in new[] { "<U+FEFF>", "<NUL>", "<TAB>", "<CR>" })
                Assert.Contains("`" + placeholder + "` stands for", page, StringComparison.Ordinal);
            Assert.DoesNotContain('\uFEFF', page);
            Assert.DoesNotContain('\0', page);
            Assert.DoesNotContain('\r', page);
            Assert.DoesNotContain('\t', page);
        }

        [Fact]
        public void Csharp_examples_are_shown_when_the_schema_has_them()
        {
            var schema = Repo.LoadSchema();
            var plain = schema.Rules.First(r => r.Id == "SORA1001") with { CSharpBad = null, CSharpGood = "" };
            var withCode = plain with
            {
                CSharpBad = "var conf = new ProductionConf { ApiLoopbackAddressOnly = false };\n",
                CSharpGood = "var conf = new ProductionConf { ApiLoopbackAddressOnly = true };\n",
            };

            var without = DocsGenerator.Generate(schema with { Rules = EquatableArray.From(new[] { plain }) })["rules/SORA1001.md"];
            var with = DocsGenerator.Generate(schema with { Rules = EquatableArray.From(new[] { withCode }) })["rules/SORA1001.md"];

            Assert.DoesNotContain("```csharp", without, StringComparison.Ordinal);
            var bad = BlockAfter(with, "### Bad (C#) / 悪い例 (C#)")!.Value;
            var good = BlockAfter(with, "### Good (C#) / 良い例 (C#)")!.Value;
            Assert.Equal(("csharp", "var conf = new ProductionConf { ApiLoopbackAddressOnly = false };"), (bad.Language, bad.Body));
            Assert.Equal(("csharp", "var conf = new ProductionConf { ApiLoopbackAddressOnly = true };"), (good.Language, good.Body));
        }

        [Fact]
        public void Output_is_deterministic_lf_only_and_culture_independent()
        {
            var schema = Repo.LoadSchema();
            var first = DocsGenerator.Generate(schema);
            IReadOnlyDictionary<string, string> second;
            var culture = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
                second = DocsGenerator.Generate(schema);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
            }

            Assert.Equal(first.Keys, second.Keys);
            Assert.Equal(first.Keys.OrderBy(k => k, StringComparer.Ordinal), first.Keys);
            foreach (var (path, text) in first)
            {
                Assert.Equal(text, second[path]);
                Assert.DoesNotContain('\r', text);
                Assert.EndsWith("\n", text, StringComparison.Ordinal);
                Assert.StartsWith("<!-- Generated from schema/", text, StringComparison.Ordinal);
                Assert.Contains("do not edit", text, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Keys_page_documents_every_key_and_the_version_matrix()
        {
            var schema = Repo.LoadSchema();
            var keys = DocsGenerator.Generate(schema)["keys.md"];
            var matrix = keys.Substring(keys.IndexOf("## Keys by Sora version", StringComparison.Ordinal));
            var header = matrix.Split('\n').First(l => l.StartsWith("| Key", StringComparison.Ordinal));
            foreach (var v in schema.Versions) Assert.Contains(" " + v.Name + " |", header, StringComparison.Ordinal);

            foreach (var key in schema.Keys)
            {
                Assert.Contains("\n### " + key.Name + "\n", keys, StringComparison.Ordinal);
                Assert.Contains(key.DescriptionJa.Trim(), keys, StringComparison.Ordinal);
                var row = matrix.Split('\n').Single(l => l.StartsWith("| [`" + key.Name + "`]", StringComparison.Ordinal));
                var cells = row.Split('|', StringSplitOptions.TrimEntries).Skip(2).Take(schema.Versions.Count).ToList();
                for (int i = 0; i < schema.Versions.Count; i++)
                {
                    var v = SchemaNames.VersionOrdinal(schema.Versions[i].Name);
                    var exists = (key.Since is null || SchemaNames.VersionOrdinal(key.Since) <= v)
                        && (key.Removed is null || v < SchemaNames.VersionOrdinal(key.Removed));
                    Assert.True(exists == cells[i].StartsWith('✓'), key.Name + " in " + schema.Versions[i].Name + ": cell '" + cells[i] + "'");
                }
            }
        }

        [Fact]
        public void Usage_diagnostics_are_tracked_by_the_component_that_reports_them_with_their_titles()
        {
            // Each SORA9xxx row is in the release-tracking file of the component marked as reporting it (the generator's is
            // kept by hand, the analyzers' is generated), under the documented title, and in no other.
            var files = new Dictionary<UsageReporter, string>
            {
                [UsageReporter.Generator] = Path.Combine(Repo.Root, "src", "Sora.Config.Generator", "AnalyzerReleases.Unshipped.md"),
                [UsageReporter.Analyzers] = Path.Combine(Repo.Root, "src", "Sora.Config.Analyzers", "AnalyzerReleases.Unshipped.md"),
            };
            foreach (var (reporter, file) in files)
            {
                var documented = Regex.Matches(File.ReadAllText(file), @"^(SORA9\d{3}) \| ([^|]+?) \| ([^|]+?) \| (.+?)\s*$", RegexOptions.Multiline)
                    .ToDictionary(m => m.Groups[1].Value, m => (Category: m.Groups[2].Value, Severity: m.Groups[3].Value, Title: m.Groups[4].Value));
                var expected = UsageDiagnostics.All.Where(d => d.ReportedBy == reporter).ToList();
                Assert.Equal(expected.Select(d => d.Id), documented.Keys.Order(StringComparer.Ordinal));
                foreach (var d in expected) Assert.Equal((UsageDiagnostics.Category, "Error", d.Title), documented[d.Id]);
            }
        }
    }
}
