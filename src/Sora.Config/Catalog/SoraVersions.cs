using System.Text;

namespace Sora.Config
{
    /// <summary>Sora release names (<c>YYYY.N</c>) and helpers shared by the catalog.</summary>
    public static class SoraVersions
    {
        /// <summary>"2024.2" → 202402; "2024.2.1" is read as 2024.2; -1 when malformed.</summary>
        public static int Ordinal(string? version)
        {
            if (string.IsNullOrEmpty(version)) return -1;
            var parts = version!.Split('.');
            if (parts.Length < 2 || parts[0].Length != 4) return -1;
            if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int year)) return -1;
            if (!int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n > 99) return -1;
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
