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
            Description = "The Sora release to check against, YYYY.N (default: the newest the schema knows, " + CliCatalog.Current.NewestVersion + ").",
            HelpName = "version",
        };

        /// <summary>The normalized version to target; a usage error (exit 2) when the schema does not know it.</summary>
        public static string ResolveVersion(string? requested)
        {
            var catalog = CliCatalog.Current;
            if (string.IsNullOrEmpty(requested)) return catalog.NewestVersion;
            var normalized = SoraVersions.Normalize(requested);
            if (normalized is null || !catalog.IsKnownVersion(normalized))
                throw new CliException($"unknown Sora version '{requested}'; known versions: {string.Join(", ", catalog.Versions)}");
            return normalized;
        }

        /// <summary>The key's schema entry, or a usage error that suggests the closest known key.</summary>
        public static SoraKeyInfo RequireKey(string name)
        {
            if (CliCatalog.Current.TryGetKey(name, out var key)) return key;
            throw new CliException(UnknownKeyMessage(name));
        }

        public static string UnknownKeyMessage(string name, string? version = null)
        {
            var suggestion = CliCatalog.Current.SuggestKey(name, version);
            return $"unknown key '{name}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + " (`sora-conf keys` lists every key)";
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
