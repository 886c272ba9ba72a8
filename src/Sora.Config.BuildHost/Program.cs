using System;
using System.IO;

namespace Sora.Config.BuildHost;

/// <summary>Entry point: <c>dotnet exec Sora.Config.BuildHost.dll &lt;request file&gt;</c> (see <see cref="BuildRequest"/>).
/// Exit code 0 = done, 1 = an error was reported, 2 = the request itself was unusable.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Sora.Config.BuildHost <request file>   (run by the Sora.Config package's build targets)");
            return 2;
        }
        BuildRequest request;
        try
        {
            request = BuildRequest.Read(args[0]);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            Console.WriteLine($"{args[0]}: error SORAHOST000: {e.Message}");
            return 2;
        }
        if (!File.Exists(request.AssemblyPath))
        {
            Console.WriteLine($"{request.ProjectDirectory}: error SORAHOST000: the built assembly {request.AssemblyPath} does not exist");
            return 2;
        }
        return new OutputWriter(request, Console.Out).Run();
    }
}
