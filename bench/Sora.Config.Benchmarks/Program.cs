using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Running;
using Sora.Config;
using Sora.Config.IO;

namespace Sora.Config.Benchmarks
{
    public static class Program
    {
        /// <summary><c>dotnet run -c Release -- --filter '*'</c> runs the benchmarks (any BenchmarkDotNet
        /// switch works); <c>dotnet run -c Release -- write-inputs [dir]</c> writes the generated inputs.</summary>
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "write-inputs")
            {
                var dir = args.Length > 1 ? args[1] : Path.Combine(FindProjectDir(), "Inputs");
                return WriteInputs(dir);
            }
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }

        private static int WriteInputs(string dir)
        {
            var inputs = Inputs.Create();
            Directory.CreateDirectory(dir);
            var utf8 = new UTF8Encoding(false);
            File.WriteAllText(Path.Combine(dir, "sora.conf"), inputs.SoraConf, utf8);
            File.WriteAllText(Path.Combine(dir, "sora.ini"), inputs.Ini, utf8);
            File.WriteAllText(Path.Combine(dir, "sora.toml"), inputs.Toml, utf8);
            foreach (var note in inputs.Notes) Console.WriteLine(note);

            // Sanity: all three formats carry the same 60 keys, and what sora.conf reports.
            var file = SoraConfFile.Read(inputs.SoraConf);
            var hand = ReadWriteBenchmarks.HandRolled(inputs.SoraConf);
            var ini = Microsoft.Extensions.Configuration.Ini.IniStreamConfigurationProvider.Read(new MemoryStream(utf8.GetBytes(inputs.Ini)));
            var toml = Tomlyn.TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(inputs.Toml)!;
            Console.WriteLine($"keys: sora.conf {file.Document.Entries.Count()}, typed values {file.Values.Count}, hand-rolled {hand.Count}, INI {ini.Count}, TOML {toml.Count}");
            Console.WriteLine($"lines: {file.Document.Lines.Count}, bytes: {utf8.GetByteCount(inputs.SoraConf)}");
            foreach (var d in file.Diagnostics) Console.WriteLine("  " + d);
            foreach (var pair in inputs.Settings)
            {
                if (!string.Equals(ini[pair.Key], pair.Value, StringComparison.Ordinal) || hand[pair.Key] != pair.Value)
                {
                    Console.Error.WriteLine($"mismatch for {pair.Key}");
                    return 1;
                }
            }
            Console.WriteLine($"wrote {dir}");
            return 0;
        }

        private static string FindProjectDir()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Sora.Config.Benchmarks.csproj"))) dir = dir.Parent;
            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}
