using System;
using System.IO;

namespace Sora.Config.IO
{
    /// <summary>Replaces a file atomically: the bytes go to a temporary file beside it, which is then
    /// renamed over the target. A failed write leaves the old file untouched. On .NET 8 and later (not
    /// netstandard2.0) the old file's Unix permissions are kept (a 0600 file holding a webhook password
    /// stays 0600), and a symbolic link is written through: its target is replaced, the link stays. The
    /// netstandard2.0 build refuses to write to a symbolic link rather than replace it.</summary>
    public static class AtomicFile
    {
        public static void Write(string path, byte[] bytes)
        {
            var full = Path.GetFullPath(path);
#if NET
            // ResolveLinkTarget throws for a path that does not exist yet: only an existing file can be a link to follow.
            var existing = new FileInfo(full);
            if (existing.Exists && existing.ResolveLinkTarget(returnFinalTarget: true) is { } target) full = target.FullName;
#else
            // netstandard2.0 cannot read a link's target: replacing the link with a file would leave the real file
            // unchanged and lose the link, so refuse instead (the .NET 8+ builds write through links).
            if (File.Exists(full) && (File.GetAttributes(full) & FileAttributes.ReparsePoint) != 0)
            {
                throw new IOException(full + " is a symbolic link, and this build of Sora.Config (netstandard2.0) cannot write through links; save to the link's target instead, or use the library from .NET 8 or later");
            }
#endif
            var dir = Path.GetDirectoryName(full) ?? ".";
            var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                }
#if NET
                if (!OperatingSystem.IsWindows() && File.Exists(full)) File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
                File.Move(temp, full, overwrite: true);
#else
                if (File.Exists(full)) File.Replace(temp, full, null);
                else File.Move(temp, full);
#endif
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        /// <summary>Writes only when the content differs, so timestamps (and incremental builds) stay.</summary>
        public static bool WriteIfChanged(string path, byte[] bytes)
        {
            if (File.Exists(path))
            {
                var old = File.ReadAllBytes(path);
                if (old.AsSpan().SequenceEqual(bytes)) return false;
            }
            Write(path, bytes);
            return true;
        }
    }
}
