using System.Text;

namespace Sora.Config.Catalog
{
    /// <summary>Sora release names (<c>YYYY.N</c>) and helpers shared by the catalog.</summary>
    public static class SoraVersions
    {
        /// <summary>"2024.2" → 202402; "2024.2.1" is read as 2024.2; -1 when malformed.</summary>
        public static int Ordinal(string? version)
        {
            // Called several times per key and rule on every evaluation, so it parses in place
            // (same result as splitting at '.': four-digit year, then 1+ digits up to 99).
            if (string.IsNullOrEmpty(version)) return -1;
            var v = version!;
            if (v.Length < 6 || v[4] != '.') return -1;
            int year = 0;
            for (int i = 0; i < 4; i++)
            {
                if (v[i] < '0' || v[i] > '9') return -1;
                year = year * 10 + (v[i] - '0');
            }
            int n = 0, p = 5;
            for (; p < v.Length && v[p] != '.'; p++)
            {
                if (v[p] < '0' || v[p] > '9') return -1;
                if (n <= 99) n = n * 10 + (v[p] - '0');
            }
            if (p == 5 || n > 99) return -1;
            return year * 100 + n;
        }

        /// <summary>The release line a full version belongs to: "2024.2.1" → "2024.2".</summary>
        public static string? Normalize(string? version)
        {
            int ordinal = Ordinal(version);
            return ordinal < 0 ? null : $"{ordinal / 100}.{ordinal % 100}";
        }

        internal static string PascalCase(string key)
        {
            var sb = new StringBuilder(key.Length);
            foreach (var part in key.Split('_'))
            {
                if (part.Length == 0) continue;
                sb.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
            }
            return sb.ToString();
        }
    }
}
