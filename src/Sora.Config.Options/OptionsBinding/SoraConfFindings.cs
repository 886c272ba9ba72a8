using System.Globalization;
using Sora.Config.Diagnostics;

namespace Sora.Config.OptionsBinding
{
    /// <summary>One finding as a line of a validation failure or a log entry.</summary>
    internal static class SoraConfFindings
    {
        /// <summary><c>Sora:turn_tcp_port: error SORA0003: Invalid value for 'turn_tcp_port': … [turn_tcp_port]</c>, in the UI
        /// culture's language (English or Japanese). Where the finding has no configuration path (options set in code), the
        /// class's name stands in. Messages never hold a secret value.</summary>
        public static string Describe(SoraConfDiagnostic finding, string typeName) =>
            Where(finding, typeName) + ": " + SoraConfDiagnostic.SeverityText(finding.Severity) + " " + finding.Id + ": "
            + finding.GetMessage(CultureInfo.CurrentUICulture) + (finding.Key is null ? "" : " [" + finding.Key + "]");

        public static string Where(SoraConfDiagnostic finding, string typeName) => finding.Path ?? typeName;
    }
}
