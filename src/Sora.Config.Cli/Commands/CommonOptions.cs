using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;

namespace Sora.Config.Cli.Commands
{
    /// <summary>Options and helpers shared by several commands.</summary>
    internal static class CommonOptions
    {
        public static Option<string?> SoraVersion() => new Option<string?>("--sora-version")
        {
            Description = "The Sora release to check against, YYYY.N (default: the newest the schema knows, " + SoraCatalog.Default.NewestVersion + ").",
            HelpName = "version",
        };

        /// <summary>The normalized version to target; a usage error (exit 2) when the schema does not know it.</summary>
        public static string ResolveVersion(string? requested)
        {
            var catalog = SoraCatalog.Default;
            if (string.IsNullOrEmpty(requested)) return catalog.NewestVersion;
            var normalized = SoraVersions.Normalize(requested);
            if (normalized is null || !catalog.IsKnownVersion(normalized))
                throw new CliException($"unknown Sora version '{requested}'; known versions: {string.Join(", ", catalog.Versions)}");
            return normalized;
        }

        /// <summary>The key's schema entry, or a usage error that suggests the closest known key.</summary>
        public static SoraKeyInfo RequireKey(string name)
        {
            if (SoraCatalog.Default.TryGetKey(name, out var key)) return key;
            throw new CliException(UnknownKeyMessage(name));
        }

        public static string UnknownKeyMessage(string name)
        {
            var suggestion = Closest(name, SoraCatalog.Default.Keys.Select(k => k.Name));
            return $"unknown key '{name}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + " (`sora-conf keys` lists every key)";
        }

        /// <summary>The candidate at the smallest edit distance (at most 3, and at most a third of the name); null when none is close.</summary>
        public static string? Closest(string name, IEnumerable<string> candidates)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase)) return candidate;
                int d = Distance(candidate, name);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = candidate;
                }
            }
            return bestDistance <= Math.Min(3, Math.Max(1, name.Length / 3)) ? best : null;
        }

        private static int Distance(string a, string b)
        {
            var prev = new int[b.Length + 1];
            var cur = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) prev[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                (prev, cur) = (cur, prev);
            }
            return prev[b.Length];
        }

        /// <summary>A buffered UTF-8 writer on stdout (Console.Out flushes on every write, which is slow for big reports).</summary>
        public static StreamWriter Stdout() => new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };

        public static SoraConfSeverity ParseSeverity(string text) => text switch
        {
            "error" => SoraConfSeverity.Error,
            "warning" => SoraConfSeverity.Warning,
            _ => SoraConfSeverity.Info,
        };
    }
}
