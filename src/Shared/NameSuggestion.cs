// Shared source (see SoraNames.cs), used by the Sora.Config runtime (SoraCatalog.SuggestKey, SuggestRule) and the
// sora-conf CLI (its options), so that every did-you-mean picks the same way. Internal in each assembly.
using System;
using System.Collections.Generic;

namespace Sora.Config.Shared
{
    /// <summary>Did-you-mean: the one implementation behind <c>SoraCatalog.SuggestKey</c>, <c>SoraCatalog.SuggestRule</c>
    /// and the CLI's unknown options.</summary>
    internal static class NameSuggestion
    {
        /// <summary>The candidate <paramref name="name"/> most likely misspells: a case-insensitive match first, then the
        /// smallest edit distance within <see cref="Limit"/>; null when none is that close.</summary>
        public static string? Closest(IEnumerable<string> candidates, string name)
        {
            var bare = name.Trim('\uFEFF');
            int limit = Limit(bare);
            string? best = null;
            int bestDistance = limit + 1;
            // Three rows of the edit-distance table (a transposition looks two rows back), reused for every candidate.
            var rows = new[] { new int[bare.Length + 1], new int[bare.Length + 1], new int[bare.Length + 1] };
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate, bare, StringComparison.OrdinalIgnoreCase)) return candidate;
                int d = Distance(candidate, bare, bestDistance - 1, rows);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = candidate;
                }
            }
            return best;
        }

        /// <summary>How far a name may be from a candidate to count as a typo of it: at most 3 edits, a third of its length.</summary>
        public static int Limit(string name) => Math.Min(3, Math.Max(1, name.Length / 3));

        /// <summary>Edit distance in which swapping two neighbouring characters is one edit, as typing them in the wrong
        /// order is one slip ("lnit" is one edit from "lint"; optimal string alignment). int.MaxValue as soon as it must
        /// exceed <paramref name="limit"/>: a row's smallest cell is at most one more than the row before's, and a
        /// transposition adds one to a cell two rows back, so no later cell comes back under the limit once a row is past it.</summary>
        private static int Distance(string a, string b, int limit, int[][] rows)
        {
            if (Math.Abs(a.Length - b.Length) > limit) return int.MaxValue;
            int[] before = rows[0], prev = rows[1], cur = rows[2];
            for (int j = 0; j <= b.Length; j++) prev[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                int rowMin = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int cell = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cell = Math.Min(cell, before[j - 2] + 1);
                    cur[j] = cell;
                    if (cell < rowMin) rowMin = cell;
                }
                if (rowMin > limit) return int.MaxValue;
                (before, prev, cur) = (prev, cur, before);
            }
            return prev[b.Length] <= limit ? prev[b.Length] : int.MaxValue;
        }
    }
}
