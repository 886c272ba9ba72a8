using System.Runtime.CompilerServices;

namespace Sora.Config.Generator.Tests.Infrastructure;

/// <summary>A small snapshot helper (Verify cannot be restored here): compares text with a committed
/// <c>Snapshots/&lt;name&gt;.verified.cs</c>. Set SORA_UPDATE_SNAPSHOTS=1 to accept new output.</summary>
public static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string caller = "")
    {
        var project = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (project.GetFiles("*.csproj").Length == 0) project = project.Parent!;
        var dir = Path.Combine(project.FullName, "Snapshots");
        var verified = Path.GetFullPath(Path.Combine(dir, name + ".verified.cs"));
        var received = Path.GetFullPath(Path.Combine(dir, name + ".received.cs"));
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("SORA_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        if (!File.Exists(verified))
        {
            File.WriteAllText(received, actual);
            Assert.Fail($"No snapshot {verified}. Review {received} and rerun with SORA_UPDATE_SNAPSHOTS=1 to accept it.");
        }
        var expected = File.ReadAllText(verified).Replace("\r\n", "\n");
        if (expected != actual)
        {
            File.WriteAllText(received, actual);
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            int line = 0;
            while (line < Math.Min(e.Length, a.Length) && e[line] == a[line]) line++;
            Assert.Fail($"Snapshot {name} differs at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}\n" +
                $"Review {received}; rerun with SORA_UPDATE_SNAPSHOTS=1 to accept it.");
        }
        if (File.Exists(received)) File.Delete(received);
    }
}
