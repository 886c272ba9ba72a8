using System.Net;
using System.Text;
using CsCheck;
using Sora.Config.Catalog;
using Sora.Config.IO;
using Sora.Config.Values;

namespace Sora.Config.Tests.Syntax;

/// <summary>Property-based tests (CsCheck): writing then reading gives back what was written, and
/// no input, however broken, makes the reader throw.</summary>
public class PropertyTests
{
    private static readonly SoraKeyInfo[] Keys = SoraCatalog.Default.KeysIn(SoraCatalog.Default.NewestVersion).ToArray();

    /// <summary>A valid sora.conf value for the key, built from its type.</summary>
    private static Gen<string> ValueFor(SoraKeyInfo key) => key.Type switch
    {
        SoraValueType.Bool => Gen.Bool.Select(b => b ? "true" : "false"),
        SoraValueType.Port => Gen.Int[0, 65535].Select(i => i.ToString()),
        SoraValueType.Enum => Pick(key.Candidates.ToArray()),
        SoraValueType.Int => Gen.Int[0, 100_000].Select(i => i.ToString()),
        SoraValueType.Interval => Gen.Select(Gen.Int[0, 5000], Gen.Int[0, key.Units.Count - 1], (n, u) => new SoraInterval(n, key.Units[u]).ToString()),
        SoraValueType.Ipv4 => Gen.Byte.Array[4].Select(b => new IPAddress(b).ToString()),
        SoraValueType.Ipv6 => Gen.Byte.Array[16].Select(b => new IPAddress(b).ToString()),
        SoraValueType.Url when key.Format == "origin" => Gen.Select(Pick("http", "https"), Gen.Char['a', 'z'].Array[1, 12], Gen.Int[1, 65535], (s, h, p) => $"{s}://{new string(h)}.sora.internal:{p}"),
        SoraValueType.Url => Gen.Select(Pick("http", "https"), Gen.Char['a', 'z'].Array[1, 12], Gen.Int[1, 65535], (s, h, p) => $"{s}://{new string(h)}.sora.internal:{p}/sora"),
        SoraValueType.String when key.Format == "host_name" => Gen.Char['a', 'z'].Array[1, 20].Select(h => new string(h) + ".sora.internal"),
        _ => Gen.String[Gen.Char.Where(c => c != '\n' && c != '\r' && c != '\0'), 1, 40].Select(s => s.Trim()).Where(s => s.Length > 0 && !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1]) && IsWritable(s)),
    };

    private static bool IsWritable(string s)
    {
        try
        {
            SoraConfWriter.CheckWritable("label", s);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static readonly Gen<KeyValuePair<string, string>[]> Settings =
        Gen.Int[0, Keys.Length - 1].Array[0, 30]
            .Select(indexes => indexes.Distinct().ToArray())
            .SelectMany(indexes => indexes
                .Select(i => ValueFor(Keys[i]).Select(v => new KeyValuePair<string, string>(Keys[i].Name, v)))
                .Aggregate(Gen.Const(Array.Empty<KeyValuePair<string, string>>()), (acc, g) => Gen.Select(acc, g, (a, kv) => a.Append(kv).ToArray())));

    private static Gen<T> Pick<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    [Fact]
    public void Parse_of_write_gives_back_every_key_and_value()
    {
        Settings.Sample(pairs =>
        {
            var text = SoraConfWriter.Write(pairs);
            var file = SoraConfFile.Read(text);
            Assert.DoesNotContain(file.Diagnostics, d => d.Id.StartsWith("SORA0", StringComparison.Ordinal) && d.Id != "SORA0005");
            Assert.Equal(pairs.Select(p => (p.Key, p.Value)), file.Document.Entries.Select(l => (l.Key!, l.Value!)));
            foreach (var (key, value) in pairs)
            {
                Assert.True(SoraCatalog.Default.TryGetKey(key, out var info));
                Assert.True(SoraValueCodec.TryParse(info, value, out var expected, out _));
                Assert.Equal(SoraValueCodec.Format(info, expected!), SoraValueCodec.Format(info, file.Values[key]));
            }
        }, iter: 500);
    }

    [Fact]
    public void Any_string_the_writer_accepts_reads_back_identically()
    {
        Gen.String.Sample(s =>
        {
            if (!IsWritable(s)) return;
            var doc = SoraConfDocument.Parse(SoraConfWriter.Write(new[] { new KeyValuePair<string, string>("label", s) }));
            Assert.Equal(s, Assert.Single(doc.Entries).Value);
        }, iter: 2000);
    }

    private static readonly Gen<byte[]> Fragments = Pick(
            "=", "#", " ", "\t", "\r", "\n", "\r\n", "api_port", "demo", "true", "30 s", "http://", "\uFEFF", "東京", "label")
        .Select(s => Encoding.UTF8.GetBytes(s))
        .Array[0, 60]
        .Select(parts => parts.SelectMany(p => p).ToArray());

    private static readonly Gen<byte[]> AnyBytes = Gen.Frequency((1, Gen.Byte.Array[0, 400]), (2, Fragments));

    [Fact]
    public void Arbitrary_bytes_never_throw_and_round_trip()
    {
        AnyBytes.Sample(bytes =>
        {
            var file = SoraConfFile.Read(bytes);
            Assert.Equal(bytes, file.Document.ToBytes());
            Assert.All(file.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Message)));
        }, iter: 3000);
    }

    [Fact]
    public void Huge_lines_and_files_produce_diagnostics_not_exceptions()
    {
        var hugeLine = Encoding.ASCII.GetBytes("label = " + new string('x', 5_000_000) + "\n" + new string('y', 1_000_000));
        var file = SoraConfFile.Read(hugeLine);
        Assert.Contains(file.Diagnostics, d => d.Id == "SORA0001" && d.Line == 2);
        Assert.Equal(hugeLine.Length, file.Document.ToBytes().Length);
    }
}
