using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET
using System.Runtime.Intrinsics;
#endif
using Sora.Config.Catalog;

namespace Sora.Config.CodeGeneration
{
    /// <summary>Finds a key's position in a generated class's key list from a span of the file text,
    /// without cutting a substring for it (open addressing over a hash of the length and three 4-character words).</summary>
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
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int IndexOf(ReadOnlySpan<char> key)
        {
            int slot = (int)(Hash(key) & (uint)mask);
            while (true)
            {
                int entry = slots[slot];
                if (entry == 0) return -1;
                if (Same(key, names[entry - 1])) return entry - 1;
                slot = (slot + 1) & mask;
            }
        }

        /// <summary>Ordinal equality, inlined: the library's compare is a call per lookup, and most keys are 8 to 40 characters,
        /// compared here 8 at a time (the last 8 overlapping).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool Same(ReadOnlySpan<char> key, string name)
        {
            if (key.Length != name.Length) return false;
#if NET
            if (key.Length >= 8 && Vector128.IsHardwareAccelerated)
            {
                ref ushort a = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(key));
                ref ushort b = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(name.AsSpan()));
                nuint last = (nuint)(key.Length - 8);
                for (nuint i = 0; i < last; i += 8)
                {
                    if (Vector128.LoadUnsafe(ref a, i) != Vector128.LoadUnsafe(ref b, i)) return false;
                }
                return Vector128.LoadUnsafe(ref a, last) == Vector128.LoadUnsafe(ref b, last);
            }
#endif
            return key.SequenceEqual(name.AsSpan());
        }

        /// <summary>The length and three 4-character words (start, middle, end): a few multiplies whatever the
        /// key's length. Keys that share all of them only probe one slot further; the match is exact.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Hash(ReadOnlySpan<char> text)
        {
            int n = text.Length;
            ulong hash = (ulong)n * 0x9E3779B97F4A7C15;
            if (n < 4)
            {
                foreach (char c in text) hash = (hash ^ c) * 0x100000001B3;
            }
            else
            {
                hash ^= Word(text, 0) * 0xC2B2AE3D27D4EB4F;
                hash ^= Word(text, (n - 4) / 2) * 0x165667B19E3779F9;
                hash ^= Word(text, n - 4) * 0x27D4EB2F165667C5;
            }
            return (uint)(hash ^ (hash >> 29) ^ (hash >> 43));
        }

        private static ulong Word(ReadOnlySpan<char> text, int start) =>
            MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text.Slice(start, 4)));
    }
}
