using System;
using System.IO;

namespace Sora.Config.Cli.Infrastructure
{
    /// <summary>Replaces a file atomically (temporary file beside it, flushed, then renamed over it) and keeps
    /// what a sysadmin relies on: the file mode (a 0600 sora.conf holding a webhook password stays 0600; the
    /// temporary file is created with that mode, so the content is never readable by others) and symbolic
    /// links (the link's target is replaced, the link stays a link).</summary>
    internal static class SafeFileWriter
    {
        /// <summary>Writes when the content differs; returns true when the file changed.</summary>
        public static bool WriteIfChanged(string path, byte[] original, byte[] updated)
        {
            if (original.AsSpan().SequenceEqual(updated)) return false;
            Write(path, updated);
            return true;
        }

        public static void Write(string path, byte[] bytes)
        {
            var target = ResolveTarget(path);
            var dir = Path.GetDirectoryName(target) ?? ".";
            var temp = Path.Combine(dir, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                if (!OperatingSystem.IsWindows() && File.Exists(target))
                {
                    options.UnixCreateMode = File.GetUnixFileMode(target);
                }
                using (var stream = new FileStream(temp, options))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                }
                if (!OperatingSystem.IsWindows() && File.Exists(target))
                {
                    // UnixCreateMode is filtered by the umask; set the exact mode before the file becomes visible.
                    File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
                }
                File.Move(temp, target, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CliException(path + ": cannot write: " + FileInput.Reason(ex));
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        private static string ResolveTarget(string path)
        {
            var info = new FileInfo(path);
            if (info.LinkTarget != null && info.ResolveLinkTarget(returnFinalTarget: true) is { } final) return final.FullName;
            return info.FullName;
        }
    }
}
