using System;
using System.IO;
using Sora.Config;
using Sora.Config.IO;

namespace Sora.Config.AotSmoke;

[GeneratedSoraConf]
public partial class EdgeConf
{
}

public static class Program
{
    public static int Main(string[] args)
    {
        var conf = EdgeConf.Parse(args.Length > 0 ? File.ReadAllText(args[0]) : "api_loopback_address_only = true\napi_port = 3000\nwebhook_response_timeout = 30 s\nunknown_key = kept\n");
        conf.Ipv4Address = System.Net.IPAddress.Parse("10.0.0.10");
        Console.Write(conf.Serialize());
        foreach (var d in conf.Validate()) Console.WriteLine(d.Id);
        var file = SoraConfFile.Read(conf.Serialize());
        Console.WriteLine(file.Values.Count);
        return 0;
    }
}
