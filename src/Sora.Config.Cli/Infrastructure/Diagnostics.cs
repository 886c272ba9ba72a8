using System;
using System.IO;

namespace Sora.Config.Cli.Infrastructure
{
    /// <summary>Messages to stderr in one recognisable shape: <c>sora-conf: error: …</c>.</summary>
    internal static class Report
    {
        public static void Error(string message) => Console.Error.WriteLine("sora-conf: error: " + message);

        public static void Warning(string message) => Console.Error.WriteLine("sora-conf: warning: " + message);

        public static void Note(string message) => Console.Error.WriteLine("sora-conf: " + message);
    }
}
