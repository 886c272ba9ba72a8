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
        /// <summary>The project's catalogue; the bundled one when the project's schema files have errors or there are none.</summary>
        public static SoraCatalog For(AnalyzerOptions options, System.Threading.CancellationToken cancellation) =>
            Load(options, cancellation).Catalog ?? SoraCatalog.Default;

        /// <summary>The project's schema as the generator sees it: whether there are schema files at all, and the merged
        /// catalogue (null when they have errors, which the generator reports as SORA9002–9004 and generates nothing for).</summary>
        public static ProjectSchema Load(AnalyzerOptions options, System.Threading.CancellationToken cancellation)
        {
            var schemaFiles = new List<(AdditionalText File, bool Bundled)>();
            foreach (var file in options.AdditionalFiles)
            {
                if (!file.Path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase)) continue;
                options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue("build_metadata.AdditionalFiles.SoraConfSchema", out var kind);
                if (string.IsNullOrEmpty(kind) || string.Equals(kind, "false", StringComparison.OrdinalIgnoreCase)) continue;
                schemaFiles.Add((file, string.Equals(kind, "bundled", StringComparison.OrdinalIgnoreCase)));
            }
            if (schemaFiles.Count == 0) return ProjectSchema.None;
            // Only the package's files: the catalogue compiled into the runtime is theirs, no text needs reading.
            if (schemaFiles.All(f => f.Bundled)) return new ProjectSchema(true, SoraCatalog.Default);
            var sources = schemaFiles.Select(f => (new SchemaSource(f.File.Path, f.File.GetText(cancellation)?.ToString() ?? ""), f.Bundled));
            return new ProjectSchema(true, SoraCatalogLoader.LoadProject(sources).Catalog);
        }
    }

    /// <summary>A compilation's schema files: whether it has any, and their catalogue (null when they have errors).</summary>
    internal sealed class ProjectSchema
    {
        public static readonly ProjectSchema None = new ProjectSchema(false, null);

        public ProjectSchema(bool hasFiles, SoraCatalog? catalog)
        {
            HasFiles = hasFiles;
            Catalog = catalog;
        }

        public bool HasFiles { get; }

        public SoraCatalog? Catalog { get; }

        public bool HasErrors => HasFiles && Catalog is null;
    }
}
