using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text;
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
                    var formatted = Format(original);
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

        /// <summary>The formatted bytes. Works on the raw lines so that a line which is not valid UTF-8 is kept
        /// byte for byte; only entry lines whose spacing differs from <c>key = value</c> change.</summary>
        public static byte[] Format(byte[] bytes)
        {
            var document = SoraConfDocument.Parse(bytes);
            var utf8 = new UTF8Encoding(false);
            using var result = new MemoryStream(bytes.Length + 64);
            int start = 0;
            for (int i = 0; i < document.Lines.Count; i++)
            {
                int lf = Array.IndexOf(bytes, (byte)'\n', start);
                int end = lf < 0 ? bytes.Length : lf;
                var line = document.Lines[i];
                var canonical = Canonical(line);
                bool rewrite = canonical != null && canonical != line.Text && Same(utf8, line.Text, bytes, start, end - start);
                if (rewrite)
                {
                    var b = utf8.GetBytes(canonical!);
                    result.Write(b, 0, b.Length);
                }
                else
                {
                    result.Write(bytes, start, end - start);
                }
                if (lf >= 0) result.WriteByte((byte)'\n');
                start = end + 1;
            }
            return result.ToArray();
        }

        /// <summary><c>key = value</c> for an entry line (a CR before the LF is kept); null when the line is left as it is.</summary>
        private static string? Canonical(SoraConfLine line)
        {
            if (line.Kind != SoraConfLineKind.Entry) return null;
            var key = line.Key!;
            // No key, or a tab-indented comment that Sora reads as a key: reformatting would change its meaning.
            if (key.Length == 0 || key[0] == '#') return null;
            var cr = line.Text.EndsWith('\r') ? "\r" : "";
            return line.Value!.Length == 0 ? key + " =" + cr : key + " = " + line.Value + cr;
        }

        /// <summary>True when the line's bytes are exactly the UTF-8 of its text (not the case for invalid UTF-8).</summary>
        private static bool Same(UTF8Encoding utf8, string text, byte[] bytes, int offset, int count)
        {
            var encoded = utf8.GetBytes(text);
            return encoded.AsSpan().SequenceEqual(bytes.AsSpan(offset, count));
        }
    }
}
