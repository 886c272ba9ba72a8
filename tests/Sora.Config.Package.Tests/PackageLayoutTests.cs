using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Sora.Config.Package.Tests;

/// <summary>What `dotnet pack Sora.Config.sln -c Release -o &lt;dir&gt;` in a clean clone produces (CleanCloneFixture): the
/// packages, what they contain, and that everything under analyzers/ can load in the floor compiler (Roslyn 4.14,
/// netstandard2.0 analyzer host).</summary>
[Collection(CleanCloneCollection.Name)]
public sealed class PackageLayoutTests
{
    // The floor: Roslyn 4.14 (.NET SDK 9.0.300) ships System.Collections.Immutable and System.Reflection.Metadata 9.
    private static readonly Dictionary<string, Version> Floor = new(StringComparer.Ordinal)
    {
        ["Microsoft.CodeAnalysis"] = new(4, 14, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new(4, 14, 0, 0),
        ["Microsoft.CodeAnalysis.Workspaces"] = new(4, 14, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp.Workspaces"] = new(4, 14, 0, 0),
        ["System.Collections.Immutable"] = new(9, 0, 0, 0),
        ["System.Reflection.Metadata"] = new(9, 0, 0, 0),
        ["System.Text.Json"] = new(10, 0, 0, 0),
        ["netstandard"] = new(2, 0, 0, 0),
    };

    // Provided by the compiler's host whatever it runs on (.NET or .NET Framework with the compiler's own copies).
    private static readonly string[] HostProvided =
    {
        "netstandard", "mscorlib", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp",
        "Microsoft.CodeAnalysis.Workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces",
        "System.Collections.Immutable", "System.Reflection.Metadata", "System.Memory", "System.Buffers",
        "System.Runtime.CompilerServices.Unsafe", "System.Text.Json", "System.Numerics.Vectors",
        "System.Threading.Tasks.Extensions", "System.Text.Encodings.Web", "Microsoft.Bcl.AsyncInterfaces",
    };

    private readonly CleanCloneFixture package;

    public PackageLayoutTests(CleanCloneFixture package, ITestOutputHelper output)
    {
        this.package = package;
        output.WriteLine(package.Summary());
        package.EnsurePacked();
    }

    [Fact]
    public void Pack_of_the_solution_in_a_clean_clone_produces_the_runtime_and_the_tool_with_its_platform_packages()
    {
        var produced = Directory.GetFiles(package.Feed, "*.nupkg").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
        var expected = new[] { $"Sora.Config.{CleanCloneFixture.Version}.nupkg", $"Sora.Config.Tool.{CleanCloneFixture.Version}.nupkg" }
            .Concat(CleanCloneFixture.ToolRids.Select(rid => $"Sora.Config.Tool.{rid}.{CleanCloneFixture.Version}.nupkg"))
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(expected, produced);
    }

    [Fact]
    public void Platform_tool_packages_carry_ReadyToRun_code_and_the_any_package_plain_IL()
    {
        foreach (var rid in CleanCloneFixture.ToolRids)
        {
            using var zip = ZipFile.OpenRead(package.ToolPackageFor(rid));
            var entry = $"tools/net10.0/{rid}/sora-conf.dll";
            var image = Read(zip, entry);
            using var reader = new System.Reflection.PortableExecutable.PEReader(new MemoryStream(image));
            // ReadyToRun images have a managed native header; IL-only images do not.
            bool readyToRun = reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
            Assert.True(readyToRun == (rid != "any"), $"{entry} in the {rid} package: ReadyToRun = {readyToRun}");
        }
    }

    [Fact]
    public void Runtime_package_has_exactly_lib_analyzers_build_schema_tools_and_readme()
    {
        using var zip = ZipFile.OpenRead(package.RuntimePackage);
        // The package's own bookkeeping (nuspec, OPC parts) aside, every file is listed here: nothing missing and
        // nothing extra (the packaging project's own assembly, a second copy of the runtime, Microsoft.CodeAnalysis).
        var entries = zip.Entries.Select(e => e.FullName)
            .Where(e => e != "Sora.Config.nuspec" && e != "[Content_Types].xml" && !e.StartsWith("_rels/", StringComparison.Ordinal) && !e.StartsWith("package/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        string[] lib = ["Sora.Config.dll", "Sora.Config.xml", "Sora.Config.pdb"];
        var expected = new[] { "netstandard2.0", "net8.0", "net10.0" }.SelectMany(tfm => lib.Select(file => $"lib/{tfm}/{file}"))
            .Concat(
            [
                "analyzers/dotnet/cs/Sora.Config.Generator.dll", "analyzers/dotnet/cs/Sora.Config.Schema.dll",
                "analyzers/dotnet/cs/Tomlyn.dll", "analyzers/dotnet/cs/Sora.Config.dll",
                "analyzers/dotnet/cs/Sora.Config.Analyzers.dll", "analyzers/dotnet/cs/Sora.Config.CodeFixes.dll", "analyzers/dotnet/cs/Sora.Config.CatalogLoader.dll",
                "analyzers/dotnet/cs/ja/Sora.Config.Analyzers.resources.dll",
                "buildTransitive/Sora.Config.props", "buildTransitive/Sora.Config.targets",
                "build/Sora.Config.props", "build/Sora.Config.targets",
                "schema/versions.toml", "schema/keys.toml", "schema/rules.toml",
                "tools/net10.0/Sora.Config.BuildHost.dll", "tools/net10.0/Sora.Config.BuildHost.runtimeconfig.json",
                "tools/net10.0/Sora.Config.BuildHost.deps.json", "tools/net10.0/Sora.Config.dll",
                "tools/net10.0/Microsoft.CodeAnalysis.dll", "tools/net10.0/Microsoft.CodeAnalysis.CSharp.dll",
                "README.md",
            ])
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, entries);
        // The analyzers' copy of the runtime is the netstandard2.0 build, the host's the net10.0 build.
        Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(Read(zip, "analyzers/dotnet/cs/Sora.Config.dll")));
        Assert.Equal(".NETCoreApp,Version=v10.0", TargetFramework(Read(zip, "tools/net10.0/Sora.Config.dll")));
        foreach (var (tfm, framework) in new[] { ("netstandard2.0", ".NETStandard,Version=v2.0"), ("net8.0", ".NETCoreApp,Version=v8.0"), ("net10.0", ".NETCoreApp,Version=v10.0") })
            Assert.Equal(framework, TargetFramework(Read(zip, $"lib/{tfm}/Sora.Config.dll")));
        // The bundled schema and the props/targets are the repository's files.
        foreach (var (entry, source) in new[]
                 {
                     ("schema/keys.toml", "schema/keys.toml"), ("buildTransitive/Sora.Config.targets", "src/Sora.Config.Package/buildTransitive/Sora.Config.targets"),
                     ("README.md", "src/Sora.Config.Package/PackageReadme.md"),
                 })
            Assert.True(Read(zip, entry).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(package.Clone, source))), $"{entry} differs from {source}");
    }

