using System;
using System.Collections.Generic;

namespace Sora.Config.Catalog
{
    /// <summary>Did-you-mean: the one implementation behind <see cref="SoraCatalog.SuggestKey"/> and
    /// <see cref="SoraCatalog.SuggestRule"/>.</summary>
    internal static class KeySuggestion
    {
        /// <summary>The candidate <paramref name="name"/> most likely misspells: a case-insensitive match first, then the
        /// smallest edit distance within <see cref="Limit"/>; null when none is that close.</summary>
        public static string? Closest(IEnumerable<string> candidates, string name)
        {
            var bare = name.Trim('\uFEFF');
            int limit = Limit(bare);
            string? best = null;
            int bestDistance = limit + 1;
            // Two rows of the edit-distance table, reused for every candidate.
            var prev = new int[bare.Length + 1];
            var cur = new int[bare.Length + 1];
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate, bare, StringComparison.OrdinalIgnoreCase)) return candidate;
                int d = Distance(candidate, bare, bestDistance - 1, ref prev, ref cur);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = candidate;
                }
            }
            return best;
        }

        /// <summary>How far a name may be from a key to count as a typo of it: at most 3 edits, a third of its length.</summary>
        public static int Limit(string name) => Math.Min(3, Math.Max(1, name.Length / 3));

        /// <summary>Levenshtein distance, or int.MaxValue as soon as it must exceed <paramref name="limit"/>
        /// (a row whose smallest cell is past the limit cannot lead back under it).</summary>
        private static int Distance(string a, string b, int limit, ref int[] prev, ref int[] cur)
        {
            if (Math.Abs(a.Length - b.Length) > limit) return int.MaxValue;
            for (int j = 0; j <= b.Length; j++) prev[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                int rowMin = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int cell = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                    cur[j] = cell;
                    if (cell < rowMin) rowMin = cell;
                }
                if (rowMin > limit) return int.MaxValue;
                (prev, cur) = (cur, prev);
            }
            return prev[b.Length] <= limit ? prev[b.Length] : int.MaxValue;
        }
    }
}
