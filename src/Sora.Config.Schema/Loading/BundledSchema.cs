using System.Collections.Generic;

namespace Sora.Config.Schema.Loading
{
    /// <summary>The bundled schema files, parsed and validated at build time by src/Sora.Config.SchemaGen into
    /// BundledSchema.g.cs. A source whose text equals a bundled file's is taken from there, so the generator
    /// does not parse 87 KB of TOML when a project opens. An edited or stale file does not match and is parsed
    /// as usual.</summary>
    internal static partial class BundledSchema
    {
        public static bool TryGet(SchemaSource source, out int index, out ParsedSchemaFile? file)
        {
            for (int i = 0; i < Files.Length; i++)
            {
                // Exact text, not a hash: an edited file can never be mistaken for a bundled one. Comparing
                // 87 KB costs a few microseconds (the length check rejects other files at once).
                if (Files[i].Text.Length != source.Text.Length || !string.Equals(Files[i].Text, source.Text, System.StringComparison.Ordinal)) continue;
                index = i;
                file = Create(i, source.Path);
                return true;
            }
            index = -1;
            file = null;
            return false;
        }

        /// <summary>True when the indexes are every bundled file once, in order (the set that was validated).</summary>
        public static bool IsWholeSet(List<int> indexes)
        {
            if (indexes.Count != Files.Length) return false;
            for (int i = 0; i < indexes.Count; i++)
            {
                if (indexes[i] != i) return false;
            }
            return true;
        }
    }
}
