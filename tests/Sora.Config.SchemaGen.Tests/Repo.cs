using Sora.Config.SchemaGen;
using Sora.Config.Schema;
using Sora.Config.Schema.Loading;

namespace Sora.Config.SchemaGen.Tests
{
    /// <summary>The repository this test assembly was built from, and its real schema.</summary>
    internal static class Repo
    {
        public static string Root { get; } = FindRoot();

        public static string SchemaDir => Path.Combine(Root, "schema");

        public static string DocsDir => Path.Combine(Root, "docs");

        public static SchemaModel LoadSchema()
        {
            var result = SchemaLoader.Load(SchemaGenCommand.ReadSchema(SchemaDir, Root), usePreParsed: false);
            Assert.True(result.Errors.Count == 0,
                "the real schema has errors:\n" + string.Join("\n", result.Errors.Select(e => e.ToString())));
            return result.Schema;
        }

        private static string FindRoot()
        {
            var root = SchemaGenCommand.FindRepositoryRoot(AppContext.BaseDirectory);
            if (!File.Exists(Path.Combine(root, "Sora.Config.sln")))
                throw new InvalidOperationException("Sora.Config.sln not found above " + AppContext.BaseDirectory);
            return root;
        }
    }

    /// <summary>A directory under the system temp folder, deleted on dispose.</summary>
    internal sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sora-docgen-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
