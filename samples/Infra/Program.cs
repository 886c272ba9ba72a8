using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sora.Config;
using Sora.Config.Deployment;
using Sora.Config.Diagnostics;

namespace Infra;

public static class Program
{
    public static int Main(string[] args)
    {
        // 1. What the build wrote: every environment, from its appsettings file.
        var configs = new List<(string Name, ISoraConf Conf)>
        {
            ("staging", Environments.Staging),
            ("production", Environments.Production),
        };
#if SORA_SAMPLE_UNSAFE
        configs.Add(("unsafe", Unsafe.Node));
#endif
        var errors = 0;
        foreach (var (name, conf) in configs)
        {
            Console.WriteLine($"# {name} (Sora {conf.TargetSoraVersion})");
            Console.Write(conf.Serialize());
            var findings = conf.Validate(SoraConfProfile.Production);
            foreach (var finding in findings)
            {
                Console.WriteLine($"  {SoraConfDiagnostic.SeverityText(finding.Severity)} {finding.Id}: {finding.Message}");
                if (finding.Severity == SoraConfSeverity.Error) errors++;
            }
            Console.WriteLine(findings.Count == 0 ? "  -> no findings" : $"  -> {findings.Count} finding(s)");
            Console.WriteLine();
        }
        Console.WriteLine("The build also wrote these files under " + AppContext.BaseDirectory + "sora/.");
        Console.WriteLine();

        var deployments = new List<(string Name, ISoraDeployment Deployment)>
        {
            ("staging", Deployments.Staging),
            ("production", Deployments.Production),
            ("cluster", Deployments.Cluster),
        };
#if SORA_SAMPLE_UNSAFE
        deployments.Add(("unsafe", Unsafe.Deployment));
#endif
        foreach (var (name, deployment) in deployments)
        {
            Console.WriteLine($"# deployment {name}: {string.Join(", ", deployment.Render().Files.Keys)}");
            foreach (var finding in deployment.Validate())
            {
                Console.WriteLine("  " + finding);
                if (finding.Severity == SoraConfSeverity.Error) errors++;
            }
        }
        Console.WriteLine("The build wrote each bundle under " + AppContext.BaseDirectory + "deploy/ (docs/deploying.md says where each file goes).");
        Console.WriteLine();
        return errors == 0 ? RunNode(args) : 1;
    }

    /// <summary>2. The node this process configures, the Options way: the environment is DOTNET_ENVIRONMENT (Production
    /// when unset), its appsettings files and the environment variables (<c>Sora__api_port=3100</c>) are read by the host,
    /// and start-up fails on the catalogue's errors, each with its configuration path.</summary>
    private static int RunNode(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // A refused start-up is reported below, once, finding by finding; the host would also log it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.AddOptions<SoraNodeConf>()
            .BindSoraConf(builder.Configuration.GetSection("Sora"))
            .ValidateSoraConf()
            .ValidateOnStart();
        using var host = builder.Build();
        try
        {
            host.StartAsync().GetAwaiter().GetResult();
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"# this node ({builder.Environment.EnvironmentName}): start-up refused");
            foreach (var failure in e.Failures) Console.Error.WriteLine("  " + failure);
            return 1;
        }
        var node = host.Services.GetRequiredService<IOptions<SoraNodeConf>>().Value;
        Console.WriteLine($"# this node ({builder.Environment.EnvironmentName}), from appsettings and environment variables: started");
        Console.Write(node.Serialize());
        host.StopAsync().GetAwaiter().GetResult();
        return 0;
    }
}
