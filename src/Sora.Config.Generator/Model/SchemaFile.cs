namespace Sora.Config.Generator.Model
{
    /// <summary>A schema file's path and text (content-keyed: an edit changes the value, so the
    /// schema step re-runs; an unrelated C# edit does not).</summary>
    internal sealed record SchemaFile(string Path, string Text, bool Bundled);

    /// <summary>The MSBuild switches the generator reads (CompilerVisibleProperty).</summary>
    internal sealed record GeneratorSettings(bool EmitCatalog, string? Profile);
}

namespace Sora.Config.Generator.Model
{
    /// <summary>The merged schema of a compilation, and whether the project added schema files of its own.</summary>
    internal sealed record LoadedSchema(Sora.Config.Schema.SchemaModel Schema, Sora.Config.Schema.EquatableArray<Sora.Config.Schema.SchemaError> Errors, bool HasUserFiles)
    {
        public bool HasErrors => Errors.Count > 0;
    }
}
