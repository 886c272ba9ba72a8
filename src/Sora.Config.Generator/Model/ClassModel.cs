using System.Linq;
using Sora.Config.Schema;

namespace Sora.Config.Generator.Model
{
    /// <summary>A [GeneratedSoraConf] class as the emitter needs it: names and attribute values only, no location (the
    /// analyzers report the class's usage errors, so moving a class changes nothing here).
    /// <see cref="Profile"/> is null when the attribute does not set it (the build's SoraConfProfile then decides).
    /// <see cref="NotPartialName"/> is the class or the first containing type that is not partial, null when all are.</summary>
    internal sealed record ClassModel(
        string? Namespace,
        string Name,
        string TypeParameters,
        EquatableArray<string> ContainingTypes,
        string? SoraVersion,
        int? Profile,
        string? NotPartialName,
        EquatableArray<string> DeclaredMembers)
    {
        public string FullName => (Namespace is null ? "" : Namespace + ".") + string.Concat(ContainingTypes.Select(c => c.Substring(c.LastIndexOf(' ') + 1) + ".")) + Name;
    }
}
