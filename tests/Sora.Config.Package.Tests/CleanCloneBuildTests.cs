using Xunit.Abstractions;

namespace Sora.Config.Package.Tests;

/// <summary>The repository builds wherever MSBuild is told to put its output: `-c Release -o &lt;dir&gt;` and
/// `--artifacts-path &lt;dir&gt;`, from a clean clone (CleanCloneFixture ran the commands; these tests check what
/// they produced). The pack of the solution is checked by PackageLayoutTests.</summary>
[Collection(CleanCloneCollection.Name)]
public sealed class CleanCloneBuildTests
{
    private readonly CleanCloneFixture clone;

    public CleanCloneBuildTests(CleanCloneFixture clone, ITestOutputHelper output)
    {
        this.clone = clone;
        output.WriteLine(clone.Summary());
    }

    [Fact]
    public void Build_of_the_cli_with_release_configuration_and_output_folder_runs_from_that_folder()
    {
        clone.CliBuild.EnsureSucceeded();
        var tool = Path.Combine(clone.CliOutput, "sora-conf.dll");
        Assert.True(File.Exists(tool), $"{tool} was not built:\n{clone.CliBuild.Log}");
        // Every project honoured -o (the generator's Sora.Config.Schema too, the dependency it used to look up in bin/Release).
        AssertOutputsUnder(clone.CliBuild, clone.CliOutput, ["Sora.Config.Schema", "Sora.Config.Generator", "Sora.Config", "Sora.Config.Cli"]);

        var (code, log) = Processes.Run("dotnet", [tool, "--version"], clone.Root);
        Assert.True(code == 0, $"dotnet {tool} --version exited with {code}:\n{log}");
        Assert.Equal(CleanCloneFixture.Version, log.Trim());

        // -o puts every project's output in one folder. The runtime beside the tool must be its .NET flavour: the
        // netstandard2.0 one (the analyzers') cannot read certificates, so the CLI's certificate check would be skipped.
        foreach (var library in new[] { "Sora.Config.dll", "Sora.Config.CatalogLoader.dll" })
            Assert.StartsWith(".NETCoreApp,", TargetFrameworkOf(Path.Combine(clone.CliOutput, library)));
    }

    /// <summary>The assembly's [TargetFramework] name, read from its metadata.</summary>
    private static string TargetFrameworkOf(string assembly)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(assembly));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != System.Reflection.Metadata.HandleKind.MemberReference) continue;
            var parent = metadata.GetMemberReference((System.Reflection.Metadata.MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != System.Reflection.Metadata.HandleKind.TypeReference
                || metadata.GetString(metadata.GetTypeReference((System.Reflection.Metadata.TypeReferenceHandle)parent).Name) != "TargetFrameworkAttribute") continue;
            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16(); // the prolog
            return blob.ReadSerializedString() ?? "";
        }
        return "(no TargetFramework attribute)";
    }

    [Fact]
    public void Build_of_the_sample_with_an_artifacts_path_writes_its_sora_conf_files_there_and_the_program_runs()
    {
        clone.SampleBuild.EnsureSucceeded();
        AssertOutputsUnder(clone.SampleBuild, clone.ArtifactsPath,
            ["Sora.Config.Schema", "Sora.Config.Generator", "Sora.Config", "Sora.Config.Analyzers", "Sora.Config.BuildHost", "Infra"]);

        // The artifacts layout: bin/<project>/<configuration> (lower case; a single target framework adds no suffix).
        var output = Path.Combine(clone.ArtifactsPath, "bin", "Infra", "debug");
        var program = Path.Combine(output, "Infra.dll");
        Assert.True(File.Exists(program), $"{program} was not built; the artifacts folder has:\n{Tree(clone.ArtifactsPath)}\n{clone.SampleBuild.Log}");
        // The emission host (found through its ProjectReference, in the artifacts folder too) ran and wrote both configs.
        foreach (var environment in new[] { "staging", "production" })
        {
            var conf = Path.Combine(output, "sora", environment, "sora.conf");
            Assert.True(File.Exists(conf), $"{conf} was not written:\n{clone.SampleBuild.Log}");
            Assert.Contains($"{conf} (written)", clone.SampleBuild.Log);
            Assert.Contains("api_loopback_address_only = true\n", File.ReadAllText(conf));
        }
        // ... and the production bundles of both environments and of the three-node cluster ([SoraDeploymentOutput]).
        foreach (var folder in new[] { "staging", "production", "cluster/sora-1", "cluster/sora-2", "cluster/sora-3" })
        {
            var nginx = Path.Combine(output, "deploy", folder, "nginx", "nginx.conf");
            Assert.True(File.Exists(nginx), $"{nginx} was not written:\n{clone.SampleBuild.Log}");
        }
        Assert.True(File.Exists(Path.Combine(clone.ArtifactsPath, "bin", "Sora.Config.BuildHost", "debug", "Sora.Config.BuildHost.dll")), "the emission host is not in the artifacts folder:\n" + Tree(clone.ArtifactsPath));

        // The program prints and validates what the build wrote.
        var (code, log) = Processes.Run("dotnet", [program], output);
        Assert.True(code == 0, $"dotnet {program} exited with {code}:\n{log}");
        Assert.Contains("# production", log);

        // The README's refused start-up: the finding with its configuration path, once, and no stack trace.
        (code, log) = Processes.Run("dotnet", [program], output, new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Staging", ["Sora__api_port"] = "70000" });
        Assert.True(code == 1, $"dotnet {program} with api_port 70000 exited with {code}:\n{log}");
        Assert.Contains("# this node (Staging): start-up refused\n  Sora:api_port: error SORA0003: Invalid value for 'api_port': 70000 is outside the allowed range 0..65535 [api_port]\n", log);
        Assert.DoesNotContain("   at ", log);
        Assert.DoesNotContain("Hosting failed to start", log);
    }

    /// <summary>Each of <paramref name="projects"/> was built, and every project's output went under <paramref name="folder"/>.</summary>
    private static void AssertOutputsUnder(CleanCloneFixture.Step step, string folder, string[] projects)
    {
        var outputs = step.Outputs();
        var missing = projects.Except(outputs.Select(o => o.Project), StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"not built by `{step.Command}`: {string.Join(", ", missing)}\n{step.Log}");
        var elsewhere = outputs.Where(o => !o.Path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        Assert.True(elsewhere.Count == 0, $"outside {folder}: {string.Join(", ", elsewhere)}\n{step.Log}");
    }

    private static string Tree(string root) =>
        Directory.Exists(root)
            ? string.Join('\n', Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Where(f => !f.StartsWith("obj", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(200))
            : "(does not exist)";
}
