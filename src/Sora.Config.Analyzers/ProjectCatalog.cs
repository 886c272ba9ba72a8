using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sora.Config.Catalog;
using Sora.Config.CatalogLoader;
using Sora.Config.Schema.Loading;

namespace Sora.Config.Analyzers
{
    /// <summary>The catalogue a compilation's generated classes were generated from: the schema files the package and
    /// the project add as AdditionalFiles (<c>SoraConfSchema</c> metadata), merged as the generator merges them.</summary>
    internal static class ProjectCatalog
    {
        public static SoraCatalog For(AnalyzerOptions options, System.Threading.CancellationToken cancellation)
        {
            var schemaFiles = new List<(AdditionalText File, bool Bundled)>();
            foreach (var file in options.AdditionalFiles)
            {
                if (!file.Path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase)) continue;
                options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue("build_metadata.AdditionalFiles.SoraConfSchema", out var kind);
                if (string.IsNullOrEmpty(kind) || string.Equals(kind, "false", StringComparison.OrdinalIgnoreCase)) continue;
                schemaFiles.Add((file, string.Equals(kind, "bundled", StringComparison.OrdinalIgnoreCase)));
            }
            // Only the package's files: the catalogue compiled into the runtime is theirs, no text needs reading.
            if (schemaFiles.All(f => f.Bundled)) return SoraCatalog.Default;
            var sources = schemaFiles.Select(f => (new SchemaSource(f.File.Path, f.File.GetText(cancellation)?.ToString() ?? ""), f.Bundled));
            // A schema with errors is reported by the generator (SORA9002–9004); the analyzers keep to the bundled catalogue.
            return SoraCatalogLoader.LoadProject(sources).Catalog ?? SoraCatalog.Default;
        }
    }
}
