using BenchmarkDotNet.Running;

namespace Sora.Config.Generator.Bench;

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
