namespace Sora.Config.Tests;

internal static class RepoPaths
{
    /// <summary>The repository root (the folder holding Sora.Config.sln).</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Sora.Config.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Sora.Config.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Fixture(params string[] parts) => Path.Combine(new[] { AppContext.BaseDirectory, "Fixtures" }.Concat(parts).ToArray());
}
