using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sora.Config.Generator.Emit;
using Sora.Config.Generator.Model;
using Sora.Config.Schema;
using Sora.Config.Schema.Loading;

namespace Sora.Config.Generator
{
    /// <summary>Schema (AdditionalFiles) → equatable model → C#. Only strings, records and equatable
    /// arrays flow between steps: no Compilation, symbol, syntax node or Tomlyn object.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class SoraConfGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Few nodes on purpose: every node costs a little on each run, even when all of it is cached.
            // Files are filtered by extension and metadata before their text is read.
            var schemaFiles = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, ct) =>
                {
                    if (!pair.Left.Path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase)) return null;
                    var options = pair.Right.GetOptions(pair.Left);
                    options.TryGetValue("build_metadata.AdditionalFiles.SoraConfSchema", out var kind);
                    if (kind is null || kind.Length == 0 || kind.Equals("false", StringComparison.OrdinalIgnoreCase)) return null;
                    var text = pair.Left.GetText(ct)?.ToString() ?? "";
                    return new SchemaFile(pair.Left.Path, text, kind.Equals("bundled", StringComparison.OrdinalIgnoreCase));
                })
                .WithTrackingName(TrackingNames.SchemaFiles);

            var schema = schemaFiles.Collect()
                .Select(static (files, _) => Load(files))
                .WithTrackingName(TrackingNames.Schema);

            var settings = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) =>
                {
                    options.GlobalOptions.TryGetValue("build_property.SoraConfEmitCatalog", out var emit);
                    options.GlobalOptions.TryGetValue("build_property.SoraConfProfile", out var profile);
                    return new GeneratorSettings(string.Equals(emit, "true", StringComparison.OrdinalIgnoreCase), string.IsNullOrEmpty(profile) ? null : profile);
                })
                .WithTrackingName(TrackingNames.Settings);

            // One node pairs the schema with the settings for both outputs: each node costs a little on every run.
            var configured = schema.Combine(settings);
            context.RegisterSourceOutput(configured, static (spc, pair) =>
            {
                ReportSchemaErrors(spc, pair.Left);
                if (pair.Left is null || pair.Left.HasErrors) return;
                if (pair.Right.EmitCatalog) spc.AddSource("SoraCatalog.g.cs", CatalogEmitter.EmitDefaultCatalog(pair.Left.Schema));
                // The merged catalogue, once for every generated class of a project with schema files of its own.
                if (pair.Left.HasUserFiles) spc.AddSource("SoraConfProjectCatalog.g.cs", CatalogEmitter.EmitProjectCatalog(pair.Left.Schema));
            });

            InitializeClasses(context, configured);
        }

        /// <summary>Bundled files first (versions, keys, rules), then the project's own, so they merge over the bundled schema.</summary>
        private static LoadedSchema? Load(ImmutableArray<SchemaFile?> all)
        {
            var files = all.IsDefault ? ImmutableArray<SchemaFile?>.Empty : all.RemoveAll(f => f is null);
            if (files.IsEmpty) return null;
            var result = SchemaLoader.Load(SchemaLoader.InLoadOrder(files.Select(f => (new SchemaSource(f!.Path, f.Text), f.Bundled))));
            return new LoadedSchema(result.Schema, result.Errors, files.Any(f => !f!.Bundled));
        }

        private static void ReportSchemaErrors(SourceProductionContext spc, LoadedSchema? result)
        {
            if (result is null) return;
            foreach (var error in result.Errors)
            {
                var descriptor = error.Code switch
                {
                    SchemaErrors.ConflictingDuplicate => GeneratorDiagnostics.ConflictingSchema,
                    SchemaErrors.InvalidKeyName => GeneratorDiagnostics.InvalidKeyName,
                    _ => GeneratorDiagnostics.MalformedSchema,
                };
                spc.ReportDiagnostic(Diagnostic.Create(descriptor, GeneratorDiagnostics.LocationOf(error.Location), error.Message));
            }
        }
    }
}
