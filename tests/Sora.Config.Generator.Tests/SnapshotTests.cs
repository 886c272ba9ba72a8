using Sora.Config.Generator.Tests.Infrastructure;

namespace Sora.Config.Generator.Tests;

/// <summary>The snapshot helper itself: a mismatch fails with a unified diff and leaves a .received.cs to review.
/// Each test works in its own temporary directory and removes it, so nothing is left behind.</summary>
public class SnapshotTests
{
    private static string Lines(int from, int to) =>
        string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"line {i}\n"));

    [Fact]
    public void A_mismatch_fails_with_every_hunk_of_a_unified_diff_and_writes_the_received_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sora-snapshot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string expected = Lines(1, 20);
            string actual = Lines(1, 20).Replace("line 3\n", "LINE 3\n").Replace("line 17\n", "") + "new\n";
            File.WriteAllText(Path.Combine(dir, "Sample.verified.cs"), expected);

            var failure = Assert.Throws<Xunit.Sdk.FailException>(() => Snapshot.Match(actual, "Sample", dir, update: false));

            // The same text `diff -u` prints for these two files.
            const string diff = """
                --- Sample.verified.cs
                +++ Sample.received.cs
                @@ -1,6 +1,6 @@
                 line 1
                 line 2
                -line 3
                +LINE 3
                 line 4
                 line 5
                 line 6
                @@ -14,7 +14,7 @@
                 line 14
                 line 15
                 line 16
                -line 17
                 line 18
                 line 19
                 line 20
                +new

                """;
            Assert.Contains(diff.Replace("\r\n", "\n"), failure.Message.Replace("\r\n", "\n"), StringComparison.Ordinal);
            Assert.Equal(actual, File.ReadAllText(Path.Combine(dir, "Sample.received.cs")));
            Assert.Equal(expected, File.ReadAllText(Path.Combine(dir, "Sample.verified.cs")));

            // Once the output matches again, the stale .received.cs goes away.
            Snapshot.Match(expected, "Sample", dir, update: false);
            Assert.False(File.Exists(Path.Combine(dir, "Sample.received.cs")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_missing_snapshot_fails_and_update_mode_accepts_the_output()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sora-snapshot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            Assert.Throws<Xunit.Sdk.FailException>(() => Snapshot.Match("a\n", "New", dir, update: false));
            Assert.True(File.Exists(Path.Combine(dir, "New.received.cs")));

            Snapshot.Match("a\n", "New", dir, update: true);
            Assert.Equal("a\n", File.ReadAllText(Path.Combine(dir, "New.verified.cs")));
            Assert.False(File.Exists(Path.Combine(dir, "New.received.cs")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    // Expected outputs as GNU `diff -u` prints them (headers aside).
    [InlineData("a\nb\n", "a\nb\n", "")]
    [InlineData("a\nb\n", "z\na\nb\n", "@@ -1,2 +1,3 @@\n+z\n a\n b\n")]
    [InlineData("x\ny", "x\ny\n", "@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n")]
    [InlineData("", "q\n", "@@ -0,0 +1 @@\n+q\n")]
    [InlineData("q\n", "", "@@ -1 +0,0 @@\n-q\n")]
    [InlineData("a\nb\nc\n", "a\nc\n", "@@ -1,3 +1,2 @@\n a\n-b\n c\n")]
    public void Unified_diff_matches_diff_u(string expected, string actual, string hunks)
    {
        string diff = Snapshot.UnifiedDiff(expected, actual, "old", "new");
        Assert.Equal(hunks.Length == 0 ? "" : "--- old\n+++ new\n" + hunks, diff);
    }

    [Fact]
    public void Changes_close_together_share_one_hunk()
    {
        string diff = Snapshot.UnifiedDiff(Lines(1, 12), Lines(1, 12).Replace("line 3\n", "x\n").Replace("line 9\n", "y\n"), "old", "new");
        Assert.Single(diff.Split('\n'), l => l.StartsWith("@@", StringComparison.Ordinal));
        Assert.StartsWith("--- old\n+++ new\n@@ -1,12 +1,12 @@\n", diff, StringComparison.Ordinal);
    }
}
