using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Sora.Config
{
    /// <summary>What every generated sora.conf class can do, without reflection.</summary>
    public interface ISoraConf
    {
        /// <summary>The Sora version the class targets.</summary>
        string TargetSoraVersion { get; }

        /// <summary>Keys written in the file that the schema does not know (or that the targeted version lacks), in file order.</summary>
        SoraConfUnknownKeys UnknownKeys { get; }

        /// <summary>The settings that are set, as sora.conf text: schema order, then unknown keys.</summary>
        IReadOnlyList<KeyValuePair<string, string>> ToSettings();

        string Serialize();

        void Save(string path);

        IReadOnlyList<SoraConfDiagnostic> Validate(SoraConfProfile profile = SoraConfProfile.Production);
    }

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
