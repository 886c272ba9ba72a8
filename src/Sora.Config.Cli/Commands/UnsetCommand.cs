using System;
using System.CommandLine;
using System.Globalization;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Syntax;

namespace Sora.Config.Cli.Commands
{
    /// <summary><c>sora-conf unset &lt;file&gt; &lt;key&gt;...</c>: removes the lines that set the keys (the key then
    /// takes Sora's default); every other line stays byte for byte; the write is atomic.</summary>
    internal static class UnsetCommand
    {
        public static Command Create()
        {
            var file = new Argument<string>("file") { Description = "The sora.conf file to edit." };
            var keys = new Argument<string[]>("key") { Description = "The key(s) to remove. Unknown keys are accepted, so a misspelt key can be removed too.", Arity = ArgumentArity.OneOrMore };
            var command = new Command("unset", "Remove every line that sets the key(s), so Sora uses its default.") { file, keys };
            command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(keys)!));
            return command;
        }

        private static int Run(string path, string[] keys)
        {
            var original = FileInput.ReadBytes(path);
            var document = SoraConfDocument.Parse(original, path);
            foreach (var key in keys)
            {
                int count = 0;
                foreach (var line in document.Entries) if (line.Key == key) count++;
                if (document.Remove(key))
                    Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: removed {1} ({2} {3})", path, key, count, count == 1 ? "line" : "lines"));
                else
                    Console.Out.WriteLine($"{path}: {key} was not set");
            }
            FileInput.WriteIfChanged(path, original, document);
            return ExitCodes.Success;
        }
    }
}
