using System;
using System.Collections.Generic;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;

namespace Sora.Config.CodeGeneration
{
    public static partial class SoraConfBinding
    {
        /// <summary>Reads a configuration section (Microsoft.Extensions.Configuration's <c>IConfiguration</c>: appsettings.json,
        /// environment variables, user secrets, …) into <paramref name="target"/>. This library does not depend on
        /// Microsoft.Extensions.Configuration: the caller (generated <c>FromConfiguration</c>, Sora.Config.Options) passes the
        /// section and three accessors, so the walk, the key mapping and the checks exist once, here (docs/options.md).
        /// A key is a sora.conf key name or its property name, case-insensitively; a value is sora.conf text, read by the same
        /// codec as a file; a list key also takes an array (children 0, 1, 2, …). Findings are those of a file's settings
        /// (<see cref="SoraRuleScope.Entry"/> rules), located by configuration path (<see cref="SoraConfDiagnostic.Path"/>).</summary>
        /// <param name="section">The section to read.</param>
        /// <param name="children">The child sections of a section, in the configuration's order.</param>
        /// <param name="path">A section's full configuration path (<c>Sora:api_port</c>); the empty string for a root.</param>
        /// <param name="value">A section's value; null when it has none (a section with children, or an empty array or object).</param>
        /// <param name="target">The generated object to set.</param>
        /// <param name="catalog">The class's catalogue.</param>
        /// <param name="version">The class's targeted Sora version.</param>
        public static SoraConfSectionReading ReadConfiguration<TSection>(TSection section, Func<TSection, IEnumerable<TSection>> children, Func<TSection, string> path,
            Func<TSection, string?> value, ISoraConfBinding target, SoraCatalog catalog, string version)
        {
            if (section is null) throw new ArgumentNullException(nameof(section));
            if (children is null) throw new ArgumentNullException(nameof(children));
            if (path is null) throw new ArgumentNullException(nameof(path));
            if (value is null) throw new ArgumentNullException(nameof(value));
            if (target is null) throw new ArgumentNullException(nameof(target));
            return new ConfigurationReader<TSection>(children, path, value, target, catalog, version).Read(section);
        }

        /// <summary>What generated <c>FromConfiguration</c> throws for a reading with errors: every error, each with its
        /// configuration path.</summary>
        public static SoraConfParseException ConfigurationException(SoraConfSectionReading reading)
        {
            if (reading is null) throw new ArgumentNullException(nameof(reading));
            var subject = reading.SectionPath.Length == 0 ? "The configuration" : "The configuration section '" + reading.SectionPath + "'";
            return new SoraConfParseException(reading.Diagnostics, subject);
        }
    }
}
