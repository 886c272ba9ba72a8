using System;
using System.IO;
using Sora.Config.IO;
using Sora.Config.Syntax;

namespace Sora.Config.Cli.Infrastructure
{
    /// <summary>Reads and replaces sora.conf files, and turns every I/O failure into a one-line reason (exit code 2).</summary>
    internal static class FileInput
    {
        /// <summary>The file's bytes; throws <see cref="CliException"/> with <c>path: reason</c> when it cannot be read.</summary>
        public static byte[] ReadBytes(string path) => Guarded(path, () => File.ReadAllBytes(path));

        /// <summary>Throws as <see cref="ReadBytes"/> does when the file cannot be read, without reading it (its reader
        /// comes later).</summary>
        public static void EnsureReadable(string path) => Guarded(path, () =>
        {
            File.OpenRead(path).Dispose();
            return true;
        });

        private static T Guarded<T>(string path, Func<T> read)
        {
            if (path.Length == 0) throw new CliException("the file name is empty");
            if (Directory.Exists(path)) throw new CliException(path + ": is a directory, not a file");
            try
            {
                return read();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new CliException(path + ": " + Reason(ex));
            }
        }

        /// <summary>Replaces the file with the runtime's <see cref="AtomicFile"/>: a temporary file that is never
        /// more readable than the result (the file's own mode; 0600 for a new file holding a secret), renamed over
        /// the file, written through a symbolic link; a failure leaves the old file. Throws
        /// <see cref="CliException"/> with <c>path: cannot write: reason</c>.</summary>
        public static void Write(string path, byte[] bytes, bool containsSecret)
        {
            try
            {
                AtomicFile.Write(path, bytes, containsSecret);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CliException(path + ": cannot write: " + Reason(ex));
            }
        }

        /// <summary><see cref="Write"/> when the document's bytes differ from <paramref name="original"/>; the
        /// secret flag comes from the document. Returns true when the file changed.</summary>
        public static bool WriteIfChanged(string path, byte[] original, SoraConfDocument document)
        {
            var updated = document.ToBytes();
            if (original.AsSpan().SequenceEqual(updated)) return false;
            Write(path, updated, document.ContainsSecret());
            return true;
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
