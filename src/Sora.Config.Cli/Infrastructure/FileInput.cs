using System;
using System.IO;
using Sora.Config.Syntax;

namespace Sora.Config.Cli.Infrastructure
{
    /// <summary>Reads a sora.conf file and turns every I/O failure into a one-line reason (exit code 2).</summary>
    internal static class FileInput
    {
        /// <summary>The file's bytes; throws <see cref="CliException"/> with <c>path: reason</c> when it cannot be read.</summary>
        public static byte[] ReadBytes(string path)
        {
            if (path.Length == 0) throw new CliException("the file name is empty");
            if (Directory.Exists(path)) throw new CliException(path + ": is a directory, not a file");
            try
            {
                return File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new CliException(path + ": " + Reason(ex));
            }
        }

        /// <summary>Parses the file losslessly; the document keeps the path as given for messages.</summary>
        public static SoraConfDocument Load(string path) => SoraConfDocument.Parse(ReadBytes(path), path);

        public static string Reason(Exception ex) => ex switch
        {
            FileNotFoundException => "no such file",
            DirectoryNotFoundException => "no such file or directory",
            UnauthorizedAccessException => "permission denied",
            PathTooLongException => "the path is too long",
            _ => ex.Message,
        };
    }
}
