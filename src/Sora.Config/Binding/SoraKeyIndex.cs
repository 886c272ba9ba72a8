using System;
using System.Runtime.CompilerServices;

namespace Sora.Config
{
    /// <summary>Finds a key's position in a generated class's key list from a span of the file text,
    /// without cutting a substring for it (open addressing over FNV-1a hashes of the names).</summary>
    internal sealed class SoraKeyIndex
    {
        private static readonly ConditionalWeakTable<SoraKeyInfo[], SoraKeyIndex> Cache = new ConditionalWeakTable<SoraKeyInfo[], SoraKeyIndex>();

        private readonly string[] names;
        private readonly int[] slots;
        private readonly int mask;

        private SoraKeyIndex(SoraKeyInfo[] keys)
        {
            names = Array.ConvertAll(keys, k => k.Name);
            int size = 16;
            while (size < names.Length * 4) size <<= 1;
            slots = new int[size];
            mask = size - 1;
            for (int i = 0; i < names.Length; i++)
            {
                int slot = (int)(Hash(names[i].AsSpan()) & (uint)mask);
                while (slots[slot] != 0) slot = (slot + 1) & mask;
                slots[slot] = i + 1;
            }
        }

        public int Count => names.Length;

        public static SoraKeyIndex For(SoraKeyInfo[] keys) => Cache.GetValue(keys, k => new SoraKeyIndex(k));

        /// <summary>The key's index, or -1 when the class has no such key.</summary>
        public int IndexOf(ReadOnlySpan<char> key)
        {
            int slot = (int)(Hash(key) & (uint)mask);
            while (true)
            {
                int entry = slots[slot];
                if (entry == 0) return -1;
                if (key.SequenceEqual(names[entry - 1].AsSpan())) return entry - 1;
                slot = (slot + 1) & mask;
            }
        }

        private static uint Hash(ReadOnlySpan<char> text)
        {
            uint hash = 2166136261;
            foreach (char c in text) hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}
