using System;

namespace Sora.Config.SchemaGen
{
    public static class Program
    {
        public static int Main(string[] args) => SchemaGenCommand.Run(args, Console.Out, Console.Error);
    }
}
