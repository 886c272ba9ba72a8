using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Sora.Config.Tests.Shared;

/// <summary>A private temporary directory (mode 0700 on Unix, as <see cref="Directory.CreateTempSubdirectory"/> makes it),
/// removed with everything in it when the test disposes it. Compiled into every test project (tests/Directory.Build.props),
/// so a test run leaves nothing behind in the temp folder, not even a NativeAOT publish.</summary>
internal sealed class TempDir : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public TempDir(string prefix = "sora-tests-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> in this directory (nothing is created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a byte order mark and returns the file's path.</summary>
    public string Write(string name, string content) => WriteBytes(name, Utf8.GetBytes(content));

    public string WriteBytes(string name, byte[] content)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process the test started may still hold a file open; the folder is the system's to clean then.
        }
        catch (UnauthorizedAccessException)
        {
            // A test that took permissions away (a read-only directory) and failed before giving them back.
        }
    }
}
