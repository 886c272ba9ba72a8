using System.Collections.Generic;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;

namespace Sora.Config
{
    /// <summary>What every generated sora.conf class can do, without reflection.</summary>
    public interface ISoraConf
    {
        /// <summary>The Sora version the class targets.</summary>
        string TargetSoraVersion { get; }

        /// <summary>The profile the class was generated with (<c>[GeneratedSoraConf(Profile = …)]</c>): what
        /// <see cref="Validate()"/> checks against.</summary>
        SoraConfProfile Profile { get; }

        /// <summary>The catalogue the class was generated from: the bundled schema, merged with the project's own schema
        /// files when it has some.</summary>
        SoraCatalog Catalog { get; }

        /// <summary>Keys written in the file that the schema does not know (or that the targeted version lacks), in file order.</summary>
        SoraConfUnknownKeys UnknownKeys { get; }

        /// <summary>The settings that are set, as sora.conf text: schema order, then unknown keys.</summary>
        IReadOnlyList<KeyValuePair<string, string>> ToSettings();

        string Serialize();

        /// <summary>Writes <see cref="Serialize"/> atomically; a file holding a secret setting is created readable by its
        /// owner only.</summary>
        void Save(string path);

        /// <summary>The rule catalogue on the settings and effective values, with the class's own <see cref="Profile"/>.</summary>
        IReadOnlyList<SoraConfDiagnostic> Validate();

        /// <summary>The rule catalogue on the settings and effective values, with <paramref name="profile"/>.</summary>
        IReadOnlyList<SoraConfDiagnostic> Validate(SoraConfProfile profile);
    }
}
