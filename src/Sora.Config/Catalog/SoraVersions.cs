using Sora.Config.Shared;

namespace Sora.Config.Catalog
{
    /// <summary>Sora release names (<c>YYYY.N</c>, optionally with a patch level <c>YYYY.N.P</c>).</summary>
    public static class SoraVersions
    {
        /// <summary>"2024.2" → 202402; "2024.2.1" is read as 2024.2; -1 when malformed.</summary>
        public static int Ordinal(string? version) => SoraNames.VersionOrdinal(version);

        /// <summary>The release line a full version belongs to: "2024.2.1" → "2024.2"; null when malformed.</summary>
        public static string? Normalize(string? version) => SoraNames.ReleaseLine(version);
    }
}
