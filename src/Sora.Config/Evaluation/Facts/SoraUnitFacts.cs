using System;
using System.Collections.Generic;

namespace Sora.Config.Evaluation.Facts
{
    /// <summary>The systemd unit that runs Sora, as its settings: each <c>Key=Value</c> with its section, in file order, so
    /// that a rule can ask for a setting where systemd reads it (<c>LimitNOFILE</c> in <c>[Service]</c>) and a parser can
    /// report one written where systemd ignores it.</summary>
    public sealed class SoraUnitFacts
    {
        /// <summary>The unit's path (its name in findings).</summary>
        public SoraUnitFacts(string path) => Path = path ?? throw new ArgumentNullException(nameof(path));

        public string Path { get; }

        public IList<SoraUnitSetting> Settings { get; } = new List<SoraUnitSetting>();

        /// <summary>The last value of <paramref name="key"/> in <paramref name="section"/> (systemd's rule for single-valued
        /// settings), or null.</summary>
        public SoraUnitSetting? Get(string section, string key)
        {
            SoraUnitSetting? found = null;
            foreach (var s in Settings)
            {
                if (s.Section == section && s.Key == key) found = s;
            }
            return found;
        }
    }

    /// <summary>One <c>Key=Value</c> line of a unit, in its section (<c>Service</c>, without brackets).</summary>
    public sealed class SoraUnitSetting
    {
        public SoraUnitSetting(string section, string key, string value, SoraFactSource? source = null)
        {
            Section = section ?? throw new ArgumentNullException(nameof(section));
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Value = value ?? throw new ArgumentNullException(nameof(value));
            Source = source;
        }

        public string Section { get; }

        public string Key { get; }

        public string Value { get; }

        public SoraFactSource? Source { get; }

        public override string ToString() => "[" + Section + "] " + Key + "=" + Value;
    }
}
