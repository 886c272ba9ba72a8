using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Sora.Config.Catalog;
using Sora.Config.CatalogLoader;
using Sora.Config.Schema.Loading;

namespace Sora.Config.Cli.Infrastructure
{
    /// <summary>The catalogue of this invocation: the bundled one, or the bundled schema merged with the files given with
    /// <c>--schema</c> (repeatable, every command), exactly as the generator merges a project's schema files. Set once,
    /// before the command runs: one invocation is one process.</summary>
    internal static class CliCatalog
    {
        public static SoraCatalog Current { get; private set; } = SoraCatalog.Default;

        public static Option<string[]> Option() => new Option<string[]>("--schema")
        {
            Description = "An extra schema file (keys.toml / rules.toml format) merged over the bundled schema, as a project's <SoraConfSchema> files are; repeatable.",
            HelpName = "file",
            Recursive = true,
            Arity = ArgumentArity.ZeroOrMore,
        };

        /// <summary>Loads the catalogue; a usage error (exit 2) listing every schema error with its position.</summary>
        public static void Load(IReadOnlyList<string>? files)
        {
            if (files is null || files.Count == 0)
            {
                Current = SoraCatalog.Default;
                return;
            }
            Current = Merged(files);
        }

        // A method of its own: without --schema, the schema loader's assemblies (and .NET Standard's facade) are never
        // loaded, which is a few milliseconds of every invocation's start-up.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SoraCatalog Merged(IReadOnlyList<string> files)
        {
            var sources = files.Select(f => new SchemaSource(f, System.Text.Encoding.UTF8.GetString(FileInput.ReadBytes(f)))).ToList();
            var result = SoraCatalogLoader.Load(sources);
            if (result.Catalog is null)
            {
                throw new CliException(string.Format(CultureInfo.InvariantCulture, "the schema files have {0} error(s):\n  ", result.Errors.Count)
                    + string.Join("\n  ", result.Errors.Select(e => e.ToString())));
            }
            return result.Catalog;
        }

        /// <summary>True when messages are shown in Japanese (the UI culture's language is ja).</summary>
        public static bool Japanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";
    }
}
