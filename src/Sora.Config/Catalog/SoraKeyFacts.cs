using System;

namespace Sora.Config.Catalog
{
    /// <summary>The facts the schema records about a key, each either confirmed by a public source or inferred
    /// (<see cref="SoraKeyInfo.InferredFacts"/>, <see cref="SoraKeyInfo.IsConfirmed(SoraKeyFacts)"/>).</summary>
    [Flags]
    public enum SoraKeyFacts
    {
        /// <summary>No fact.</summary>
        None = 0,

        /// <summary>That the key exists in sora.conf under this name.</summary>
        Name = 1,

        /// <summary>The value type Sora.Config checks values against (kvconf's type, with its format and range).</summary>
        Type = 2,

        /// <summary>The default (or that there is none), older defaults included.</summary>
        Default = 4,

        /// <summary>The Sora versions that have the key: since, deprecated, removed (no since: every known version).</summary>
        Versions = 8,
    }
}
