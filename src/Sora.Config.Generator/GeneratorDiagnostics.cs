using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Sora.Config.Schema;

namespace Sora.Config.Generator
{
    /// <summary>SORA9xxx: the SDK usage errors the generator reports (each with a help page): errors in the schema files,
    /// located in those files, and a compiler too old. SORA9001/9005/9007/9008, about a [GeneratedSoraConf] class, are
    /// reported by the analyzers at the class (Sora.Config.Analyzers' SoraConfUsageAnalyzer).</summary>
    internal static class GeneratorDiagnostics
    {
        private const string Category = "Sora.Config.Usage";

        public static readonly DiagnosticDescriptor MalformedSchema = Create("SORA9002", "Malformed sora.conf schema file",
            "{0}");

        public static readonly DiagnosticDescriptor ConflictingSchema = Create("SORA9003", "Conflicting definitions in sora.conf schema files",
            "{0}");

        public static readonly DiagnosticDescriptor InvalidKeyName = Create("SORA9004", "Schema key cannot become a C# property",
            "{0}");

        public static readonly DiagnosticDescriptor CompilerTooOld = Create("SORA9006", "Compiler older than Sora.Config supports",
            "Sora.Config's generator needs a C# compiler of Roslyn {0} or later (the .NET 9.0.300 SDK / Visual Studio 17.14 or later); this compiler is {1}");

        private static DiagnosticDescriptor Create(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
                helpLinkUri: "https://github.com/sora-config/Sora.Config/blob/main/docs/rules/" + id + ".md");

        public static Location LocationOf(SchemaLocation at)
        {
            var position = new LinePosition(System.Math.Max(0, at.Line - 1), System.Math.Max(0, at.Column - 1));
            return Location.Create(at.Path, new TextSpan(0, 0), new LinePositionSpan(position, position));
        }
    }
}
