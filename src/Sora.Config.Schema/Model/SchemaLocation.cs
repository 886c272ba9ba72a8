namespace Sora.Config.Schema
{
    /// <summary>A 1-based position in a schema file.</summary>
    public sealed record SchemaLocation(string Path, int Line, int Column)
    {
        public override string ToString() => $"{Path}({Line},{Column})";
    }

    /// <summary>A problem in a schema file. <see cref="Code"/> is the SORA9xxx diagnostic ID.</summary>
    public sealed record SchemaError(string Code, string Message, SchemaLocation Location)
    {
        public override string ToString() => $"{Location}: error {Code}: {Message}";
    }
}
