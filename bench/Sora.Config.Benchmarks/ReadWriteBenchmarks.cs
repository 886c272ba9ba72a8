using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Configuration.Ini;
using Sora.Config;
using Tomlyn;
using Tomlyn.Model;
using Sora.Config.IO;
using Sora.Config.Syntax;

namespace Sora.Config.Benchmarks
{
    /// <summary>Reading and writing a 60-key sora.conf (about three comment lines per key), side by side
    /// with the INI configuration provider, Tomlyn and a hand-rolled loop. One class, so one run prints
    /// every number; each category has its own baseline so the Ratio column answers the targets of issue 2 §6.</summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    [MedianColumn] // on a shared, noisy machine the median is the steadier figure
    // 2 noisy cores: a short, fixed job. Enough iterations for a stable median, and the whole run
    // (8 benchmarks) finishes in a few minutes.
    [SimpleJob(warmupCount: 3, iterationCount: 15)]
    public class ReadWriteBenchmarks
    {
        private string soraConf = "";
        private byte[] soraConfBytes = Array.Empty<byte>();
        private byte[] iniBytes = Array.Empty<byte>();
        private string toml = "";
        private KeyValuePair<string, string>[] settings = Array.Empty<KeyValuePair<string, string>>();

        [GlobalSetup]
        public void Setup()
        {
            var inputs = Inputs.Create();
            soraConf = inputs.SoraConf;
            soraConfBytes = Encoding.UTF8.GetBytes(soraConf);
            iniBytes = Encoding.UTF8.GetBytes(inputs.Ini);
            toml = inputs.Toml;
            settings = new List<KeyValuePair<string, string>>(inputs.Settings).ToArray();
        }

        // ---- Read ------------------------------------------------------------------------------

        /// <summary>The practical limit: split lines, skip comments, split at the first '=', trim, store.</summary>
        [Benchmark(Baseline = true, Description = "Hand-rolled loop")]
        [BenchmarkCategory("Read")]
        public Dictionary<string, string> Read_HandRolled() => HandRolled(soraConf);

        /// <summary>(a) the lossless syntax tree, from a string.</summary>
        [Benchmark(Description = "(a) SoraConfDocument.Parse(string)")]
        [BenchmarkCategory("Read")]
        public SoraConfDocument Read_Document() => SoraConfDocument.Parse(soraConf);

        /// <summary>(a) from UTF-8 bytes, as Load reads a file: per-line UTF-8 check and decode (the INI provider decodes too).</summary>
        [Benchmark(Description = "(a) SoraConfDocument.Parse(byte[])")]
        [BenchmarkCategory("Read")]
        public SoraConfDocument Read_DocumentBytes() => SoraConfDocument.Parse(soraConfBytes);

        /// <summary>(b) document + every rule + typed values.</summary>
        [Benchmark(Description = "(b) SoraConfFile.Read(string)")]
        [BenchmarkCategory("Read")]
        public SoraConfFile Read_File() => SoraConfFile.Read(soraConf);

        /// <summary>Microsoft.Extensions.Configuration.Ini reading the same keys from a stream (no comments, no positions kept).</summary>
        [Benchmark(Description = "INI provider (stream)")]
        [BenchmarkCategory("Read")]
        public IDictionary<string, string?> Read_Ini()
        {
            using var stream = new MemoryStream(iniBytes, writable: false);
            return IniStreamConfigurationProvider.Read(stream);
        }

        /// <summary>Tomlyn parsing the equivalent TOML into its untyped model.</summary>
        [Benchmark(Description = "Tomlyn Deserialize<TomlTable>")]
        [BenchmarkCategory("Read")]
        public TomlTable Read_Tomlyn() => TomlSerializer.Deserialize<TomlTable>(toml)!;

        // ---- Write -----------------------------------------------------------------------------

        [Benchmark(Baseline = true, Description = "StringBuilder loop")]
        [BenchmarkCategory("Write")]
        public string Write_StringBuilder()
        {
            var sb = new StringBuilder();
            foreach (var pair in settings) sb.Append(pair.Key).Append(" = ").Append(pair.Value).Append('\n');
            return sb.ToString();
        }

        [Benchmark(Description = "SoraConfWriter.Write")]
        [BenchmarkCategory("Write")]
        public string Write_SoraConfWriter() => SoraConfWriter.Write(settings);

        internal static Dictionary<string, string> HandRolled(string text)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#') continue;
                int eq = line.IndexOf('=');
                if (eq < 0) continue;
                result[line.Substring(0, eq).Trim()] = line.Substring(eq + 1).Trim();
            }
            return result;
        }
    }
}
