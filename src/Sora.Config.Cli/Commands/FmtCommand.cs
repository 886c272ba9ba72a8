using System;
using System.CommandLine;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.Syntax;

namespace Sora.Config.Cli.Commands
{
    /// <summary><c>sora-conf fmt [--check] &lt;file&gt;...</c>: canonical <c>key = value</c> spacing; comments,
    /// blank lines, order, line endings and the final newline are kept.</summary>
    internal static class FmtCommand
    {
        public static Command Create()
        {
            var files = new Argument<string[]>("file") { Description = "The sora.conf file(s) to format in place.", Arity = ArgumentArity.OneOrMore };
            var check = new Option<bool>("--check") { Description = "Change nothing; list the files that would change and exit with 1 when there is one." };
            var command = new Command("fmt", "Rewrite key = value lines with canonical spacing (one space around '=', no leading or trailing spaces).") { files, check };
            command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(check)));
            return command;
        }

        private static int Run(string[] paths, bool check)
        {
            bool failed = false, changes = false;
            foreach (var path in paths)
            {
                try
                {
                    var original = FileInput.ReadBytes(path);
                    var formatted = SoraConfFormatter.Format(original);
                    if (original.AsSpan().SequenceEqual(formatted)) continue;
                    changes = true;
                    if (check)
                    {
                        Console.Out.WriteLine("would reformat " + path);
                    }
                    else
                    {
                        FileInput.Write(path, formatted, SoraConfDocument.Parse(formatted).ContainsSecret());
                        Console.Out.WriteLine("reformatted " + path);
                    }
                }
                catch (CliException ex)
                {
                    Report.Error(ex.Message);
                    failed = true;
                }
            }
            if (failed) return ExitCodes.UsageOrIo;
            return check && changes ? ExitCodes.Findings : ExitCodes.Success;
        }
    }
}
