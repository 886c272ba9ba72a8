using System;
using System.IO;
using Microsoft.Extensions.Configuration;
using Sora.Config;

namespace Infra;

/// <summary>The sora.conf of each environment, from <c>appsettings.json</c> (what every node shares: the production guide's
/// layout), <c>appsettings.{Environment}.json</c> (what differs) and environment variables. The build runs every
/// [SoraConfOutput] member, checks the config against the production rules and writes it under the output directory.
/// The host names are under <c>.internal</c> (reserved for private networks) and the addresses private: a placeholder
/// from the documentation ranges (192.0.2.0/24, example.com) would be reported (SORA0010), as it should be in a real
/// deployment.</summary>
public static class Environments
{
    [SoraConfOutput("sora/staging/sora.conf")]
    public static SoraNodeConf Staging => Load("Staging");

    [SoraConfOutput("sora/production/sora.conf")]
    public static SoraNodeConf Production => Load("Production");

    /// <summary>One environment's section, read by the generated FromConfiguration (no dependency injection needed).
    /// Environment variables override the files per environment, with a prefix, because the build writes every
    /// environment at once: <c>PRODUCTION_Sora__ipv4_address=10.0.10.20</c>.</summary>
    public static SoraNodeConf Load(string environment) =>
        SoraNodeConf.FromConfiguration(Configuration(environment, environment.ToUpperInvariant() + "_").GetSection("Sora"));

    /// <summary>The configuration layers of an environment, read from beside the assembly (the program's output folder,
    /// where the build copies the JSON files; the build-time writer loads the assembly from there too).</summary>
    public static IConfiguration Configuration(string environment, string? variablesPrefix) =>
        new ConfigurationBuilder()
            .SetBasePath(Path.GetDirectoryName(typeof(Environments).Assembly.Location) ?? AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: false)
            .AddEnvironmentVariables(variablesPrefix)
            .Build();
}
