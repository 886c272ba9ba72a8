namespace Sora.Config.Schema.Loading
{
    /// <summary>A 64-bit fingerprint of a schema file's text, to recognize the bundled files without parsing
    /// them. Not a security boundary: a project that forged a collision would only fool its own build.</summary>
    public static class SchemaFingerprint
    {
        private const ulong Prime = 0x100000001B3UL;

        /// <summary>FNV-1a over 64-bit words (four UTF-16 code units at a time), then over the remaining code
        /// units: about 22,000 steps for the 87 KB of bundled schema, instead of parsing it.</summary>
        public static unsafe ulong Of(string text)
        {
            ulong hash = 0xCBF29CE484222325UL ^ (ulong)text.Length;
            fixed (char* start = text)
            {
                int words = text.Length / 4;
                var p = (ulong*)start;
                for (int i = 0; i < words; i++) hash = (hash ^ p[i]) * Prime;
                for (int i = words * 4; i < text.Length; i++) hash = (hash ^ start[i]) * Prime;
            }
            // Spread the high bits of the last multiplications into the low ones.
            hash ^= hash >> 29;
            return hash;
        }
    }
}
