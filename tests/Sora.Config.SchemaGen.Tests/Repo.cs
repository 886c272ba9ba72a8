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
}
