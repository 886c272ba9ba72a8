using System;
using System.Collections.Generic;
using System.Linq;
using Sora.Config.Diagnostics;

namespace Sora.Config
{
    /// <summary>Thrown by a generated class's Parse/Load when Sora would refuse or misread the file.
    /// Carries every diagnostic, not just the first.</summary>
    public sealed class SoraConfParseException : FormatException
    {
        public SoraConfParseException(IReadOnlyList<SoraConfDiagnostic> diagnostics)
            : base(Describe(diagnostics))
        {
            Diagnostics = diagnostics;
        }

        public IReadOnlyList<SoraConfDiagnostic> Diagnostics { get; }

        private static string Describe(IReadOnlyList<SoraConfDiagnostic> diagnostics)
        {
            var errors = diagnostics.Where(d => d.Severity == SoraConfSeverity.Error).ToList();
            return $"sora.conf has {errors.Count} error(s):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(d => "  " + d));
        }
    }
}
