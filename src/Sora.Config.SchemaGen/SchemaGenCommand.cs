using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Sora.Config.Schema;
using Sora.Config.Schema.Loading;

namespace Sora.Config.SchemaGen
{
    /// <summary>The command line of the docs generator. Exit codes: 0 success (or docs current),
    /// 1 <c>--check</c> found stale, missing or extra files, 2 schema errors or invalid usage.</summary>
    public static class SchemaGenCommand
    {
        public const int Success = 0;
        public const int Stale = 1;
        public const int Failed = 2;

        /// <summary>The schema files the package bundles, in the order the generator reads them; other
        /// <c>*.toml</c> files in the schema directory follow in ordinal order.</summary>
        private static readonly string[] BundledOrder = { "versions.toml", "keys.toml", "rules.toml" };

        private const string Usage =
            "usage: dotnet run --project src/Sora.Config.SchemaGen -- [--check] [--schema <dir>] [--out <docs dir>]\n" +
            "  --check          write nothing; list stale, missing and extra files; exit 1 if there are any\n" +
            "  --schema <dir>   schema directory (default: schema/ of the repository)\n" +
            "  --out <dir>      docs directory (default: docs/ of the repository)\n" +
            "The repository is the current directory or the nearest parent holding Sora.Config.sln.\n";

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? currentDirectory = null)
        {
            if (args is null) throw new ArgumentNullException(nameof(args));
            var cwd = Path.GetFullPath(currentDirectory ?? Directory.GetCurrentDirectory());
            bool check = false;
            string? schemaDir = null, outDir = null;
            bool schemaGiven = false;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--check": check = true; break;
                    case "--schema" when i + 1 < args.Length: schemaDir = args[++i]; schemaGiven = true; break;
                    case "--out" when i + 1 < args.Length: outDir = args[++i]; break;
                    case "-h":
                    case "--help":
                        stdout.Write(Usage);
                        return Success;
                    default:
                        stderr.Write("error: unexpected argument '" + args[i] + "'\n" + Usage);
                        return Failed;
                }
            }

            var root = FindRepositoryRoot(cwd);
            schemaDir = Path.GetFullPath(schemaDir ?? Path.Combine(root, "schema"), cwd);
            outDir = Path.GetFullPath(outDir ?? Path.Combine(root, "docs"), cwd);
            if (!Directory.Exists(schemaDir))
            {
                stderr.Write("error: schema directory not found: " + schemaDir + "\n");
                return Failed;
            }

            // The docs tool is where the schema is read for real: never from the pre-parsed bundle.
            var load = SchemaLoader.Load(ReadSchema(schemaDir, cwd), usePreParsed: false);
            if (load.HasErrors)
            {
                foreach (var error in load.Errors) stderr.Write(error.ToString() + "\n");
                stderr.Write(load.Errors.Count + " schema error(s); docs not generated\n");
                return Failed;
            }
            if (load.Schema.Keys.Count == 0 || load.Schema.Versions.Count == 0)
            {
                stderr.Write("error: no keys or versions found in " + schemaDir + "\n");
                return Failed;
            }

            var files = DocsGenerator.Generate(load.Schema);
            var shownOut = Path.GetRelativePath(cwd, outDir);
            if (shownOut.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(shownOut)) shownOut = outDir;
            shownOut = shownOut.Replace('\\', '/').TrimEnd('/') + "/";
            int result = check ? Check(files, outDir, shownOut, stdout, stderr) : Write(files, outDir, shownOut, stdout);

            // The source files derived from the schema are made from the repository's own schema/ only (never from --schema).
            if (!schemaGiven)
            {
                foreach (var pair in SourceFiles(schemaDir, cwd, load.Schema))
                {
                    if (SourceFile(root, pair.Key, pair.Value, check, stdout, stderr) != Success) result = Stale;
                }
            }
            return result;
        }

        /// <summary>The repository's source files derived from the schema: the pre-parsed bundled schema and the analyzers'
        /// descriptors, resources and release tracking (repository-relative path → content).</summary>
        public static IReadOnlyDictionary<string, string> SourceFiles(string schemaDir, string cwd, SchemaModel schema)
        {
            var sources = ReadSchema(schemaDir, cwd).Where(s => Array.IndexOf(BundledOrder, Path.GetFileName(s.Path)) >= 0).ToList();
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal) { [BundledSchemaSource.RelativePath] = BundledSchemaSource.Render(sources) };
            foreach (var pair in AnalyzerAssets.Render(schema)) files[pair.Key] = pair.Value;
            return files;
        }

        /// <summary>Writes (or, with --check, compares) one source file derived from the schema.</summary>
        private static int SourceFile(string root, string relativePath, string text, bool check, TextWriter stdout, TextWriter stderr)
        {
            var path = Path.Combine(root, relativePath);
            bool current = File.Exists(path) && File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n") == text;
            if (current) return Success;
            if (check)
            {
                stderr.Write("stale: " + relativePath + "; regenerate with: " + DocsGenerator.RegenerateCommand + "\n");
                return Stale;
            }
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            stdout.Write("wrote " + relativePath + "\n");
            return Success;
        }

        /// <summary>The schema files of a directory as loader input, paths shown relative to
        /// <paramref name="cwd"/> when below it.</summary>
        public static IReadOnlyList<SchemaSource> ReadSchema(string schemaDir, string cwd)
        {
            var files = Directory.GetFiles(schemaDir, "*.toml")
                .Select(f => Path.GetFileName(f))
                .OrderBy(n => Array.IndexOf(BundledOrder, n) is var i && i >= 0 ? i : BundledOrder.Length)
                .ThenBy(n => n, StringComparer.Ordinal);
            var sources = new List<SchemaSource>();
            foreach (var name in files)
            {
                var full = Path.Combine(schemaDir, name);
                var shown = Path.GetRelativePath(cwd, full);
                if (shown.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(shown)) shown = full;
                sources.Add(new SchemaSource(shown.Replace('\\', '/'), File.ReadAllText(full, Encoding.UTF8)));
            }
            return sources;
        }

        /// <summary>The current directory or its nearest parent holding Sora.Config.sln; the current
        /// directory itself when there is none.</summary>
        public static string FindRepositoryRoot(string start)
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sora.Config.sln"))) return dir.FullName;
            }
            return start;
        }

        /// <summary>Compares generated files with a docs directory. Line endings are compared as LF, so a
        /// checkout that converted them still counts as current.</summary>
        public static DocsDifference Compare(IReadOnlyDictionary<string, string> files, string outDir)
        {
            var stale = new List<string>();
            var missing = new List<string>();
            foreach (var pair in files)
            {
                var path = Path.Combine(outDir, pair.Key);
                if (!File.Exists(path)) missing.Add(pair.Key);
                else if (File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n") != pair.Value) stale.Add(pair.Key);
            }
            var extra = ExtraRulePages(files, outDir);
            return new DocsDifference(stale, missing, extra);
        }

        private static int Check(IReadOnlyDictionary<string, string> files, string outDir, string shownOut, TextWriter stdout, TextWriter stderr)
        {
            var diff = Compare(files, outDir);
            if (diff.IsEmpty)
            {
                stdout.Write("docs are up to date (" + files.Count + " files in " + shownOut + ")\n");
                return Success;
            }
            foreach (var f in diff.Stale) stderr.Write("stale: " + shownOut + f + "\n");
            foreach (var f in diff.Missing) stderr.Write("missing: " + shownOut + f + "\n");
            foreach (var f in diff.Extra) stderr.Write("extra: " + shownOut + f + " (no such rule)\n");
            stderr.Write("docs are out of date; regenerate with: " + DocsGenerator.RegenerateCommand + "\n");
            return Stale;
        }

        private static int Write(IReadOnlyDictionary<string, string> files, string outDir, string shownOut, TextWriter stdout)
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            int written = 0;
            foreach (var pair in files)
            {
                var path = Path.Combine(outDir, pair.Key);
                if (File.Exists(path) && File.ReadAllText(path, Encoding.UTF8) == pair.Value) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, pair.Value, utf8);
                stdout.Write("wrote " + shownOut + pair.Key + "\n");
                written++;
            }
            foreach (var extra in ExtraRulePages(files, outDir))
            {
                File.Delete(Path.Combine(outDir, extra));
                stdout.Write("deleted " + shownOut + extra + " (no such rule)\n");
                written++;
            }
            stdout.Write(written == 0 ? "docs already up to date\n" : "docs updated (" + written + " file(s) changed)\n");
            return Success;
        }

        /// <summary>Rule pages (<c>rules/SORA*.md</c>) on disk that the generator no longer produces.</summary>
        private static List<string> ExtraRulePages(IReadOnlyDictionary<string, string> files, string outDir)
        {
            var rulesDir = Path.Combine(outDir, "rules");
            if (!Directory.Exists(rulesDir)) return new List<string>();
            return Directory.GetFiles(rulesDir, "SORA*.md")
                .Select(f => "rules/" + Path.GetFileName(f))
                .Where(f => !files.ContainsKey(f))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Paths (relative to the docs directory) that differ from what the generator produces.</summary>
    public sealed record DocsDifference(IReadOnlyList<string> Stale, IReadOnlyList<string> Missing, IReadOnlyList<string> Extra)
    {
        public bool IsEmpty => Stale.Count == 0 && Missing.Count == 0 && Extra.Count == 0;

        public IEnumerable<string> All => Stale.Concat(Missing).Concat(Extra);
    }
}
