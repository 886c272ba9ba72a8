using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
            // Few nodes on purpose: the whole pipeline runs on every edit, and each node costs a little even when all of it
            // is cached. So the schema and the build's switches are read in one step. It re-runs when a .toml additional
            // file or the options (.editorconfig, build properties) change; its value compares by content, so an unchanged
            // schema leaves the outputs cached. Other additional files (e.g. PublicAPI.*.txt) never reach it.
            var configured = context.AdditionalTextsProvider
                .Where(static text => text.Path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase))
                .Collect()
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, ct) => (Schema: Load(pair.Left, pair.Right, ct), Settings: ReadSettings(pair.Right)))
                .WithTrackingName(TrackingNames.Schema);

            context.RegisterSourceOutput(configured, static (spc, pair) =>
            {
                ReportSchemaErrors(spc, pair.Schema);
                if (pair.Schema is null || pair.Schema.HasErrors) return;
                if (pair.Settings.EmitCatalog) spc.AddSource("SoraCatalog.g.cs", CatalogEmitter.EmitDefaultCatalog(pair.Schema.Schema));
                // The merged catalogue, once for every generated class of a project with schema files of its own.
                if (pair.Schema.HasUserFiles) spc.AddSource("SoraConfProjectCatalog.g.cs", CatalogEmitter.EmitProjectCatalog(pair.Schema.Schema));
            });

            InitializeClasses(context, configured);
        }

        private static GeneratorSettings ReadSettings(AnalyzerConfigOptionsProvider options)
        {
            options.GlobalOptions.TryGetValue("build_property.SoraConfEmitCatalog", out var emit);
            options.GlobalOptions.TryGetValue("build_property.SoraConfProfile", out var profile);
            return new GeneratorSettings(string.Equals(emit, "true", StringComparison.OrdinalIgnoreCase), string.IsNullOrEmpty(profile) ? null : profile);
        }

        /// <summary>The .toml files marked with <c>SoraConfSchema</c> metadata (their text is read only then), bundled files
        /// first (versions, keys, rules), then the project's own, so they merge over the bundled schema.</summary>
        private static LoadedSchema? Load(ImmutableArray<AdditionalText> texts, AnalyzerConfigOptionsProvider options, CancellationToken ct)
        {
            var files = new List<(SchemaSource Source, bool Bundled)>();
            foreach (var text in texts)
            {
                options.GetOptions(text).TryGetValue("build_metadata.AdditionalFiles.SoraConfSchema", out var kind);
                if (kind is null || kind.Length == 0 || kind.Equals("false", StringComparison.OrdinalIgnoreCase)) continue;
                files.Add((new SchemaSource(text.Path, text.GetText(ct)?.ToString() ?? ""), kind.Equals("bundled", StringComparison.OrdinalIgnoreCase)));
            }
            if (files.Count == 0) return null;
            var result = SchemaLoader.Load(SchemaLoader.InLoadOrder(files));
            return new LoadedSchema(result.Schema, result.Errors, files.Any(f => !f.Bundled));
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
