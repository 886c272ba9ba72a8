using System.Collections.Generic;

namespace Sora.Config.Schema.Loading
{
    /// <summary>One schema file's definitions, each with where it is defined, before merging.</summary>
    public sealed class ParsedSchemaFile
    {
        public List<(VersionModel Model, SchemaLocation At)> Versions { get; } = new List<(VersionModel, SchemaLocation)>();

        public List<(KeyModel Model, SchemaLocation At)> Keys { get; } = new List<(KeyModel, SchemaLocation)>();

        public List<(RuleModel Model, SchemaLocation At)> Rules { get; } = new List<(RuleModel, SchemaLocation)>();

        public List<SchemaError> Errors { get; } = new List<SchemaError>();

        /// <summary>False when the file is not valid TOML (it then contributes no definitions).</summary>
        public bool Readable { get; set; } = true;
    }
}
