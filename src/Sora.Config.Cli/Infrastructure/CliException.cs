using System;

namespace Sora.Config.Cli.Infrastructure
{
    /// <summary>A failure the user can act on: printed as <c>sora-conf: error: message</c>, never as a stack trace.</summary>
    internal sealed class CliException : Exception
    {
        public CliException(string message, int exitCode = ExitCodes.UsageOrIo)
            : base(message)
        {
            ExitCode = exitCode;
        }

        public int ExitCode { get; }
    }

    /// <summary>The exit codes every command uses (docs/cli.md, "Exit codes").</summary>
    internal static class ExitCodes
    {
        /// <summary>Success: nothing at or above the fail threshold.</summary>
        public const int Success = 0;

        /// <summary>Findings at or above the fail threshold, `fmt --check` found changes, or `get` found no value.</summary>
        public const int Findings = 1;

        /// <summary>Usage error, unreadable file, or a file Sora would refuse when the command cannot go on.</summary>
        public const int UsageOrIo = 2;
    }
}
