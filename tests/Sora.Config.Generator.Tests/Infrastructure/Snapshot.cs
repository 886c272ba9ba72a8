using System.Runtime.CompilerServices;
using System.Text;

namespace Sora.Config.Generator.Tests.Infrastructure;

/// <summary>A small snapshot helper (Verify cannot be restored here): compares text with a committed
/// <c>Snapshots/&lt;name&gt;.verified.cs</c>. On a mismatch it writes <c>&lt;name&gt;.received.cs</c> next to it
/// (git ignores <c>*.received.*</c>) and fails with a unified diff of the two. Set SORA_UPDATE_SNAPSHOTS=1 to
/// accept new output.</summary>
public static class Snapshot
{
    /// <summary>Lines of unchanged text shown around each change in the diff.</summary>
    public const int ContextLines = 3;

    public static void Match(string actual, string name, [CallerFilePath] string caller = "")
    {
        var project = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (project.GetFiles("*.csproj").Length == 0) project = project.Parent!;
        Match(actual, name, Path.Combine(project.FullName, "Snapshots"),
            Environment.GetEnvironmentVariable("SORA_UPDATE_SNAPSHOTS") == "1");
    }

    /// <summary>The comparison itself, with the snapshot directory and the update switch explicit (for tests of the helper).</summary>
    public static void Match(string actual, string name, string directory, bool update)
    {
        var verified = Path.GetFullPath(Path.Combine(directory, name + ".verified.cs"));
        var received = Path.GetFullPath(Path.Combine(directory, name + ".received.cs"));
        actual = actual.Replace("\r\n", "\n");
        if (update)
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
            Assert.Fail($"Snapshot {name} differs from {verified}.\n" +
                $"Review {received}; rerun with SORA_UPDATE_SNAPSHOTS=1 to accept it.\n\n" +
                UnifiedDiff(expected, actual, name + ".verified.cs", name + ".received.cs", ContextLines));
        }
        if (File.Exists(received)) File.Delete(received);
    }

    /// <summary>A unified diff (as <c>diff -u</c> prints it) turning <paramref name="expected"/> into
    /// <paramref name="actual"/>: <c>---</c>/<c>+++</c> headers, then every hunk with up to
    /// <paramref name="context"/> unchanged lines around its changes. Empty when the texts are equal.</summary>
    public static string UnifiedDiff(string expected, string actual, string expectedLabel, string actualLabel, int context = ContextLines)
    {
        var a = SplitLines(expected, out bool aNewline);
        var b = SplitLines(actual, out bool bNewline);
        // A missing final newline makes the last line differ from the same text with a newline; diff marks it.
        var edits = Diff(a, b, aNewline, bNewline);
        if (edits.All(e => e.Kind == ' ')) return "";

        var sb = new StringBuilder();
        sb.Append("--- ").Append(expectedLabel).Append('\n');
        sb.Append("+++ ").Append(actualLabel).Append('\n');
        int i = 0;
        while (i < edits.Count)
        {
            // Find the next change, then extend the hunk while changes are at most 2 * context lines apart.
            while (i < edits.Count && edits[i].Kind == ' ') i++;
            if (i == edits.Count) break;
            int start = Math.Max(0, i - context);
            int end = i;
            while (true)
            {
                while (end < edits.Count && edits[end].Kind != ' ') end++;
                int next = end;
                while (next < edits.Count && edits[next].Kind == ' ') next++;
                if (next < edits.Count && next - end <= 2 * context) { end = next; continue; }
                end = Math.Min(edits.Count, end + context);
                break;
            }
            int aStart = edits[start].A, bStart = edits[start].B;
            int aCount = edits.Skip(start).Take(end - start).Count(e => e.Kind != '+');
            int bCount = edits.Skip(start).Take(end - start).Count(e => e.Kind != '-');
            sb.Append("@@ -").Append(Range(aStart, aCount)).Append(" +").Append(Range(bStart, bCount)).Append(" @@\n");
            for (int k = start; k < end; k++)
            {
                var e = edits[k];
                string line = e.Kind == '+' ? b[e.B] : a[e.A];
                sb.Append(e.Kind).Append(line).Append('\n');
                bool lastOfA = e.Kind != '+' && e.A == a.Count - 1 && !aNewline;
                bool lastOfB = e.Kind != '-' && e.B == b.Count - 1 && !bNewline;
                if (lastOfA || lastOfB) sb.Append("\\ No newline at end of file\n");
            }
            i = end;
        }
        return sb.ToString();
    }

    // "-l,s" in diff's convention: 1-based first line; for an empty range, the line before it.
    private static string Range(int start, int count) =>
        count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private static List<string> SplitLines(string text, out bool endsWithNewline)
    {
        endsWithNewline = text.Length == 0 || text.EndsWith('\n');
        var lines = text.Split('\n').ToList();
        if (endsWithNewline) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private readonly record struct Edit(char Kind, int A, int B);

    /// <summary>Myers' O((N+M)D) diff: the shortest edit script as a sequence of kept (' '), deleted ('-') and
    /// inserted ('+') lines, each with its position in both texts (the position an insertion or deletion would have).</summary>
    private static List<Edit> Diff(List<string> a, List<string> b, bool aNewline, bool bNewline)
    {
        bool Equal(int x, int y) =>
            a[x] == b[y] && (x < a.Count - 1 || aNewline) == (y < b.Count - 1 || bNewline);

        int n = a.Count, m = b.Count, max = n + m, offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        int dFound = -1;
        for (int d = 0; d <= max && dFound < 0; d++)
        {
            trace.Add((int[])v.Clone());
            for (int k = -d; k <= d; k += 2)
            {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && Equal(x, y)) { x++; y++; }
                v[offset + k] = x;
                if (x >= n && y >= m) { dFound = d; break; }
            }
        }

        var edits = new List<Edit>();
        int cx = n, cy = m;
        for (int d = dFound; d > 0; d--)
        {
            var pv = trace[d];
            int k = cx - cy;
            int prevK = k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]) ? k + 1 : k - 1;
            int prevX = pv[offset + prevK], prevY = prevX - prevK;
            while (cx > prevX && cy > prevY) { cx--; cy--; edits.Add(new Edit(' ', cx, cy)); }
            if (cx == prevX) { cy--; edits.Add(new Edit('+', cx, cy)); }
            else { cx--; edits.Add(new Edit('-', cx, cy)); }
        }
        while (cx > 0 && cy > 0) { cx--; cy--; edits.Add(new Edit(' ', cx, cy)); }
        edits.Reverse();
        return edits;
    }
}
