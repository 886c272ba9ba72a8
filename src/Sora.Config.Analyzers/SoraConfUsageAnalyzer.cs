using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Sora.Config.Schema;

namespace Sora.Config.Analyzers
{
    /// <summary>SORA9001, 9005, 9007 and 9008: why the generator emits nothing for a [GeneratedSoraConf] class, reported
    /// at the class's identifier in source, so <c>#pragma warning disable</c>, <c>[SuppressMessage]</c> and .editorconfig
    /// severities apply (a generator can only report them at a location it rebuilds as an external file's). The verdict
    /// is the generator's own (<see cref="GeneratedClassRules.Decide"/>), on the class's symbol and the project's schema.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SoraConfUsageAnalyzer : DiagnosticAnalyzer
    {
        private const string AttributeNamespace = "Sora.Config";
        private const string AttributeName = "GeneratedSoraConfAttribute";
        private const string GeneratorName = "Sora.Config.Generator";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => UsageDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            // The generator reads classes in generated files too, so they are analyzed here as well.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // A compilation that does not reference Sora.Config registers nothing.
                if (start.Compilation.GetTypeByMetadataName(AttributeNamespace + "." + AttributeName) is null) return;
                // The schema files are read once per compilation, and only if it has a [GeneratedSoraConf] class.
                var schema = new Lazy<ProjectSchema>(() => ProjectCatalog.Load(start.Options, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
                start.RegisterSymbolAction(c => AnalyzeType(c, schema), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, Lazy<ProjectSchema> schema)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Class) return;
            foreach (var attribute in type.GetAttributes())
            {
                if (!IsGeneratedSoraConf(attribute.AttributeClass)) continue;
                // The generator's targets: class declarations carrying the attribute (a record is not one).
                if (attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).Parent?.Parent is not ClassDeclarationSyntax syntax) continue;
                Analyze(context, type, syntax, attribute, schema.Value);
            }
        }

        private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, ClassDeclarationSyntax syntax, AttributeData attribute, ProjectSchema schema)
        {
            string? version = null;
            foreach (var arg in attribute.NamedArguments)
            {
                if (arg.Key == "SoraVersion") version = arg.Value.Value as string;
            }

            // As the generator's ClassParser: the declaration carrying the attribute and every type containing it.
            string? notPartial = IsPartial(syntax) ? null : type.Name;
            for (var parent = syntax.Parent as TypeDeclarationSyntax; parent != null && notPartial is null; parent = parent.Parent as TypeDeclarationSyntax)
            {
                if (!IsPartial(parent)) notPartial = parent.Identifier.Text;
            }

            var catalog = schema.Catalog;
            var verdict = GeneratedClassRules.Decide(
                type.Name,
                notPartial,
                version,
                DeclaredMembers(type),
                schema.HasFiles,
                schema.HasErrors,
                catalog?.Versions ?? Array.Empty<string>(),
                catalog is null ? Enumerable.Empty<(string, string?, string?)>() : catalog.Keys.Select(k => (k.Name, k.Since, k.Removed)));

            var location = syntax.Identifier.GetLocation();
            foreach (var problem in verdict.Problems)
            {
                if (!UsageDescriptors.ById.TryGetValue(problem.Id, out var descriptor)) continue;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, problem.Arguments.ToArray<object>()));
            }
        }

        /// <summary>The members the class's own code declares. The generator's part is in the compilation here: when the
        /// class has it, the generator emitted the class, so it saw no clash; when it has not, every member is the user's.</summary>
        private static Func<string, bool> DeclaredMembers(INamedTypeSymbol type)
        {
            if (type.GetAttributes().Any(IsOurGeneratedCode)) return _ => false;
            return name => type.GetMembers(name).Any(m => !m.IsImplicitlyDeclared);
        }

        private static bool IsGeneratedSoraConf(INamedTypeSymbol? attribute) =>
            attribute is { Name: AttributeName, ContainingType: null } && attribute.ContainingNamespace.ToDisplayString() == AttributeNamespace;

        /// <summary><c>[GeneratedCode("Sora.Config.Generator", …)]</c>, which the generator puts on its part of the class.</summary>
        private static bool IsOurGeneratedCode(AttributeData attribute) =>
            attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } generated
            && generated.ContainingNamespace.ToDisplayString() == "System.CodeDom.Compiler"
            && attribute.ConstructorArguments.Length > 0
            && attribute.ConstructorArguments[0].Value as string == GeneratorName;

        private static bool IsPartial(TypeDeclarationSyntax syntax) => syntax.Modifiers.Any(SyntaxKind.PartialKeyword);
    }
}
