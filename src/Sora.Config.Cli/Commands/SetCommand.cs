using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Catalog;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.Cli.Commands
{
    /// <summary><c>sora-conf set &lt;file&gt; &lt;key&gt;=&lt;value&gt;...</c>: validates every value first, then edits the
    /// file losslessly (only the edited lines change) and replaces it atomically.</summary>
    internal static class SetCommand
    {
        public static Command Create()
        {
            var file = new Argument<string>("file") { Description = "The sora.conf file to edit (it must exist)." };
            var assignments = new Argument<string[]>("key=value") { Description = "One or more settings; the value is everything after the first '='.", Arity = ArgumentArity.OneOrMore };
            var version = CommonOptions.SoraVersion();
            var allowUnknown = new Option<bool>("--allow-unknown-key") { Description = "Also write keys the schema does not know (their values cannot be checked)." };
            var command = new Command("set", "Set keys: the value of the key's line is replaced, or a commented-out '# key = …' template line, or a line is appended. Nothing is written unless every value is valid.")
            {
                file, assignments, version, allowUnknown,
            };
            command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(assignments)!, CommonOptions.ResolveVersion(parse.GetValue(version)), parse.GetValue(allowUnknown)));
            return command;
        }

        private static int Run(string path, string[] assignments, string version, bool allowUnknown)
        {
            var pairs = new List<(string Key, string Value, bool Secret)>();
            foreach (var assignment in assignments)
            {
                int eq = assignment.IndexOf('=');
                if (eq <= 0) throw new CliException($"'{assignment}' is not key=value");
                var key = assignment.Substring(0, eq);
                var value = assignment.Substring(eq + 1);
                bool secret = false;
                if (CliCatalog.Current.TryGetKey(key, out var info))
                {
                    secret = info.IsSecret;
                    if (!info.ExistsIn(version))
                        throw new CliException($"key '{key}' does not exist in Sora {version}" + (info.Since != null ? $" (added in {info.Since})" : "") + (info.Removed != null ? $" (removed in {info.Removed})" : "") + "; pass --sora-version to target another release");
                    if (!SoraValueCodec.TryParse(info, value, out var parsed, out var error))
                        throw new CliException($"{key}: {error!.Text.ToString()}; {path} was not changed");
                    value = SoraValueCodec.Format(info, parsed!);
                }
                else if (!allowUnknown)
                {
                    throw new CliException(CommonOptions.UnknownKeyMessage(key) + "; pass --allow-unknown-key to write it anyway");
                }
                pairs.Add((key, value, secret));
            }

            var original = FileInput.ReadBytes(path);
            var document = SoraConfDocument.Parse(original, path);
            foreach (var (key, value, _) in pairs)
            {
                try
                {
                    document.Set(key, value);
                }
                catch (ArgumentException ex)
                {
                    throw new CliException(ex.Message.Split(" (Parameter", 2)[0] + $"; {path} was not changed");
                }
            }

            FileInput.WriteIfChanged(path, original, document);
            foreach (var (key, value, secret) in pairs)
            {
                var line = LineOf(document, key);
                var shown = secret ? "(secret)" : value;
                Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2} = {3}", path, line, key, shown));
                int duplicates = CountEntries(document, key);
                if (duplicates > 1)
                    Report.Warning(string.Format(CultureInfo.InvariantCulture, "{0}: key '{1}' is written {2} times; only the first line was changed and Sora refuses duplicate keys (SORA0002)", path, key, duplicates));
            }
            return ExitCodes.Success;
        }

        private static int LineOf(SoraConfDocument document, string key)
        {
            for (int i = 0; i < document.Lines.Count; i++)
            {
                if (document.Lines[i].Kind == SoraConfLineKind.Entry && document.Lines[i].Key == key) return i + 1;
            }
            return 0;
        }

        private static int CountEntries(SoraConfDocument document, string key)
        {
            int n = 0;
            foreach (var line in document.Entries) if (line.Key == key) n++;
            return n;
        }
    }
}
