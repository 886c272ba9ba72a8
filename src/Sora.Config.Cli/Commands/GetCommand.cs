using System;
using System.CommandLine;
using System.Globalization;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Catalog;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Cli.Commands
{
    /// <summary><c>sora-conf get &lt;file&gt; &lt;key&gt;</c>: the effective value (written, else the version's default).</summary>
    internal static class GetCommand
    {
        public static Command Create()
        {
            var file = new Argument<string>("file") { Description = "The sora.conf file." };
            var key = new Argument<string>("key") { Description = "The key to read." };
            var version = CommonOptions.SoraVersion();
            var explain = new Option<bool>("--explain") { Description = "Say where the value comes from (the line it is written on, or the default of the Sora version)." };
            var command = new Command("get", "Print a key's effective value: the value written in the file, else Sora's default. Exits with 1 when the key has neither.")
            {
                file, key, version, explain,
            };
            command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(key)!, CommonOptions.ResolveVersion(parse.GetValue(version)), parse.GetValue(explain)));
            return command;
        }

        private static int Run(string path, string name, string version, bool explain)
        {
            var document = FileInput.Load(path);
            int first = 0, count = 0;
            for (int i = 0; i < document.Lines.Count; i++)
            {
                var line = document.Lines[i];
                if (line.Kind != SoraConfLineKind.Entry || line.Key != name) continue;
                if (count++ == 0) first = i + 1;
            }
            bool known = CliCatalog.Current.TryGetKey(name, out var found);
            var info = found!;

            if (count > 1)
                throw new CliException(string.Format(CultureInfo.InvariantCulture, "{0}: key '{1}' is written {2} times (first on line {3}); Sora refuses duplicate keys (SORA0002)", path, name, count, first));

            if (count == 1)
            {
                var value = document.Lines[first - 1].Value!;
                if (known && !SoraValueCodec.TryParse(info, value, out _, out var error))
                    throw new CliException(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2}: {3}; Sora refuses the file (SORA0003)", path, first, name, error!.Text.ToString()));
                if (!explain)
                {
                    Console.Out.WriteLine(value);
                    return ExitCodes.Success;
                }
                var where = string.Format(CultureInfo.InvariantCulture, "set in {0} on line {1}", path, first);
                if (!known) where += "; not a key the schema knows";
                else if (!info.ExistsIn(version)) where += $"; Sora {version} does not have this key and ignores it";
                Console.Out.WriteLine($"{value}  ({where})");
                return ExitCodes.Success;
            }

            if (!known) throw new CliException(CommonOptions.UnknownKeyMessage(name));
            if (!info.ExistsIn(version))
                throw new CliException($"key '{name}' does not exist in Sora {version}" + (info.Since != null ? $" (added in {info.Since})" : "") + (info.Removed != null ? $" (removed in {info.Removed})" : ""));

            var fallback = info.DefaultFor(version);
            if (fallback is null)
            {
                if (explain) Console.Out.WriteLine($"(not set)  (not written in {path}; Sora {version} has no default for it)");
                return ExitCodes.Findings;
            }
            if (SoraValueCodec.TryCanonicalize(info, fallback, out var canonical)) fallback = canonical;
            Console.Out.WriteLine(explain ? $"{fallback}  (default of Sora {version}; not written in {path})" : fallback);
            return ExitCodes.Success;
        }
    }
}