    [Fact]
    public void Runtime_nuspec_has_metadata_one_dependency_group_per_framework_and_no_tomlyn_dependency()
    {
        using var zip = ZipFile.OpenRead(package.RuntimePackage);
        var nuspec = XDocument.Load(new MemoryStream(Read(zip, "Sora.Config.nuspec")));
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("Sora.Config", metadata.Element(ns + "id")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("Apache-2.0", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal("https://github.com/sora-config/Sora.Config", metadata.Element(ns + "projectUrl")!.Value);
        Assert.Equal("https://github.com/sora-config/Sora.Config", metadata.Element(ns + "repository")!.Attribute("url")!.Value);
        // One dependency group per lib/ folder; the runtime's only package dependency is System.Memory on netstandard2.0.
        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group")
            .Select(g => g.Attribute("targetFramework")!.Value + ": " + string.Join(", ", g.Elements(ns + "dependency").Select(d => $"{d.Attribute("id")!.Value} {d.Attribute("version")!.Value} exclude={d.Attribute("exclude")?.Value}")))
            .Order(StringComparer.Ordinal);
        var memory = XDocument.Load(Path.Combine(package.Clone, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => p.Attribute("Include")!.Value == "System.Memory").Attribute("Version")!.Value;
        Assert.Equal([$".NETStandard2.0: System.Memory {memory} exclude=Build,Analyzers", "net10.0: ", "net8.0: "], groups);
        // Built from the clone, at the commit under test.
        Assert.Equal(package.Commit, metadata.Element(ns + "repository")!.Attribute("commit")!.Value);
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Tomlyn", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        // lib/ does not reference Tomlyn either: it is a compile-time dependency of the generator only.
        foreach (var lib in new[] { "lib/netstandard2.0/Sora.Config.dll", "lib/net8.0/Sora.Config.dll", "lib/net10.0/Sora.Config.dll" })
            Assert.DoesNotContain("Tomlyn", References(Read(zip, lib)).Select(r => r.Name));
    }

    [Fact]
    public void Every_assembly_under_analyzers_fits_the_floor_compiler_and_has_its_dependencies_beside_it()
    {
        using var zip = ZipFile.OpenRead(package.RuntimePackage);
        var dlls = zip.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)
                                          && !e.FullName.EndsWith(".resources.dll", StringComparison.Ordinal)).ToList();
        var bundled = dlls.Select(e => Path.GetFileNameWithoutExtension(e.Name)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var entry in dlls)
        {
            var bytes = Read(zip, entry.FullName);
            var name = Path.GetFileNameWithoutExtension(entry.Name);
            var framework = TargetFramework(bytes);
            if (framework != ".NETStandard,Version=v2.0") problems.Add($"{name}: targets {framework ?? "(unknown)"}, not netstandard2.0");
            foreach (var (reference, version) in References(bytes))
            {
                if (Floor.TryGetValue(reference, out var max) && version > max) problems.Add($"{name}: references {reference} {version} > {max}");
                if (reference is "System.Runtime" or "System.Private.CoreLib") problems.Add($"{name}: references {reference} (not a netstandard2.0 assembly)");
                if (reference.Contains("Workspaces", StringComparison.Ordinal) && name != "Sora.Config.CodeFixes") problems.Add($"{name}: references {reference} (only the code fixes may)");
                if (!bundled.Contains(reference) && !HostProvided.Contains(reference) && !reference.StartsWith("System.", StringComparison.Ordinal))
                    problems.Add($"{name}: references {reference}, which is neither bundled nor provided by the compiler");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("Sora.Config.CodeFixes", bundled);
    }

    [Fact]
    public void Tool_package_is_a_dotnet_tool_with_readme_and_repository_metadata()
    {
        using var zip = ZipFile.OpenRead(package.ToolPackage);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains(entries, e => e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        // The top-level package only points to the platform packages (see the test above).
        Assert.DoesNotContain(entries, e => e.EndsWith("/sora-conf.dll", StringComparison.Ordinal));
        var nuspec = XDocument.Load(new MemoryStream(Read(zip, "Sora.Config.Tool.nuspec")));
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Contains(metadata.Element(ns + "packageTypes")!.Elements(ns + "packageType"), t => t.Attribute("name")!.Value == "DotnetTool");
        Assert.Contains(metadata.Element(ns + "readme")!.Value, entries);
        Assert.Equal("https://github.com/sora-config/Sora.Config", metadata.Element(ns + "repository")!.Attribute("url")!.Value);
    }

    internal static byte[] Read(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"{path} is not in the package");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static List<(string Name, Version Version)> References(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var md = pe.GetMetadataReader();
        return md.AssemblyReferences.Select(h => md.GetAssemblyReference(h)).Select(r => (md.GetString(r.Name), r.Version)).ToList();
    }

    private static string? TargetFramework(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var md = pe.GetMetadataReader();
        foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var ctor = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (ctor.Parent.Kind != HandleKind.TypeReference) continue;
            var type = md.GetTypeReference((TypeReferenceHandle)ctor.Parent);
            if (md.GetString(type.Name) != "TargetFrameworkAttribute") continue;
            var blob = md.GetBlobReader(attribute.Value);
            blob.ReadUInt16(); // prolog
            return blob.ReadSerializedString();
        }
        return null;
    }
}
