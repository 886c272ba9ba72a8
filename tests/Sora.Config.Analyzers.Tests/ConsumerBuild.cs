using System.Diagnostics;

namespace Sora.Config.Analyzers.Tests;

/// <summary>A throwaway consumer project built with `dotnet build`: ProjectReferences to the runtime, the generator and
/// the analyzers as analyzers, the package's buildTransitive props/targets imported as the package imports them.</summary>
internal sealed class ConsumerBuild : IDisposable
{
    /// <summary>The test classes that build consumers run one at a time: each `dotnet build` also builds the src projects
    /// it references, and two builds writing the same bin/obj folders at once can trip over each other.</summary>
    public const string Collection = "consumer builds";

    public ConsumerBuild(string properties = "", string items = "", string targets = "")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sora-consumer-").FullName;
        var src = Path.Combine(Repo.Root, "src");
        File.WriteAllText(Path.Combine(Directory, "Consumer.csproj"), $"""
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
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{src}/Sora.Config/Sora.Config.csproj" />
                <ProjectReference Include="{src}/Sora.Config.Generator/Sora.Config.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{src}/Sora.Config.Analyzers/Sora.Config.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                {items}
              </ItemGroup>
              {targets}
              <Import Project="{src}/Sora.Config.Package/buildTransitive/Sora.Config.targets" />
            </Project>
            """);
    }

    /// <summary>The build host of this repository as emission host (as samples/Infra uses it).</summary>
    public static ConsumerBuild WithBuildHost(string properties = "", string items = "") => new(
        properties,
        items + $"""<ProjectReference Include="{Path.Combine(Repo.Root, "src")}/Sora.Config.BuildHost/Sora.Config.BuildHost.csproj" ReferenceOutputAssembly="false" OutputItemType="_Host" />""",
        """
        <Target Name="UseHost" DependsOnTargets="ResolveProjectReferences" BeforeTargets="SoraConfWriteOutputs">
          <PropertyGroup><SoraConfBuildHost>@(_Host->'%(FullPath)')</SoraConfBuildHost></PropertyGroup>
        </Target>
        """);

    public string Directory { get; }

    /// <summary>Writes a file of the project (folders created as needed); returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs `dotnet build` on the project; exit code and everything it printed.</summary>
    public async Task<(int ExitCode, string Output)> BuildAsync(IReadOnlyDictionary<string, string>? environment = null, params string[] extraArgs)
    {
        var psi = new ProcessStartInfo("dotnet", ["build", "Consumer.csproj", "-nologo", "-clp:NoSummary", "--tl:off", "-p:Configuration=Debug", .. extraArgs])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned up by the OS.
        }
    }
}

[CollectionDefinition(ConsumerBuild.Collection)]
public sealed class ConsumerBuildCollection
{
}
