using System.Linq;
using Sora.Config.Schema;

namespace Sora.Config.Generator.Model
{
    /// <summary>A [GeneratedSoraConf] class as the emitter needs it: names and attribute values only, no location (the
    /// analyzers report the class's usage errors, so moving a class changes nothing here).
    /// <see cref="Profile"/> is null when the attribute does not set it (the build's SoraConfProfile then decides).
    /// <see cref="NotPartialName"/> is the class or the first containing type that is not partial, null when all are.
    /// <see cref="HasNotNullWhen"/>: the compilation can use <c>[NotNullWhen]</c> (.NET Core 3.0 and later, or a polyfill of
    /// its own), so the generated TryParse tells the compiler its result is not null when it returns true.
    /// <see cref="HasConfiguration"/>: the compilation can use Microsoft.Extensions.Configuration's <c>IConfiguration</c>,
    /// so the class gets <c>FromConfiguration</c>/<c>TryFromConfiguration</c> (docs/options.md).</summary>
    internal sealed record ClassModel(
        string? Namespace,
        string Name,
        string TypeParameters,
        EquatableArray<string> ContainingTypes,
        string? SoraVersion,
        int? Profile,
        string? NotPartialName,
        EquatableArray<string> DeclaredMembers,
        bool HasNotNullWhen = false,
        bool HasConfiguration = false)
    {
        public string FullName => (Namespace is null ? "" : Namespace + ".") + string.Concat(ContainingTypes.Select(c => c.Substring(c.LastIndexOf(' ') + 1) + ".")) + Name;
    }
}
