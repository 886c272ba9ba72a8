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

        private static void InitializeClasses(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<LoadedSchema?> schema, IncrementalValueProvider<GeneratorSettings> settings)
        {
            var classes = context.SyntaxProvider
                .ForAttributeWithMetadataName(ClassParser.AttributeName,
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                    static (ctx, ct) => ClassParser.Parse(ctx, ct))
                .WithTrackingName(TrackingNames.Classes);

            // Diagnostics read locations; source output does not, so moving a class does not re-emit it.
            // (A null model, a target the parser could not read, is skipped in each step rather than by a Where node.)
            context.RegisterSourceOutput(classes.Combine(schema), static (spc, pair) =>
            {
                if (pair.Left is not null) ReportClassDiagnostics(spc, pair.Left, pair.Right);
            });

            var sourceModels = classes
                .Select(static (m, _) => m is null ? null : m with { Location = null })
                .WithTrackingName(TrackingNames.ClassModels);

            context.RegisterSourceOutput(sourceModels.Combine(schema).Combine(settings), static (spc, pair) =>
            {
                var model = pair.Left.Left;
                var result = pair.Left.Right;
                if (model is null || result is null || result.HasErrors || !model.IsPartial) return;
                var version = ResolveVersion(model, result.Schema, out _);
                if (version is null || Clashes(model, result.Schema, version).Any()) return;
                spc.AddSource(HintName(model), ClassEmitter.Emit(model, result.Schema, version, result.HasUserFiles, pair.Right.Profile));
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

        private static void ReportClassDiagnostics(SourceProductionContext spc, ClassModel model, LoadedSchema? result)
        {
            var location = model.Location?.ToLocation() ?? Location.None;
            if (!model.IsPartial)
            {
                spc.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.NotPartial, location, model.NotPartialName ?? model.Name));
                return;
            }
            if (result is null)
            {
                spc.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.NoSchema, location, model.Name));
                return;
            }
            if (result.HasErrors) return;
            if (ResolveVersion(model, result.Schema, out var problem) is null)
            {
                var known = string.Join(", ", result.Schema.Versions.Select(v => v.Name));
                spc.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.UnknownVersion, location, model.SoraVersion ?? "", problem, known));
                return;
            }
            foreach (var (member, key) in Clashes(model, result.Schema, ResolveVersion(model, result.Schema, out _)!))
            {
                spc.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.MemberClash, location, model.Name, member, key));
            }
        }

        /// <summary>The targeted version: the attribute's release line (<c>YYYY.N</c>, a patch level ignored) or the newest known.</summary>
        private static string? ResolveVersion(ClassModel model, SchemaModel schema, out string problem)
        {
            problem = "";
            if (model.SoraVersion is null) return schema.NewestVersion;
            var line = Sora.Config.Shared.SoraNames.ReleaseLine(model.SoraVersion);
            if (line is null)
            {
                problem = "not of the form YYYY.N";
                return null;
            }
            if (!schema.Versions.Any(v => v.Name == line))
            {
                problem = "not a Sora version the schema knows";
                return null;
            }
            return line;
        }

        private static System.Collections.Generic.IEnumerable<(string Member, string Key)> Clashes(ClassModel model, SchemaModel schema, string version)
        {
            foreach (var key in schema.Keys.Where(k => ClassEmitter.Exists(k, version)))
            {
                var name = Sora.Config.Shared.SoraNames.PascalCase(key.Name);
                if (model.DeclaredMembers.Contains(name)) yield return (name, key.Name);
            }
            foreach (var member in ClassEmitter.FixedMembers)
            {
                if (model.DeclaredMembers.Contains(member)) yield return (member, "(generated member)");
            }
        }

        private static string HintName(ClassModel model)
        {
            var chars = model.FullName.Select(c => char.IsLetterOrDigit(c) || c == '.' ? c : '_').ToArray();
            return new string(chars) + (model.TypeParameters.Length > 0 ? "`" + model.TypeParameters.Count(c => c == ',') : "") + ".SoraConf.g.cs";
        }
    }
}
