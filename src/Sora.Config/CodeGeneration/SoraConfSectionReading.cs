using System;
using System.Collections.Generic;
using System.ComponentModel;
using Sora.Config.Diagnostics;

namespace Sora.Config.CodeGeneration
{
    /// <summary>What reading a configuration section into a generated object found (<see cref="SoraConfBinding.ReadConfiguration"/>),
    /// and where each key was written, so that later findings about the object are located there too. Used by generated
    /// <c>FromConfiguration</c> and by Sora.Config.Options; not meant to be called directly.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class SoraConfSectionReading
    {
        private readonly IReadOnlyDictionary<string, string> pathByKey;

        internal SoraConfSectionReading(string sectionPath, IReadOnlyList<SoraConfDiagnostic> diagnostics, IReadOnlyDictionary<string, string> pathByKey)
        {
            SectionPath = sectionPath;
            Diagnostics = diagnostics;
            this.pathByKey = pathByKey;
            foreach (var d in diagnostics)
            {
                if (d.Severity == SoraConfSeverity.Error) HasErrors = true;
            }
        }

        /// <summary>The section's configuration path (<c>Sora</c>); empty for a configuration root.</summary>
        public string SectionPath { get; }

        /// <summary>The findings of the reading: each written setting on its own (<see cref="Catalog.SoraRuleScope.Entry"/>
        /// rules, as for a file's lines) and what could not be read as a value, each located by configuration path.</summary>
        public IReadOnlyList<SoraConfDiagnostic> Diagnostics { get; }

        /// <summary>A value could not be read: the object lacks a setting that was written.</summary>
        public bool HasErrors { get; }

        /// <summary>The whole catalogue on the object the section was read into: the reading's findings, then those of
        /// <c>conf.Validate(profile)</c> that the reading did not already report, each located at the configuration path its
        /// key was written at (or would be written at). When the reading has errors, only its findings: rules on the
        /// remaining settings would judge a configuration other than the one written.</summary>
        public IReadOnlyList<SoraConfDiagnostic> Validate(ISoraConf conf, SoraConfProfile profile)
        {
            if (conf is null) throw new ArgumentNullException(nameof(conf));
            var result = new List<SoraConfDiagnostic>();
            foreach (var d in Diagnostics)
            {
                // The reading ran with the production profile, as a file's Parse does.
                if (profile == SoraConfProfile.Development && d.Rule.IsProductionRule) continue;
                result.Add(d);
            }
            if (HasErrors) return result;
            foreach (var d in conf.Validate(profile))
            {
                if (Contains(d)) continue;
                result.Add(Locate(d));
            }
            return result;
        }

        /// <summary>The finding at the configuration path of its key: where the key was written, else where it would be
        /// written (<c>Sora:turn_tls_fqdn</c>); a finding about no key, at the section.</summary>
        public SoraConfDiagnostic Locate(SoraConfDiagnostic diagnostic)
        {
            if (diagnostic is null) throw new ArgumentNullException(nameof(diagnostic));
            return diagnostic.WithPath(PathOf(SectionPath, pathByKey, diagnostic.Key));
        }

        private bool Contains(SoraConfDiagnostic d)
        {
            foreach (var r in Diagnostics)
            {
                if (r.Id == d.Id && r.Key == d.Key) return true;
            }
            return false;
        }

        internal static string? PathOf(string sectionPath, IReadOnlyDictionary<string, string> pathByKey, string? key)
        {
            if (key is null) return sectionPath.Length == 0 ? null : sectionPath;
            if (pathByKey.TryGetValue(key, out var written)) return written;
            return sectionPath.Length == 0 ? key : sectionPath + ":" + key;
        }
    }
}
