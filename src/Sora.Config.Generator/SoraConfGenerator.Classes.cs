using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Sora.Config.Generator.Emit;
using Sora.Config.Generator.Model;
using Sora.Config.Generator.Parsing;
using Sora.Config.Schema;
using Sora.Config.Schema.Loading;

namespace Sora.Config.Generator
{
    public sealed partial class SoraConfGenerator
    {
        /// <summary>The oldest compiler the generator supports (Tomlyn 2.x needs System.Collections.Immutable 9).</summary>
        private static readonly Version FloorCompiler = new Version(4, 14);

        private static void InitializeClasses(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<(LoadedSchema? Schema, GeneratorSettings Settings)> configured)
        {
            var classes = context.SyntaxProvider
                .ForAttributeWithMetadataName(ClassParser.AttributeName,
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                    static (ctx, ct) => ClassParser.Parse(ctx, ct))
                .WithTrackingName(TrackingNames.Classes);

            // SORA9001/9005/9007/9008 are the analyzers' (SoraConfUsageAnalyzer reports them at the class, in source, where
            // #pragma and [SuppressMessage] apply); here such a class is skipped silently, by the same decision.
            // The model holds no location, so moving a class leaves its step unchanged and does not re-emit it.
            context.RegisterSourceOutput(classes.Combine(configured), static (spc, pair) =>
            {
                var model = pair.Left;
                var result = pair.Right.Schema;
                if (model is null || result is null || result.HasErrors) return;
                var version = Decide(model, result).Version;
                if (version is null) return;
                spc.AddSource(HintName(model), ClassEmitter.Emit(model, result.Schema, version, result.HasUserFiles, pair.Right.Settings.Profile));
            });

            // The compiler is known once, here; a CompilationProvider node would re-run on every edit.
            var compiler = typeof(Compilation).Assembly.GetName().Version ?? new Version(0, 0);
            if (compiler < FloorCompiler)
            {
                context.RegisterSourceOutput(classes.Collect(), (spc, found) =>
                {
                    if (found.IsDefaultOrEmpty || found.All(m => m is null)) return;
                    spc.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.CompilerTooOld, Location.None, FloorCompiler.ToString(), compiler.ToString()));
                });
            }
        }

        /// <summary>The decision the analyzers reach too (<see cref="GeneratedClassRules.Decide"/>): the targeted version,
        /// or nothing when the class is not partial, the version is unknown or a declared member clashes.</summary>
        private static GeneratedClassVerdict Decide(ClassModel model, LoadedSchema result) => GeneratedClassRules.Decide(
            model.Name,
            model.NotPartialName,
            model.SoraVersion,
            name => model.DeclaredMembers.Contains(name),
            hasSchema: true,
            schemaHasErrors: result.HasErrors,
            result.Schema.Versions.Select(v => v.Name).ToList(),
            result.Schema.Keys.Select(k => (k.Name, k.Since, k.Removed)));

        private static string HintName(ClassModel model)
        {
            var chars = model.FullName.Select(c => char.IsLetterOrDigit(c) || c == '.' ? c : '_').ToArray();
            return new string(chars) + (model.TypeParameters.Length > 0 ? "`" + model.TypeParameters.Count(c => c == ',') : "") + ".SoraConf.g.cs";
        }
    }
}
