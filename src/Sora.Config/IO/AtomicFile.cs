using System;
using System.IO;
using System.Threading;
#if !NET
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
#endif

namespace Sora.Config.IO
{
    /// <summary>
    /// Replaces a file atomically, safely for a file that holds a secret (such as
    /// <c>webhook_basic_authn_password</c>). The one writer of the runtime, the <c>sora-conf</c> tool and the
    /// build-time emission.
    /// <list type="bullet">
    /// <item>The bytes go to a temporary file beside the target, which is flushed to disk and then renamed over
    /// the target: a reader sees the old file or the new one, never a mix. A failed write leaves the old file
    /// as it was (bytes and mode) and removes the temporary file.</item>
    /// <item>The temporary file is never more readable than the final file. On Unix it is created with its final
    /// mode from the start: the existing file's mode (a <c>0600</c> file stays <c>0600</c>, a <c>0640</c> file
    /// stays <c>0640</c>); for a new file whose content holds a secret, <c>0600</c>; otherwise the default mode
    /// (<c>0666</c> less the umask). The exact mode is then set, since the umask may have removed bits.</item>
    /// <item>A symbolic link is written through: its final target is replaced, and the link stays a link.</item>
    /// <item>On Windows, Unix modes do not apply; the file is still replaced atomically.</item>
    /// </list>
    /// The netstandard2.0 build (used by .NET Framework, and on Linux and macOS by hosts that load that build,
    /// such as the analyzers) has no Unix-mode API. On Unix it creates the temporary file inside a private
    /// directory made with mode <c>0700</c> (libc <c>mkdir</c>) beside the target, so no other user can open it
    /// whatever its mode; it sets the final mode with libc <c>chmod</c>, renames the file over the target and
    /// removes the directory. It reads the existing file's mode with <c>File.GetUnixFileMode</c> (.NET 7 and
    /// later) and follows links with <c>FileSystemInfo.ResolveLinkTarget</c> (.NET 6 and later), found by
    /// reflection on the running runtime. On an older runtime (Mono, .NET Core 3.1) it cannot read the old
    /// mode and uses the new-file rule instead (<c>0600</c> for a secret, else the default), and it refuses to
    /// write to a symbolic link, which it cannot follow, rather than replace the link with a file. On Windows
    /// (.NET Framework) it replaces the file through a temporary file beside it.
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>The points at which <see cref="TestHook"/> is called.</summary>
        internal enum Step
        {
            /// <summary>The temporary file has just been created (its content not yet written).</summary>
            Created,

            /// <summary>The content has been written, flushed and given its final mode; the rename comes next.</summary>
            Written,
        }

        /// <summary>Test seam: called with the temporary file's path at each <see cref="Step"/>, on the calling
        /// flow only. A hook that throws makes the write fail at that point.</summary>
        internal static readonly AsyncLocal<Action<Step, string>?> TestHook = new AsyncLocal<Action<Step, string>?>();

        /// <summary><c>0600</c>: read and write for the owner only, for a new file that holds a secret.</summary>
        internal const int OwnerOnlyMode = 0x180;

        /// <summary>Replaces the file with <paramref name="bytes"/>; content without a secret (see
        /// <see cref="Write(string, byte[], bool)"/>).</summary>
        public static void Write(string path, byte[] bytes) => Write(path, bytes, containsSecret: false);

        /// <summary>Replaces the file with <paramref name="bytes"/> atomically. The file keeps its mode; a new
        /// file is created with mode <c>0600</c> when <paramref name="containsSecret"/> is true, with the
        /// default mode otherwise. For sora.conf text, <see cref="Syntax.SoraConfDocument.ContainsSecret"/> and
        /// <see cref="Syntax.SoraConfWriter.ContainsSecret"/> tell whether it holds a secret.</summary>
        /// <param name="path">The file to replace or create. A symbolic link is written through to its target.</param>
        /// <param name="bytes">The complete new content.</param>
        /// <param name="containsSecret">True when the content holds a secret (a password, a key): a new file is
        /// then readable by its owner only. It does not change the mode of an existing file.</param>
        /// <exception cref="IOException">The file could not be written; the old file is unchanged.</exception>
        /// <exception cref="UnauthorizedAccessException">No permission to write the file or its directory.</exception>
        public static void Write(string path, byte[] bytes, bool containsSecret)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            if (bytes is null) throw new ArgumentNullException(nameof(bytes));
            var target = ResolveTarget(Path.GetFullPath(path));
#if NET
            WriteBeside(target, bytes, containsSecret);
#else
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) WriteBeside(target, bytes);
            else WriteInPrivateDirectory(target, bytes, containsSecret);
