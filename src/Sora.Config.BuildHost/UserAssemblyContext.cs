using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Sora.Config.BuildHost;

/// <summary>Loads the user's assembly and its dependencies in a context of their own. Sora.Config itself
/// is shared with the host (left to the default context), so the configs the user's code returns are the
/// host's <see cref="ISoraConf"/> and can be used without reflection. Dependencies are found through the
/// project's deps.json (<see cref="AssemblyDependencyResolver"/>), then among the files MSBuild resolved
/// for the project, then beside the assembly; framework assemblies fall through to the default context.</summary>
internal sealed class UserAssemblyContext : AssemblyLoadContext
{
    private const string SharedAssembly = "Sora.Config";

    private readonly AssemblyDependencyResolver? resolver;
    private readonly Dictionary<string, string> probe = new(StringComparer.OrdinalIgnoreCase);
    private readonly string directory;

    public UserAssemblyContext(string assemblyPath, IEnumerable<string> probeFiles)
        : base("Sora.Config.BuildHost user code", isCollectible: false)
    {
        directory = Path.GetDirectoryName(assemblyPath)!;
        try
        {
            resolver = new AssemblyDependencyResolver(assemblyPath);
        }
        catch (InvalidOperationException)
        {
            resolver = null; // No usable deps.json: the probes below still work.
        }
        foreach (var file in probeFiles)
        {
            if (file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(file))
                probe.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        }
    }

    protected override Assembly? Load(AssemblyName name)
    {
        if (string.Equals(name.Name, SharedAssembly, StringComparison.OrdinalIgnoreCase)) return null;
        var path = resolver?.ResolveAssemblyToPath(name);
        if (path is null && name.Name is not null)
        {
            if (!probe.TryGetValue(name.Name, out path))
            {
                var beside = Path.Combine(directory, name.Name + ".dll");
                path = File.Exists(beside) ? beside : null;
            }
        }
        // A framework assembly (or one the default context already has) is shared.
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = resolver?.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
