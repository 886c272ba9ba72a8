using System.ComponentModel;
using System.Reflection;
using Sora.Config.Catalog;

namespace Sora.Config.Tests;

/// <summary>Rules of the public surface that the API baseline (src/Sora.Config/PublicAPI.*.txt, checked by
/// Microsoft.CodeAnalysis.PublicApiAnalyzers for each target framework) cannot see: nullability attributes, editor
/// visibility, constructors and statics. Compiled against both the net10.0 and the netstandard2.0 build (where the
/// nullability attributes are the library's own polyfills), so both builds are held to them.</summary>
public class PublicApiTests
{
    private static readonly Assembly Runtime = typeof(SoraCatalog).Assembly;

    private static IEnumerable<Type> PublicTypes => Runtime.GetExportedTypes();

    private static bool Has(MemberInfo member, string attributeName) =>
        member.GetCustomAttributesData().Any(a => a.AttributeType.FullName == attributeName);

    private static bool Has(ParameterInfo parameter, string attributeName) =>
        parameter.GetCustomAttributesData().Any(a => a.AttributeType.FullName == attributeName);

    /// <summary>Out parameters of Try methods that are set whatever the result (so need no attribute): the findings of a
    /// generated class's TryParse, which explain a failure as much as a success.</summary>
    private static readonly string[] AlwaysSet = { "Sora.Config.SoraConf.TryParse(diagnostics)" };

    [Fact]
    public void Try_pattern_out_parameters_of_reference_type_state_when_they_are_null()
    {
        // A nullable out parameter says it is set on success ([NotNullWhen(true)]); a non-nullable one that is not set on
        // failure says so ([MaybeNullWhen(false)]), as IDictionary.TryGetValue does.
        var nullability = new NullabilityInfoContext();
        var missing = new List<string>();
        foreach (var type in PublicTypes)
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            foreach (var method in methods.Where(m => m.Name.StartsWith("Try", StringComparison.Ordinal) && m.ReturnType == typeof(bool)))
            {
                foreach (var parameter in method.GetParameters().Where(p => p.IsOut && !p.ParameterType.GetElementType()!.IsValueType))
                {
                    var name = $"{type.FullName}.{method.Name}({parameter.Name})";
                    bool nullable = nullability.Create(parameter).WriteState == NullabilityState.Nullable;
                    bool ok = nullable
                        ? Has(parameter, "System.Diagnostics.CodeAnalysis.NotNullWhenAttribute")
                        : Has(parameter, "System.Diagnostics.CodeAnalysis.MaybeNullWhenAttribute") || AlwaysSet.Contains(name);
                    if (!ok) missing.Add(name + (nullable ? ": nullable without [NotNullWhen(true)]" : ": neither [MaybeNullWhen(false)] nor always set"));
                }
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void The_Try_pattern_check_sees_the_methods_it_is_meant_for()
    {
        // Guards the test above against passing vacuously (a renamed method, a filter that matches nothing).
        var parameter = typeof(SoraCatalog).GetMethod(nameof(SoraCatalog.TryGetKey))!.GetParameters()[1];
        Assert.True(Has(parameter, "System.Diagnostics.CodeAnalysis.MaybeNullWhenAttribute"));
        var conf = typeof(SoraConf).GetMethod(nameof(SoraConf.TryParse))!.GetParameters()[1];
        Assert.True(Has(conf, "System.Diagnostics.CodeAnalysis.NotNullWhenAttribute"));
    }

    [Fact]
    public void What_generated_code_calls_is_in_CodeGeneration_and_hidden_from_IntelliSense()
    {
        var codeGeneration = PublicTypes.Where(t => t.Namespace == "Sora.Config.CodeGeneration").ToList();
        Assert.NotEmpty(codeGeneration);
        Assert.All(codeGeneration, t => Assert.Equal(EditorBrowsableState.Never, t.GetCustomAttribute<EditorBrowsableAttribute>()?.State));
        // And only there: everything else is meant to be used.
        Assert.DoesNotContain(PublicTypes, t => t.Namespace != "Sora.Config.CodeGeneration" && t.GetCustomAttribute<EditorBrowsableAttribute>() != null);
    }

    [Fact]
    public void There_are_no_public_mutable_statics()
    {
        var mutable = new List<string>();
        foreach (var type in PublicTypes)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (!field.IsLiteral && !field.IsInitOnly) mutable.Add(type.FullName + "." + field.Name);
            }
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (property.SetMethod is { IsPublic: true }) mutable.Add(type.FullName + "." + property.Name);
            }
        }
        Assert.Empty(mutable);
    }

    [Theory]
    [InlineData(typeof(SoraCatalog))]
    [InlineData(typeof(SoraKeyInfo))]
    [InlineData(typeof(SoraRuleInfo))]
    [InlineData(typeof(SoraRuleCheck))]
    [InlineData(typeof(SoraRuleFix))]
    [InlineData(typeof(SoraPredicate))]
    [InlineData(typeof(SoraPortListener))]
    [InlineData(typeof(SoraConfDiagnostic))]
    [InlineData(typeof(SoraMessageArguments))]
    [InlineData(typeof(SoraValueError))]
    [InlineData(typeof(SoraConfLintResult))]
    [InlineData(typeof(SoraSuppressedDiagnostic))]
    [InlineData(typeof(Sora.Config.Fixes.SoraConfFix))]
    [InlineData(typeof(SoraConfLine))]
    [InlineData(typeof(SoraConfDocument))]
    [InlineData(typeof(SoraConfFile))]
    public void Data_types_are_built_by_the_library_not_by_their_constructors(Type type)
    {
        // Catalogues are built through Sora.Config.CodeGeneration.SoraCatalogFactory; the rest by parsing and evaluating.
        Assert.Empty(type.GetConstructors());
    }
}