#endif
        }

        /// <summary>Writes only when the content differs, so timestamps (and incremental builds) stay; content
        /// without a secret. Returns true when the file was written.</summary>
        public static bool WriteIfChanged(string path, byte[] bytes) => WriteIfChanged(path, bytes, containsSecret: false);

        /// <summary>Writes (as <see cref="Write(string, byte[], bool)"/>) only when the content differs, so
        /// timestamps (and incremental builds) stay. Returns true when the file was written.</summary>
        public static bool WriteIfChanged(string path, byte[] bytes, bool containsSecret)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            if (bytes is null) throw new ArgumentNullException(nameof(bytes));
            if (File.Exists(path))
            {
                var old = File.ReadAllBytes(path);
                if (old.AsSpan().SequenceEqual(bytes)) return false;
            }
            Write(path, bytes, containsSecret);
            return true;
        }

        /// <summary>A name beside the target that no one else uses: hidden, random, ends in .tmp.</summary>
        private static string TemporaryName(string target) =>
            "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";

        private static void Hook(Step step, string temp) => TestHook.Value?.Invoke(step, temp);

#if NET
        /// <summary>The final target of a symbolic link (even one whose target does not exist yet), else the path.</summary>
        private static string ResolveTarget(string full)
        {
            var info = new FileInfo(full);
            if (info.LinkTarget != null && info.ResolveLinkTarget(returnFinalTarget: true) is { } final) return final.FullName;
            return full;
        }

        private static void WriteBeside(string target, byte[] bytes, bool containsSecret)
        {
            var temp = Path.Combine(Path.GetDirectoryName(target) ?? ".", TemporaryName(target));
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            UnixFileMode? mode = null;
            if (!OperatingSystem.IsWindows())
            {
                if (File.Exists(target)) mode = File.GetUnixFileMode(target);
                else if (containsSecret) mode = (UnixFileMode)OwnerOnlyMode;
                // Created with the final mode (less the umask) from the start: never readable by more users than the result.
                if (mode is { } m) options.UnixCreateMode = m;
            }
            bool created = false;
            try
            {
                using (var stream = new FileStream(temp, options))
                {
                    created = true;
                    Hook(Step.Created, temp);
                    // The umask may have removed bits the old file had (0664 under umask 022): set the exact mode.
                    if (mode is { } exact && !OperatingSystem.IsWindows()) File.SetUnixFileMode(stream.SafeFileHandle, exact);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                Hook(Step.Written, temp);
                File.Move(temp, target, overwrite: true);
                created = false;
            }
            finally
            {
                if (created) TryDelete(temp);
            }
        }
#else
        private static readonly MethodInfo? ResolveLinkTargetMethod = typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) });
        private static readonly PropertyInfo? LinkTargetProperty = typeof(FileSystemInfo).GetProperty("LinkTarget");
        private static readonly MethodInfo? GetUnixFileModeMethod = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

        /// <summary>The final target of a symbolic link through the runtime's <c>ResolveLinkTarget</c> (.NET 6 and
        /// later); on a runtime without it, a link is refused: replacing it with a file would lose the link and
        /// leave the real file unchanged.</summary>
        private static string ResolveTarget(string full)
        {
            var info = new FileInfo(full);
            if (ResolveLinkTargetMethod != null && LinkTargetProperty != null)
            {
                if (Invoke(LinkTargetProperty.GetMethod!, info) != null && Invoke(ResolveLinkTargetMethod, info, true) is FileSystemInfo final) return final.FullName;
                return full;
            }
            FileAttributes attributes;
            try
            {
                attributes = File.GetAttributes(full);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                return full;
            }
            if ((attributes & FileAttributes.ReparsePoint) != 0)
            {
                throw new IOException(full + " is a symbolic link, and this build of Sora.Config (netstandard2.0) cannot follow links on this runtime; save to the link's target instead, or use the library from .NET 6 or later");
            }
            return full;
        }

        private static object? Invoke(MethodInfo method, object? instance, params object[] arguments)
        {
            try
            {
                return method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        /// <summary>Windows: Unix modes do not apply; a temporary file beside the target replaces it.</summary>
        private static void WriteBeside(string target, byte[] bytes)
        {
            var temp = Path.Combine(Path.GetDirectoryName(target) ?? ".", TemporaryName(target));
            bool created = false;
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    created = true;
                    Hook(Step.Created, temp);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                }
                Hook(Step.Written, temp);
                if (File.Exists(target)) File.Replace(temp, target, null);
                else File.Move(temp, target);
                created = false;
            }
            finally
            {
                if (created) TryDelete(temp);
            }
        }

        /// <summary>Unix without a Unix-mode API: the temporary file is made inside a directory that only this user
        /// can enter (mode 0700), so it is never readable by others whatever mode the umask gives it; it gets its
        /// final mode with chmod, then is renamed over the target, and the directory is removed.</summary>
        private static void WriteInPrivateDirectory(string target, byte[] bytes, bool containsSecret)
        {
            int? mode = File.Exists(target) ? ReadMode(target) : null;
            if (mode is null && containsSecret) mode = OwnerOnlyMode;
            var directory = Path.Combine(Path.GetDirectoryName(target) ?? ".", TemporaryName(target));
            if (Libc.mkdir(directory, 0x1C0 /* 0700 */) != 0) throw LastError(directory);
            try
            {
                var temp = Path.Combine(directory, Path.GetFileName(target));
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    Hook(Step.Created, temp);
                    if (mode is int exact && Libc.chmod(temp, exact & 0xFFF) != 0) throw LastError(temp);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                }
                Hook(Step.Written, temp);
                if (Libc.rename(temp, target) != 0) throw LastError(target);
            }
            finally
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // The write's own outcome (or exception) matters more than a leftover empty directory.
                }
            }
        }

        /// <summary>The file's mode through <c>File.GetUnixFileMode</c> (.NET 7 and later); null on older runtimes.</summary>
        private static int? ReadMode(string path) =>
            GetUnixFileModeMethod is null ? null : Convert.ToInt32(Invoke(GetUnixFileModeMethod, null, path), CultureInfo.InvariantCulture);

        /// <summary>The exception .NET would throw for the errno of the failed libc call.</summary>
        private static Exception LastError(string path)
        {
            int errno = Marshal.GetLastWin32Error();
            var reason = new Win32Exception(errno).Message;
            switch (errno)
            {
                case 1: // EPERM (the same number on Linux and macOS)
                case 13: // EACCES
                    return new UnauthorizedAccessException("Access to the path '" + path + "' is denied: " + reason);
                case 2: // ENOENT
                    return new DirectoryNotFoundException("Could not find a part of the path '" + path + "': " + reason);
                default:
                    return new IOException(path + ": " + reason, errno);
            }
        }

        /// <summary>libc calls whose signatures are the same on Linux and macOS (mode_t fits in an int argument).
        /// Paths are passed as NUL-terminated UTF-8 bytes, the file-name encoding .NET uses on Unix.</summary>
        private static class Libc
        {
            public static int mkdir(string path, int mode) => Native.mkdir(Utf8(path), mode);

            public static int chmod(string path, int mode) => Native.chmod(Utf8(path), mode);

            public static int rename(string oldPath, string newPath) => Native.rename(Utf8(oldPath), Utf8(newPath));

            private static byte[] Utf8(string path)
            {
                var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
                System.Text.Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
                return bytes;
            }

            private static class Native
            {
                [DllImport("libc", SetLastError = true)]
                public static extern int mkdir(byte[] path, int mode);

                [DllImport("libc", SetLastError = true)]
                public static extern int chmod(byte[] path, int mode);

                [DllImport("libc", SetLastError = true)]
                public static extern int rename(byte[] oldPath, byte[] newPath);
            }
        }
#endif

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Cleaning up after a failure must not hide the failure itself.
            }
        }
    }
}
