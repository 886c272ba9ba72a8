namespace Sora.Config.Cli.Tests;

/// <summary>50 MB files: no crash, and the GC heap stays under a hard 512 MB limit (the process aborts with
/// "Out of memory" if it does not), i.e. memory is bounded by about ten times the file size.</summary>
public class LargeFileTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    private static readonly Dictionary<string, string> BoundedHeap = new() { ["DOTNET_GCHeapHardLimit"] = "0x20000000" };

    [Fact]
    public void Fifty_megabytes_of_lines()
    {
        using var dir = new TempDir();
        var path = dir.File("big.conf");
        int duplicates = 0;
        using (var writer = new StreamWriter(path))
        {
            writer.Write("label = first\napi_loopback_address_only = true\nsignaling_loopback_address_only = true\n");
            var comment = "# " + new string('x', 70);
            for (int i = 1; writer.BaseStream.Length < FiftyMegabytes; i++)
            {
                writer.WriteLine(comment);
                if (i % 100_000 == 0)
                {
                    writer.WriteLine("label = again");
                    duplicates++;
                }
                if (i % 10_000 == 0) writer.Flush();
            }
        }
        Assert.True(new FileInfo(path).Length >= FiftyMegabytes);

        var run = SoraConfCli.RunIn(dir.Path, BoundedHeap, "lint", "--min-severity", "error", "big.conf");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Stderr);
        var lines = run.StdoutLines;
        Assert.Equal(duplicates, lines.Count(l => l.Contains(" error SORA0002: 'label' is already set on line 1")));
        Assert.Equal($"{duplicates} errors, 0 warnings, 0 info in 1 file (2 below --min-severity error not shown)", lines[^1]);
    }

    [Fact]
    public void Fifty_megabytes_on_one_line()
    {
        using var dir = new TempDir();
        var path = dir.File("one-line.conf");
        using (var stream = File.Create(path))
        {
            var head = "label = "u8.ToArray();
            stream.Write(head);
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'y');
            for (int i = 0; i < 50; i++) stream.Write(chunk);
            stream.Write(" # trailing"u8);
        }

        var run = SoraConfCli.RunIn(dir.Path, BoundedHeap, "lint", "--min-severity", "warning", "--format", "json", "one-line.conf");
        Assert.True(run.ExitCode == 1, run.ToString()[..Math.Min(2000, run.ToString().Length)]);
        Assert.Equal("", run.Stderr);
        Assert.Contains("\"id\": \"SORA0005\"", run.Stdout);
        Assert.Contains("\"line\": 1", run.Stdout);
    }
}
