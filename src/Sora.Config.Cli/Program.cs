using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using Sora.Config.Cli.Commands;
using Sora.Config.Cli.Infrastructure;

namespace Sora.Config.Cli
{
    /// <summary>Entry point of <c>sora-conf</c>. Exit codes: 0 success, 1 findings at or above the fail
    /// threshold (or `fmt --check` found changes), 2 usage error or unreadable file.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var schema = CliCatalog.Option();
            var root = BuildRoot(schema);
            ParseResult parse = root.Parse(args);
            var unknown = CommandLineMistakes.UnknownOptions(parse);
            if (parse.Action is ParseErrorAction || unknown.Count > 0)
            {
                // A misspelt option also takes an argument's place, so System.CommandLine's errors would blame a correct
                // word next to it: the misspelling alone is reported.
                if (unknown.Count > 0) foreach (var message in unknown) Report.Error(message);
                else if (CommandLineMistakes.UnknownCommand(parse) is { } command) Report.Error(command);
                else foreach (var error in parse.Errors) Report.Error(error.Message);
                Console.Error.WriteLine("Run 'sora-conf --help' or 'sora-conf <command> --help' for usage.");
                return ExitCodes.UsageOrIo;
            }
            try
            {
                CliCatalog.Load(parse.GetValue(schema));
                return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (CliException ex)
            {
                Report.Error(ex.Message);
                return ex.ExitCode;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug, not a user error: one line, no stack trace; SORA_CONF_DEBUG=1 shows the details.
                Report.Error("internal error: " + ex.GetType().Name + ": " + ex.Message + " (please report it; set SORA_CONF_DEBUG=1 for details)");
                if (Environment.GetEnvironmentVariable("SORA_CONF_DEBUG") == "1") Console.Error.WriteLine(ex);
                return ExitCodes.UsageOrIo;
            }
        }

        public static RootCommand BuildRoot(Option<string[]> schema)
        {
            return new RootCommand("sora-conf: lint, format, query and edit sora.conf, the configuration file of Shiguredo's WebRTC SFU Sora.")
            {
                schema,
                LintCommand.Create(),
                FmtCommand.Create(),
                GetCommand.Create(),
                SetCommand.Create(),
                MigrateCommand.Create(),
                UnsetCommand.Create(),
                ExplainCommand.Create(),
                KeysCommand.Create(),
                NewCommand.Create(),
                LspCommand.Create(),
            };
        }
    }
}
