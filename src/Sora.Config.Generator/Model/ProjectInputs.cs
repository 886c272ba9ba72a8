namespace Sora.Config.Generator.Model
{
    /// <summary>The merged schema of a compilation, and whether the project added schema files of its own. Compared by
    /// content, so a schema step that re-runs to the same schema leaves the outputs cached.</summary>
    internal sealed record LoadedSchema(Sora.Config.Schema.SchemaModel Schema, Sora.Config.Schema.EquatableArray<Sora.Config.Schema.SchemaError> Errors, bool HasUserFiles)
    {
        public bool HasErrors => Errors.Count > 0;
    }

    /// <summary>The MSBuild switches the generator reads (CompilerVisibleProperty).</summary>
    internal sealed record GeneratorSettings(bool EmitCatalog, string? Profile);
}
