using System.Reflection;
using Sora.Config.Generator.Tests.Infrastructure;

namespace Sora.Config.Generator.Tests;

/// <summary>The generated Apply with every kind of typed reader (enum, float, lists, ...) from the test
/// schema, compiled and run: values land in the right properties, invalid ones make Parse fail.</summary>
public class GeneratedReadersTests
{
    private const string Source = """
        #nullable enable
        using Sora.Config;
        namespace Demo;

        [GeneratedSoraConf]
        public partial class TestConf { }
        """;

    private static readonly Lazy<Type> TestConf = new(() =>
    {
        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(Source), GeneratorHarness.TestSchema());
        using var image = new MemoryStream();
        var result = output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Assembly.Load(image.ToArray()).GetType("Demo.TestConf")!;
    });

    private static object Parse(string text)
    {
        try
        {
            return TestConf.Value.GetMethod("Parse")!.Invoke(null, new object[] { text })!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            throw ex.InnerException;
        }
    }

    private static object? Get(object conf, string property) => conf.GetType().GetProperty(property)!.GetValue(conf);

    [Fact]
    public void Every_reader_sets_its_property()
    {
        var conf = Parse("flag_on = true\nlisten_port = 8080\nworker_count = 4\nwait_time = 2 min\nratio = 0.5\n" +
            "host_address = 10.0.0.1\ncallback_url = https://cb.example/x\nsecret_token = s3 cret\nvideo_codec = h264\n" +
            "allowed_codecs = vp9, av1\ntrusted_addresses = 10.0.0.1 10.0.0.2\nnew_feature = false\n");
        Assert.Equal(true, Get(conf, "FlagOn"));
        Assert.Equal(8080, Get(conf, "ListenPort"));
        Assert.Equal(4L, Get(conf, "WorkerCount"));
        Assert.Equal(TimeSpan.FromMinutes(2), Get(conf, "WaitTime"));
        Assert.Equal(0.5, Get(conf, "Ratio"));
        Assert.Equal(System.Net.IPAddress.Parse("10.0.0.1"), Get(conf, "HostAddress"));
        Assert.Equal(new Uri("https://cb.example/x"), Get(conf, "CallbackUrl"));
        Assert.Equal("s3 cret", Get(conf, "SecretToken"));
        Assert.Equal("H264", Get(conf, "VideoCodec")!.ToString());
        Assert.Equal(new[] { "Vp9", "Av1" }, ((System.Collections.IEnumerable)Get(conf, "AllowedCodecs")!).Cast<object>().Select(o => o.ToString()));
        Assert.Equal(2, ((System.Collections.IEnumerable)Get(conf, "TrustedAddresses")!).Cast<object>().Count());
        Assert.Equal(false, Get(conf, "NewFeature"));
        Assert.Equal("video_codec = h264", ((string)conf.GetType().GetMethod("Serialize")!.Invoke(conf, null)!).Split('\n').Single(l => l.StartsWith("video_codec")));
    }

    [Theory]
    [InlineData("video_codec = H264")]
    [InlineData("video_codec = h265")]
    [InlineData("ratio = 1")]
    [InlineData("ratio = .5")]
    [InlineData("worker_count = 65")]
    [InlineData("wait_time = 500 ms")]
    [InlineData("allowed_codecs = vp9, x")]
    public void Invalid_values_fail_Parse(string line)
    {
        var ex = Assert.Throws<SoraConfParseException>(() => Parse(line + "\n"));
        Assert.Contains(ex.Diagnostics, d => d.Id == "SORA0003" && d.Line == 1);
    }
}
