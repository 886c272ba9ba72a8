using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sora.Config;

namespace Sora.Config.Options.AotSmoke;

[GeneratedSoraConf]
public partial class NodeConf
{
}

/// <summary>Binds JSON plus environment variables (prefix SORA_AOT_) the Options way and with FromConfiguration, then a
/// broken section; prints what a test can compare.</summary>
public static class Program
{
    private const string Json = """
        { "Sora": { "api_loopback_address_only": true, "SignalingLoopbackAddressOnly": true, "ipv4_address": "10.0.10.10",
                    "webhook_response_timeout": "30 s", "auth_webhook_url": "https://auth.sora.internal/sora" },
          "Broken": { "api_port": 70000, "TurnTcpPort": "x" } }
        """;

    public static int Main()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json)))
            .AddEnvironmentVariables("SORA_AOT_")
            .Build();

        var services = new ServiceCollection();
        services.AddOptions<NodeConf>().BindSoraConf(configuration.GetSection("Sora")).ValidateSoraConf().ValidateOnStart();
        services.AddOptions<NodeConf>("broken").BindSoraConf(configuration.GetSection("Broken")).ValidateSoraConf();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Console.Write(provider.GetRequiredService<IOptions<NodeConf>>().Value.Serialize());

        Console.WriteLine(NodeConf.FromConfiguration(configuration.GetSection("Sora")).ApiPort);
        try
        {
            _ = provider.GetRequiredService<IOptionsMonitor<NodeConf>>().Get("broken");
            return 1;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures.Order(StringComparer.Ordinal)) Console.WriteLine(failure.Substring(0, failure.IndexOf(": Invalid", StringComparison.Ordinal)));
        }
        return 0;
    }
}
