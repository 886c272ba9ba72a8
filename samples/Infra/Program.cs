using System;
using System.Collections.Generic;
using Sora.Config;
using Sora.Config.Deployment;
using Sora.Config.Diagnostics;

namespace Infra;

public static class Program
{
    public static int Main()
    {
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
        return errors == 0 ? 0 : 1;
    }
}
