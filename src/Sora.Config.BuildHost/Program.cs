using System;
using System.IO;

namespace Sora.Config.BuildHost;

/// <summary>Entry point: <c>dotnet exec Sora.Config.BuildHost.dll &lt;request file&gt;</c> (see <see cref="BuildRequest"/>).
/// Exit code 0 = done, 3 = an error was reported (as a build error line), 2 = the request itself was unusable.</summary>
public static class Program
{
    /// <summary>The exit code that says every error is already on the build's output. Not 1: that is what a user's member
    /// gets from <c>Environment.Exit(1)</c> inside the host, which reports nothing, and the build must still fail then.</summary>
    public const int ErrorsReported = 3;

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
