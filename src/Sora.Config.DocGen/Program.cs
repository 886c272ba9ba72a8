using System;

namespace Sora.Config.DocGen
{
    public static class Program
    {
        public static int Main(string[] args) => DocGenCommand.Run(args, Console.Out, Console.Error);
    }
}
