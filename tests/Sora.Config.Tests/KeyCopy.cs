using Sora.Config.Catalog;

namespace Sora.Config.Tests;

/// <summary>A schema key copied with some facts changed, as a project's schema could declare it (the catalogue's keys are
/// immutable, and their constructor takes every fact).</summary>
internal static class KeyCopy
{
    /// <summary>Open version bounds (present in every version) and, with <paramref name="unbounded"/>, no range.</summary>
    public static SoraKeyInfo Of(SoraKeyInfo k, bool unversioned = false, bool unbounded = false) => new(
        k.Name, k.Type, k.ItemType, k.Default, k.DefaultBefore, unbounded ? null : k.Min, unbounded ? null : k.Max, k.Units, k.DefaultUnit,
        k.Candidates, k.Category, unversioned ? null : k.Since, k.Deprecated, unversioned ? null : k.Removed, k.IsLegacy, k.IsSecret,
        k.Description.English, k.Description.Japanese, k.Source, k.Also, k.Inferred, k.InferredFacts, k.Example, k.Notes, k.Format);
}
