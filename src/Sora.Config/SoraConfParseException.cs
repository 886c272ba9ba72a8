using System;
using System.Collections.Generic;
using System.Linq;
using Sora.Config.Diagnostics;

namespace Sora.Config
{
    /// <summary>Thrown by a generated class's Parse/Load when Sora would refuse or misread the file, and by its
    /// FromConfiguration when a configuration section holds a value it cannot read.
    /// Carries every diagnostic, not just the first.</summary>
    public sealed class SoraConfParseException : FormatException
    {
        public SoraConfParseException(IReadOnlyList<SoraConfDiagnostic> diagnostics)
            : this(diagnostics, "sora.conf")
        {
        }

        /// <summary>Errors of something other than a file (a configuration section), named by <paramref name="subject"/>.</summary>
        internal SoraConfParseException(IReadOnlyList<SoraConfDiagnostic> diagnostics, string subject)
            : base(Describe(diagnostics, subject))
        {
            Diagnostics = diagnostics;
        }

        public IReadOnlyList<SoraConfDiagnostic> Diagnostics { get; }

        private static string Describe(IReadOnlyList<SoraConfDiagnostic> diagnostics, string subject)
        {
            var errors = diagnostics.Where(d => d.Severity == SoraConfSeverity.Error).ToList();
            return $"{subject} has {errors.Count} error(s):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(d => "  " + d));
        }
    }
}
