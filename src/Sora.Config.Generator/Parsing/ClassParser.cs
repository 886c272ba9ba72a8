using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sora.Config.Generator.Model;
using Sora.Config.Schema;

namespace Sora.Config.Generator.Parsing
{
    /// <summary>Roslyn → <see cref="ClassModel"/>. The only place that looks at symbols and syntax.</summary>
    internal static class ClassParser
    {
        public const string AttributeName = "Sora.Config.GeneratedSoraConfAttribute";

        public static ClassModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not ClassDeclarationSyntax syntax) return null;
            ct.ThrowIfCancellationRequested();

            string? version = null;
            int? profile = null;
            foreach (var attribute in context.Attributes)
            {
                foreach (var arg in attribute.NamedArguments)
                {
                    if (arg.Key == "SoraVersion") version = arg.Value.Value as string;
                    else if (arg.Key == "Profile" && arg.Value.Value is int p) profile = p;
                }
            }

            // The class and every type containing it must be partial for the generator to add members.
            string? notPartial = IsPartial(syntax) ? null : type.Name;
            var containers = ContainingTypes(syntax, ref notPartial);

            return new ClassModel(
                Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                Name: type.Name,
                TypeParameters: TypeParameterText(syntax.TypeParameterList),
                ContainingTypes: containers,
                SoraVersion: version,
                Profile: profile,
                NotPartialName: notPartial,
                DeclaredMembers: DeclaredMembers(type),
                HasNotNullWhen: HasNotNullWhen(context.SemanticModel.Compilation),
                HasConfiguration: HasConfiguration(context.SemanticModel.Compilation));
        }

        // This runs again on every edit of the project (the compilation changes), so the common case, a top-level class
        // with no members of its own, allocates nothing before the model itself.

        /// <summary>The declarations of the containing types, outermost first; records the first that is not partial.</summary>
        private static EquatableArray<string> ContainingTypes(TypeDeclarationSyntax syntax, ref string? notPartial)
        {
            if (syntax.Parent is not TypeDeclarationSyntax) return EquatableArray<string>.Empty;
            var containers = new List<string>();
            for (var parent = syntax.Parent as TypeDeclarationSyntax; parent != null; parent = parent.Parent as TypeDeclarationSyntax)
            {
                if (!IsPartial(parent)) notPartial ??= parent.Identifier.Text;
                containers.Insert(0, Keyword(parent) + " " + parent.Identifier.Text + TypeParameterText(parent.TypeParameterList));
            }
            return new EquatableArray<string>(containers.ToArray());
        }

        /// <summary>The names the class declares itself (in any of its parts), sorted, each once.</summary>
        private static EquatableArray<string> DeclaredMembers(INamedTypeSymbol type)
        {
            List<string>? names = null;
            foreach (var member in type.GetMembers())
            {
                if (!member.IsImplicitlyDeclared) (names ??= new List<string>()).Add(member.Name);
            }
            if (names is null) return EquatableArray<string>.Empty;
            names.Sort(System.StringComparer.Ordinal);
            int kept = 0;
            for (int i = 0; i < names.Count; i++)
            {
                if (kept == 0 || names[i] != names[kept - 1]) names[kept++] = names[i];
            }
            names.RemoveRange(kept, names.Count - kept);
            return new EquatableArray<string>(names.ToArray());
        }

        /// <summary>True when exactly one <c>NotNullWhenAttribute</c> is usable here: the framework's, or a polyfill of the
        /// project's own (another assembly's internal polyfill does not count; two usable ones would be ambiguous).</summary>
        private static bool HasNotNullWhen(Compilation compilation)
        {
            int usable = 0;
            foreach (var type in compilation.GetTypesByMetadataName("System.Diagnostics.CodeAnalysis.NotNullWhenAttribute"))
            {
                if (IsUsableHere(type, compilation)) usable++;
            }
            return usable == 1;
        }

        /// <summary>True when Microsoft.Extensions.Configuration.Abstractions is referenced (its <c>IConfiguration</c> and
        /// <c>IConfigurationSection</c> are usable here): only then does the class get <c>FromConfiguration</c>.</summary>
        private static bool HasConfiguration(Compilation compilation)
        {
            foreach (var name in ConfigurationTypes)
            {
                if (compilation.GetTypeByMetadataName(name) is not { } type || !IsUsableHere(type, compilation)) return false;
            }
            return true;
        }

        /// <summary>The type, found by the compilation's own lookup, is accessible in its assembly. A public top-level type
        /// or one of the project's own always is; only the others take the full check, which walks the references and
        /// would otherwise be paid on every edit (the class transform re-runs whenever the compilation changes).</summary>
        private static bool IsUsableHere(INamedTypeSymbol type, Compilation compilation) =>
            (type.ContainingType is null && type.DeclaredAccessibility == Accessibility.Public)
            || SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
            || compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);

        private static readonly string[] ConfigurationTypes = { "Microsoft.Extensions.Configuration.IConfiguration", "Microsoft.Extensions.Configuration.IConfigurationSection" };

        private static string Keyword(TypeDeclarationSyntax type) => type is RecordDeclarationSyntax record && record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword)
            ? "record struct"
            : type.Keyword.ValueText;

        private static bool IsPartial(TypeDeclarationSyntax syntax)
        {
            foreach (var modifier in syntax.Modifiers)
            {
                if (modifier.IsKind(SyntaxKind.PartialKeyword)) return true;
            }
            return false;
        }

        private static string TypeParameterText(TypeParameterListSyntax? list) =>
            list is null ? "" : "<" + string.Join(", ", list.Parameters.Select(p => p.Identifier.Text)) + ">";
    }
}
