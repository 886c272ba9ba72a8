namespace Sora.Config.Analyzers.Tests;

/// <summary>Builds a consumer project with `dotnet build` (ProjectReference to the runtime, the generator and the
/// analyzers as analyzers, the buildTransitive props/targets imported) and reads the SORA warnings in the build
/// output, with file and line, as CI users meet them.</summary>
[Collection(ConsumerBuild.Collection)]
public sealed class EndToEndTests
{
    [Fact]
    public async Task Dotnet_build_reports_SORA_warnings_with_file_and_line()
    {
        using var consumer = new ConsumerBuild(items: """<SoraConfFile Include="edge.conf" />""");
        var dir = consumer.Directory;
        File.WriteAllText(Path.Combine(dir, "Settings.cs"), """
            using System.Net;
            using Sora.Config;

            [GeneratedSoraConf]
            public partial class ProductionConf { }

            public static class Settings
            {
                public static ProductionConf Create() => new ProductionConf
                {
                    ApiLoopbackAddressOnly = true,
                    SignalingLoopbackAddressOnly = true,
                    Ipv4Address = IPAddress.Parse("10.0.0.10"),
                    TurnFqdn = "turn.sora.internal",
                    Demo = true,
                };
            }
            """);
        // A folder whose .editorconfig raises SORA1007 to an error: severities are configurable per ID and per folder.
        Directory.CreateDirectory(Path.Combine(dir, "Strict"));
        File.WriteAllText(Path.Combine(dir, "Strict", ".editorconfig"), "[*.cs]\ndotnet_diagnostic.SORA1007.severity = error\n");
        File.WriteAllText(Path.Combine(dir, "Strict", "StrictSettings.cs"), """
            using System.Net;
            using Sora.Config;

            public static class StrictSettings
            {
                public static SoraConf Create() => new SoraConf
                {
                    ApiLoopbackAddressOnly = true,
                    SignalingLoopbackAddressOnly = true,
                    Ipv4Address = IPAddress.Parse("10.0.0.10"),
                    TurnFqdn = "turn.sora.internal",
                    Demo = true,
                };
            }
            """);
        // SDK usage errors (SoraConfUsageAnalyzer) are at the class in source: reported with file and line, and
        // suppressed by #pragma and by a folder's .editorconfig (which a generator's external-file location escapes).
        File.WriteAllText(Path.Combine(dir, "Usage.cs"), """
            using Sora.Config;

            [GeneratedSoraConf(SoraVersion = "2099.1")]
            public partial class FutureConf { }

            #pragma warning disable SORA9001 // under test: a #pragma reaches a usage error reported at the class
            [GeneratedSoraConf]
            public class NotGenerated { }
            #pragma warning restore SORA9001
            """);
        Directory.CreateDirectory(Path.Combine(dir, "Lenient"));
        File.WriteAllText(Path.Combine(dir, "Lenient", ".editorconfig"), "[*.cs]\n# under test: a folder's .editorconfig silences a usage error\ndotnet_diagnostic.SORA9005.severity = none\n");
        File.WriteAllText(Path.Combine(dir, "Lenient", "LenientUsage.cs"), """
            using Sora.Config;

            [GeneratedSoraConf(SoraVersion = "2099.1")]
            public partial class LenientFutureConf { }
            """);
        File.WriteAllText(Path.Combine(dir, "edge.conf"), "api_loopback_address_only = true\nsignaling_loopback_address_only = true\nipv4_address = 10.0.0.10\nturn_fqdn = turn.sora.internal\napi_port = 70000\n");

        var (exitCode, output) = await consumer.BuildAsync();

        Assert.True(exitCode != 0, output); // SORA0003 in edge.conf is an error
        Assert.Contains("Settings.cs(15,9): warning SORA1007: demo is true: Sora serves its bundled demo pages", output);
        Assert.Contains("edge.conf(5,12): error SORA0003: Invalid value for 'api_port'", output);
        Assert.Contains("StrictSettings.cs(12,9): error SORA1007: demo is true", output);
        Assert.DoesNotContain("Settings.cs(15,9): error SORA1007", output);
        Assert.Contains("Usage.cs(4,22): error SORA9005: SoraVersion '2099.1' is not a Sora version the schema knows", output);
        Assert.DoesNotContain("SORA9001", output);
        Assert.DoesNotContain("LenientUsage.cs", output);
    }
}
