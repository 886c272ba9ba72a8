using System;
using System.IO;

namespace Sora.Config.Emit;

/// <summary>Entry point: <c>dotnet exec Sora.Config.Emit.dll &lt;request file&gt;</c> (see <see cref="EmitRequest"/>).
/// Exit code 0 = done, 1 = an error was reported, 2 = the request itself was unusable.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Sora.Config.Emit <request file>   (run by the Sora.Config package's build targets)");
            return 2;
        }
        EmitRequest request;
        try
        {
            request = EmitRequest.Read(args[0]);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            Console.WriteLine($"{args[0]}: error SORAEMIT000: {e.Message}");
            return 2;
        }
        if (!File.Exists(request.AssemblyPath))
        {
            Console.WriteLine($"{request.ProjectDirectory}: error SORAEMIT000: the built assembly {request.AssemblyPath} does not exist");
            return 2;
        }
        return new Emitter(request, Console.Out).Run();
    }
}
