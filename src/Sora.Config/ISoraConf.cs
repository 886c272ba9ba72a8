using System;
using System.Collections.Generic;
using System.ComponentModel;
using Sora.Config.Diagnostics;

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
}
