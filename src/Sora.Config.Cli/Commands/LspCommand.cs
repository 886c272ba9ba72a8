using System;
using System.CommandLine;
using Sora.Config.Cli.Infrastructure;
using Sora.Config.LanguageServer;

namespace Sora.Config.Cli.Commands
{
    /// <summary><c>sora-conf lsp</c>: the language server (LSP 3.17) on stdin and stdout, for editors (docs/editors.md).
    /// Nothing else may write to stdout while it runs: every byte there is a protocol message.</summary>
    internal static class LspCommand
    {
        public static Command Create()
        {
            // Editors add these to the command line they start a server with; stdio is the only transport.
            var stdio = new Option<bool>("--stdio") { Description = "Talk LSP over stdin and stdout (the default and only transport)." };
            var clientProcessId = new Option<int?>("--clientProcessId") { Description = "The editor's process ID (accepted for compatibility; the server ends with its input).", Hidden = true };
            var command = new Command("lsp", "Run the sora.conf language server (LSP 3.17) on stdin and stdout: diagnostics, hover, completion, quick fixes and formatting in editors.")
            {
                stdio, clientProcessId,
            };
            command.SetAction(_ => Run());
            return command;
        }

        private static int Run()
        {
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return SoraConfLanguageServer.RunAsync(input, output, CliCatalog.Current).GetAwaiter().GetResult();
        }
    }
}
