using Sora.Config.SchemaGen;

namespace Sora.Config.SchemaGen.Tests
{
    public class CommandTests
    {
        private static (int Exit, string Out, string Err) Run(string cwd, params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = SchemaGenCommand.Run(args, stdout, stderr, cwd);
            return (exit, stdout.ToString(), stderr.ToString());
        }

        private static void CopySchema(string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(Repo.SchemaDir, "*.toml"))
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        [Fact]
        public void A_schema_syntax_error_is_reported_with_file_line_and_column_and_exit_code_2()
        {
            using var temp = new TempDir();
            var schema = temp.Combine("schema");
            CopySchema(schema);
            // Line 4 opens a string that never closes.
            File.WriteAllText(Path.Combine(schema, "extra.toml"),
                "# an extra schema file\n\n[[version]]\nname = \"2030.1\nreleased = \"2030-06\"\n");
            var docs = temp.Combine("docs");

            var (exit, stdout, stderr) = Run(temp.Path, "--schema", schema, "--out", docs);

            Assert.Equal(2, exit);
            Assert.Matches(@"(?m)^schema/extra\.toml\(4,\d+\): error SORA9002: ", stderr);
            Assert.False(Directory.Exists(docs), "nothing may be written when the schema has errors");
            Assert.Equal("", stdout);
        }

        [Fact]
        public void Program_main_reports_schema_errors_through_the_console()
        {
            using var temp = new TempDir();
            var schema = temp.Combine("schema");
            CopySchema(schema);
            File.AppendAllText(Path.Combine(schema, "keys.toml"), "\n[[key]\nname = \"x\"\n");
            var lines = File.ReadAllLines(Path.Combine(schema, "keys.toml")).Length;

            var originalErr = Console.Error;
            var originalOut = Console.Out;
            var err = new StringWriter();
            int exit;
            try
            {
                Console.SetError(err);
                Console.SetOut(new StringWriter());
                exit = Program.Main(new[] { "--schema", schema, "--out", temp.Combine("docs") });
            }
            finally
            {
                Console.SetError(originalErr);
                Console.SetOut(originalOut);
            }

            Assert.Equal(2, exit);
            var expectedFile = Path.Combine(schema, "keys.toml").Replace('\\', '/');
            Assert.Contains(expectedFile + "(" + (lines - 1) + ",", err.ToString(), StringComparison.Ordinal);
            Assert.Matches(@"\(\d+,\d+\): error SORA9002: ", err.ToString());
        }

        [Fact]
        public void Check_reports_missing_stale_and_extra_files_and_generation_fixes_them()
        {
            using var temp = new TempDir();
            var docs = temp.Combine("docs");
            var args = new[] { "--schema", Repo.SchemaDir, "--out", docs };

            var missing = Run(temp.Path, args.Append("--check").ToArray());
            Assert.Equal(1, missing.Exit);
            Assert.Contains("missing: docs/keys.md", missing.Err, StringComparison.Ordinal);
            Assert.Contains(DocsGenerator.RegenerateCommand, missing.Err, StringComparison.Ordinal);
            Assert.False(Directory.Exists(docs), "--check must not write");

            Assert.Equal(0, Run(temp.Path, args).Exit);
            var current = Run(temp.Path, args.Append("--check").ToArray());
            Assert.Equal((0, ""), (current.Exit, current.Err));

            File.AppendAllText(Path.Combine(docs, "rules", "SORA0002.md"), "hand edit\n");
            File.WriteAllText(Path.Combine(docs, "rules", "SORA0999.md"), "no such rule\n");
            File.WriteAllText(Path.Combine(docs, "notes.md"), "not generated, not ours\n");
            var stale = Run(temp.Path, args.Append("--check").ToArray());
            Assert.Equal(1, stale.Exit);
            Assert.Contains("stale: docs/rules/SORA0002.md", stale.Err, StringComparison.Ordinal);
            Assert.Contains("extra: docs/rules/SORA0999.md", stale.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("notes.md", stale.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("keys.md", stale.Err, StringComparison.Ordinal);

            Assert.Equal(0, Run(temp.Path, args).Exit);
            Assert.Equal(0, Run(temp.Path, args.Append("--check").ToArray()).Exit);
            Assert.False(File.Exists(Path.Combine(docs, "rules", "SORA0999.md")));
            Assert.True(File.Exists(Path.Combine(docs, "notes.md")));
        }

        [Fact]
        public void Generated_files_are_utf8_without_bom_and_lf_only()
        {
            using var temp = new TempDir();
            var docs = temp.Combine("docs");
            Assert.Equal(0, Run(temp.Path, "--schema", Repo.SchemaDir, "--out", docs).Exit);
            foreach (var file in Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories))
            {
                var bytes = File.ReadAllBytes(file);
                Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, file + " starts with a BOM");
                Assert.DoesNotContain((byte)'\r', bytes);
            }
        }

        [Fact]
        public void Defaults_are_found_by_walking_up_to_the_solution()
        {
            var start = Path.Combine(Repo.Root, "src", "Sora.Config.SchemaGen");
            Assert.Equal(Repo.Root, SchemaGenCommand.FindRepositoryRoot(start));
            var (exit, stdout, stderr) = Run(start, "--check");
            Assert.True(exit == 0, "--check from src/Sora.Config.SchemaGen failed:\n" + stderr);
            Assert.Contains("up to date", stdout, StringComparison.Ordinal);
        }

        [Fact]
        public void Unknown_arguments_are_rejected()
        {
            var (exit, _, stderr) = Run(Repo.Root, "--frobnicate");
            Assert.Equal(2, exit);
            Assert.Contains("usage:", stderr, StringComparison.Ordinal);
        }
    }
}
