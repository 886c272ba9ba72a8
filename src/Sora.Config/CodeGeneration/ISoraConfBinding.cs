using System;
using System.ComponentModel;
using Sora.Config.Catalog;
using Sora.Config.Values;

namespace Sora.Config.CodeGeneration
{
    /// <summary>Used by generated code to bind one setting; not meant to be called directly.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface ISoraConfBinding
    {
        /// <summary>The keys the class has a property for, in schema order.</summary>
        SoraKeyInfo[] BindingKeys { get; }

        /// <summary>Sets the key at <paramref name="index"/> of <see cref="BindingKeys"/> from sora.conf text
        /// (trimmed, as Sora trims); returns why the text is invalid, or null. The text is a span of the file so
        /// that values which are not kept as strings (numbers, booleans, intervals, enums) cost no substring.</summary>
        SoraValueError? Apply(int index, ReadOnlySpan<char> value);

        SoraConfUnknownKeys UnknownKeys { get; }
    }
}
