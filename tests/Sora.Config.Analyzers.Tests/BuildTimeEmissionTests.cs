namespace Sora.Config.Analyzers.Tests;

/// <summary>`dotnet build` of a project with [SoraConfOutput] members (the build host built from this repository, as
/// samples/Infra uses it): a finding the analyzers showed in the member is not repeated by the build; one only running
/// the code can see is reported at the member, with the severity the compiler gives that ID there (.editorconfig per
/// folder, WarningsAsErrors, &lt;SoraConfSeverity&gt;).</summary>
[Collection(ConsumerBuild.Collection)]
public sealed class BuildTimeEmissionTests
{
    [Fact]
    public async Task Build_reports_what_only_running_the_code_shows_once_with_the_compilers_severity()
    {
        using var consumer = ConsumerBuild.WithBuildHost(
            properties: "<WarningsAsErrors>SORA1010</WarningsAsErrors>",
            items: """<SoraConfSeverity Include="SORA1012" Severity="error" />""");
        var dir = consumer.Directory;
        // Only for this folder: the API finding is an error here.
        consumer.Write("Strict/.editorconfig", "[*.cs]\ndotnet_diagnostic.SORA1001.severity = error\n");
        const string Node = """
                public static SoraConf Node => new SoraConf
                {
                    Ipv4Address = IPAddress.Parse("10.0.0.10"),
                    TurnFqdn = "turn.sora.internal",
                    SignalingLoopbackAddressOnly = true,
                    Demo = true,
                    ApiLoopbackAddressOnly = Environment.GetEnvironmentVariable("E2E_API_LOOPBACK") == "true",
                    AuthWebhookLog = Environment.GetEnvironmentVariable("E2E_AUTH_LOG") == "true",
                    WebhookInsecure = Environment.GetEnvironmentVariable("E2E_INSECURE") != "false",
                };
            """;
        consumer.Write("Lenient.cs", "using System;\nusing System.Net;\nusing Sora.Config;\n\npublic static class Lenient\n{\n    [SoraConfOutput(\"lenient.conf\")]\n" + Node + "}\n");
        consumer.Write("Strict/Strict.cs", "using System;\nusing System.Net;\nusing Sora.Config;\n\npublic static class Strict\n{\n    [SoraConfOutput(\"strict.conf\")]\n" + Node + "}\n");

        var (exitCode, output) = await consumer.BuildAsync(new Dictionary<string, string>
        {
            ["E2E_API_LOOPBACK"] = "false",
            ["E2E_AUTH_LOG"] = "false",
            ["E2E_INSECURE"] = "true",
        }, "-p:TreatWarningsAsErrors=false");

        var lenient = Path.Combine(dir, "Lenient.cs");
        var strict = Path.Combine(dir, "Strict", "Strict.cs");
        // Seen by the analyzer at the assignment (line 13): reported there, not again at the member (line 8).
        Assert.Contains($"{lenient}(13,9): warning SORA1007:", output);
        Assert.DoesNotContain($"{lenient}(8,28): warning SORA1007", output);
        // Only running the code shows these: reported at the member, with the compiler's severity for the ID there.
        Assert.Contains($"{lenient}(8,28): warning SORA1001:", output);
        Assert.Contains($"{strict}(8,28): error SORA1001:", output);          // the folder's .editorconfig
        Assert.Contains($"{lenient}(8,28): error SORA1010:", output);         // <WarningsAsErrors>
        Assert.Contains($"{lenient}(8,28): error SORA1012:", output);         // <SoraConfSeverity>
        Assert.True(exitCode != 0, output);
        // The findings are the build's errors; no second, generic one about the host's exit code.
        Assert.DoesNotContain("SORAHOST000", output);
        // Configs with an error are not written.
        Assert.False(File.Exists(Path.Combine(dir, "bin", "Debug", "net10.0", "lenient.conf")), output);
    }

    /// <summary>A member that ends the host without a word (Environment.Exit inside it) still fails the build, with the
    /// host's generic error: only the host's own exit code for "errors reported" spares that line.</summary>
    [Fact]
    public async Task A_member_that_ends_the_host_fails_the_build_with_the_hosts_error()
    {
        using var consumer = ConsumerBuild.WithBuildHost();
        consumer.Write("Exits.cs", "using System;\nusing Sora.Config;\n\npublic static class Exits\n{\n    [SoraConfOutput(\"exits.conf\")]\n    public static SoraConf Node { get { Environment.Exit(1); return new SoraConf(); } }\n}\n");
        var (exitCode, output) = await consumer.BuildAsync();
        Assert.True(exitCode != 0, output);
        Assert.Contains("error SORAHOST000: Sora.Config.BuildHost exited with code 1.", output);
    }
}
