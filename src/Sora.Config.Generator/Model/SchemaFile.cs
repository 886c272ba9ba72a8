namespace Sora.Config.Generator.Model
{
    /// <summary>A schema file's path and text (content-keyed: an edit changes the value, so the
    /// schema step re-runs; an unrelated C# edit does not).</summary>
    internal sealed record SchemaFile(string Path, string Text, bool Bundled);

    /// <summary>The MSBuild switches the generator reads (CompilerVisibleProperty).</summary>
    internal sealed record GeneratorSettings(bool EmitCatalog, string? Profile);
}
