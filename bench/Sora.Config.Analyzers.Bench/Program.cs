using System.Collections.Immutable;
using System.Diagnostics;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sora.Config.Analyzers;
using Sora.Config.Generator;

namespace Sora.Config.Analyzers.Bench;

public static class Program
{
    public static async Task Main(string[] args)
    {
        // Sora.Config is referenced twice (directly and through the analyzer project, which keeps it private), and the
        // SDK leaves it out of the deps file; load it from beside the benchmark.
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
        if (args.Length > 0 && args[0] == "--telemetry")
        {
            await Telemetry.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 10, args.Length > 3 && args[2] == "--warmup" ? int.Parse(args[3]) : 2);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

/// <summary>The synthetic project: 500 files of ordinary code (classes, loops, LINQ, string work), 50 of which
/// also build a [GeneratedSoraConf] object with an initializer and later assignments. (The sites are every tenth file,
/// which is always even, so the branch that would parse sora.conf text for odd files is never taken. Every published
/// figure measured it this way; it stays so, to keep them comparable. docs/benchmarks.md, "Analyzers".)</summary>
internal static class Synthetic
{
    public const int Files = 500;
    public const int Sites = 50;

    private static string File(int i, bool site)
    {
        var body = $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net;

            namespace Synthetic.N{{i % 20}};

            public sealed class Worker{{i}}
            {
                private readonly List<int> items = new();
                public string Name { get; set; } = "w{{i}}";

                public int Sum(int n)
                {
                    int total = 0;
                    for (int k = 0; k < n; k++) { if (k % 3 == 0) total += k; else total -= 1; items.Add(k); }
                    return total + items.Where(x => x > 2).Select(x => x * 2).Sum();
                }

                public string Describe(IEnumerable<string> parts) => string.Join(",", parts.Select(p => p.Trim().ToUpperInvariant())) + Name.Length;

                public Dictionary<string, int> Count(string[] words)
                {
                    var result = new Dictionary<string, int>();
                    foreach (var w in words) result[w] = result.TryGetValue(w, out var c) ? c + 1 : 1;
                    return result;
                }
            """;
        if (site)
        {
            body += i % 2 == 0
                ? $$"""

                    public Sora.Config.SoraConf Conf(bool flag)
                    {
                        var conf = new Sora.Config.SoraConf
                        {
                            ApiLoopbackAddressOnly = true,
                            SignalingLoopbackAddressOnly = {{(i % 4 == 0 ? "false" : "true")}},
                            Ipv4Address = IPAddress.Parse("192.0.2.{{i % 250}}"),
                            ApiPort = 3000,
                            WebhookResponseTimeout = TimeSpan.FromSeconds(5),
                        };
                        conf.Demo = flag;
                        conf.TurnFqdn = "turn.example.com";
                        return conf;
                    }
                """
                : $$"""

                    public Sora.Config.SoraConf Conf() => Sora.Config.SoraConf.Parse(\"\"\"
                        api_loopback_address_only = true
                        signaling_loopback_address_only = true
                        ipv4_address = 192.0.2.{{i % 250}}
                        turn_fqdn = turn.example.com
                        api_port = 3000
                        \"\"\");
                """;
        }
        return body.Replace("\\\"", "\"") + "\n}\n";
    }

    public static CSharpCompilation Create(bool withSoraConfig)
    {
        var trees = Enumerable.Range(0, Files)
            .Select(i => CSharpSyntaxTree.ParseText(File(i, withSoraConfig && i % (Files / Sites) == 0), CSharpParseOptions.Default, path: $"/src/File{i}.cs"))
            .ToList();
        var references = Net100.References.All.ToList();
        if (withSoraConfig) references.Add(MetadataReference.CreateFromFile(typeof(SoraConf).Assembly.Location));
        return CSharpCompilation.Create("Synthetic", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}

/// <summary>The floor: an operation analyzer that registers for the same operation kinds and does nothing.
/// (It declares no descriptor of its own, borrowing one it never reports, so release tracking has nothing to track.)</summary>
#pragma warning disable RS1041, RS1036 // Benchmark host only: this analyzer runs in-process through CompilationWithAnalyzers, never in a compiler, so the compiler-extension project rules do not apply.
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1041, RS1036
{
    private static readonly ImmutableArray<DiagnosticDescriptor> Borrowed = ImmutableArray.Create(new SoraConfAnalyzer().SupportedDiagnostics[0]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Borrowed;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterOperationBlockStartAction(block => block.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation));
            start.RegisterOperationAction(_ => { }, OperationKind.Invocation);
        });
    }
}

[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8, invocationCount: 1)]
public class AnalyzerBenchmarks
{
    private CSharpCompilation with = null!;
    private CSharpCompilation without = null!;
    private AnalyzerOptions options = null!;

    [GlobalSetup]
    public void Setup()
    {
        with = Synthetic.Create(withSoraConfig: true);
        without = Synthetic.Create(withSoraConfig: false);
        options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
    }

    // Each run starts from a clone so no binding is cached from an earlier run.
    [Benchmark(Baseline = true)]
    public int CompilerOnly() => with.Clone().GetDiagnostics().Length;

    [Benchmark]
    public async Task<int> NoOpAnalyzerFloor() => (await with.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer()), options).GetAllDiagnosticsAsync()).Length;

    [Benchmark]
    public async Task<int> SoraAnalyzers() => (await with.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SoraConfAnalyzer()), options).GetAllDiagnosticsAsync()).Length;

    [Benchmark]
    public int WithoutSoraConfig_CompilerOnly() => without.Clone().GetDiagnostics().Length;

    [Benchmark]
    public async Task<int> WithoutSoraConfig_SoraAnalyzers() => (await without.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SoraConfAnalyzer()), options).GetAllDiagnosticsAsync()).Length;
}

/// <summary>Our analyzers' own execution time from the compiler's telemetry, next to the compiler-only pass.</summary>
internal static class Telemetry
{
    public static async Task RunAsync(int runs, int warmups)
    {
        foreach (var withSoraConfig in new[] { true, false })
        {
            var compilation = Synthetic.Create(withSoraConfig);
            var compilerMs = new List<double>();
            var ownMs = new List<double>();
            var wholeMs = new List<double>();
            var floorMs = new List<double>();
            var noopMs = new List<double>();
            int findings = 0;
            for (int r = 0; r < runs + warmups; r++)
            {
                var sw = Stopwatch.StartNew();
                compilation.Clone().GetDiagnostics();
                var compiler = sw.Elapsed.TotalMilliseconds;

                var noop = new NoOpAnalyzer();
                var floorCwa = compilation.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(noop), new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                sw.Restart();
                await floorCwa.GetAnalyzerDiagnosticsAsync();
                var floor = sw.Elapsed.TotalMilliseconds;
                var noopOwn = (await floorCwa.GetAnalyzerTelemetryInfoAsync(noop, CancellationToken.None)).ExecutionTime.TotalMilliseconds;

                var analyzer = new SoraConfAnalyzer();
                var cwa = compilation.Clone().WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
                    new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                sw.Restart();
                var all = await cwa.GetAnalyzerDiagnosticsAsync();
                var whole = sw.Elapsed.TotalMilliseconds;
                var telemetry = await cwa.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                if (r < warmups) continue; // warm-up: JIT and tiering of everyone's code
                findings = all.Count(d => d.Id.StartsWith("SORA", StringComparison.Ordinal));
                compilerMs.Add(compiler);
                floorMs.Add(floor);
                wholeMs.Add(whole);
                ownMs.Add(telemetry.ExecutionTime.TotalMilliseconds);
                noopMs.Add(noopOwn);
            }
            double Median(List<double> v) => v.OrderBy(x => x).ElementAt(v.Count / 2);
            Console.WriteLine($"{(withSoraConfig ? "with Sora.Config" : "without Sora.Config")}: files={Synthetic.Files} sites={(withSoraConfig ? Synthetic.Sites : 0)} SORA findings={findings}");
            Console.WriteLine($"  compiler-only pass      {Median(compilerMs),8:F1} ms");
            Console.WriteLine($"  + no-op analyzer floor  {Median(floorMs),8:F1} ms  ({Median(floorMs) / Median(compilerMs):F2}x compiler)");
            Console.WriteLine($"  + SORA analyzers        {Median(wholeMs),8:F1} ms  ({Median(wholeMs) / Median(floorMs):F2}x floor)");
            Console.WriteLine($"  SORA own execution time {Median(ownMs),8:F2} ms  ({100 * Median(ownMs) / Median(compilerMs):F2}% of compiler pass)");
            Console.WriteLine($"    per pass (ms, in order): {string.Join(" ", ownMs.Select(v => v.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}");
            Console.WriteLine($"    whole/floor per pass:    {string.Join(" ", wholeMs.Zip(floorMs, (w, f) => (w / f).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}");
            Console.WriteLine($"  no-op own execution time{Median(noopMs),8:F2} ms  ({100 * Median(noopMs) / Median(compilerMs):F2}% of compiler pass: the per-callback cost any operation analyzer pays)");
        }
    }
}
