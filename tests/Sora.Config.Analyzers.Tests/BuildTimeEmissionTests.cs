using System.Diagnostics;

namespace Sora.Config.Analyzers.Tests;

/// <summary>`dotnet build` of a project with [SoraConfOutput] members (the build host built from this repository, as
/// samples/Infra uses it): a finding the analyzers showed in the member is not repeated by the build; one only running
/// the code can see is reported at the member, with the severity the compiler gives that ID there (.editorconfig per
/// folder, WarningsAsErrors, &lt;SoraConfSeverity&gt;).</summary>
public sealed class BuildTimeEmissionTests
{
    [Fact]
    public async Task Build_reports_what_only_running_the_code_shows_once_with_the_compilers_severity()
    {
        var dir = Directory.CreateTempSubdirectory("sora-emission-e2e-").FullName;
        try
        {
            var src = Path.Combine(Repo.Root, "src");
            File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <SoraConfSchemaDir>{Repo.Root}/schema/</SoraConfSchemaDir>
                  </PropertyGroup>
                  <Import Project="{src}/Sora.Config.Package/buildTransitive/Sora.Config.props" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <OutputType>Library</OutputType>
                    <NuGetAudit>false</NuGetAudit>
                    <WarningsAsErrors>SORA1010</WarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{src}/Sora.Config/Sora.Config.csproj" />
                    <ProjectReference Include="{src}/Sora.Config.Generator/Sora.Config.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                    <ProjectReference Include="{src}/Sora.Config.Analyzers/Sora.Config.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                    <ProjectReference Include="{src}/Sora.Config.BuildHost/Sora.Config.BuildHost.csproj" ReferenceOutputAssembly="false" OutputItemType="_Host" />
                    <SoraConfSeverity Include="SORA1012" Severity="error" />
                  </ItemGroup>
                  <Target Name="UseHost" DependsOnTargets="ResolveProjectReferences" BeforeTargets="SoraConfWriteOutputs">
                    <PropertyGroup><SoraConfBuildHost>@(_Host->'%(FullPath)')</SoraConfBuildHost></PropertyGroup>
                  </Target>
                  <Import Project="{src}/Sora.Config.Package/buildTransitive/Sora.Config.targets" />
                </Project>
                """);
            Directory.CreateDirectory(Path.Combine(dir, "Strict"));
            // Only for this folder: the API finding is an error here.
            File.WriteAllText(Path.Combine(dir, "Strict", ".editorconfig"), "[*.cs]\ndotnet_diagnostic.SORA1001.severity = error\n");
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
            File.WriteAllText(Path.Combine(dir, "Lenient.cs"), "using System;\nusing System.Net;\nusing Sora.Config;\n\npublic static class Lenient\n{\n    [SoraConfOutput(\"lenient.conf\")]\n" + Node + "}\n");
            File.WriteAllText(Path.Combine(dir, "Strict", "Strict.cs"), "using System;\nusing System.Net;\nusing Sora.Config;\n\npublic static class Strict\n{\n    [SoraConfOutput(\"strict.conf\")]\n" + Node + "}\n");

            var start = new ProcessStartInfo("dotnet", ["build", dir, "-v:minimal", "-clp:NoSummary", "--tl:off", "-p:TreatWarningsAsErrors=false"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["E2E_API_LOOPBACK"] = "false";
            start.Environment["E2E_AUTH_LOG"] = "false";
            start.Environment["E2E_INSECURE"] = "true";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var output = await process.StandardError.ReadToEndAsync() + await stdout;
            await process.WaitForExitAsync();

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
            Assert.True(process.ExitCode != 0, output);
            // Configs with an error are not written.
            Assert.False(File.Exists(Path.Combine(dir, "bin", "Debug", "net10.0", "lenient.conf")), output);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
