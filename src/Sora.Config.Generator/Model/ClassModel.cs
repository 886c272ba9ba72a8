using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Sora.Config.Schema;

namespace Sora.Config.Generator.Model
{
    /// <summary>Where a diagnostic goes, as plain values (a Location would hold the syntax tree).</summary>
    internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public static LocationInfo? From(Location? location)
        {
            if (location is null || location.SourceTree is null) return null;
            var span = location.GetLineSpan().Span;
            return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length, span.Start.Line, span.Start.Character, span.End.Line, span.End.Character);
        }

        public Location ToLocation() => Location.Create(FilePath, new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
    }

    /// <summary>A [GeneratedSoraConf] class as the emitter needs it: names and attribute values only.
    /// <see cref="Profile"/> is null when the attribute does not set it (the build's SoraConfProfile then decides).
    /// <see cref="HasNotNullWhen"/>: the compilation can use <c>[NotNullWhen]</c> (.NET Core 3.0 and later, or a polyfill of
    /// its own), so the generated TryParse tells the compiler its result is not null when it returns true.</summary>
    internal sealed record ClassModel(
        string? Namespace,
        string Name,
        string TypeParameters,
        EquatableArray<string> ContainingTypes,
        string? SoraVersion,
        int? Profile,
        bool IsPartial,
        string? NotPartialName,
        EquatableArray<string> DeclaredMembers,
        LocationInfo? Location,
        bool HasNotNullWhen = false)
    {
        public string FullName => (Namespace is null ? "" : Namespace + ".") + string.Concat(ContainingTypes.Select(c => c.Substring(c.LastIndexOf(' ') + 1) + ".")) + Name;
    }
}
