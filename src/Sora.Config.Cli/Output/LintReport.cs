using System.Collections.Generic;
using System.Linq;
using Sora.Config.Cli.Linting;
using Sora.Config.Diagnostics;

namespace Sora.Config.Cli.Output
{
    /// <summary>Everything a lint output format needs: the linted files and what is shown.</summary>
    internal sealed class LintReport
    {
        public LintReport(IReadOnlyList<LintedFile> files, SoraConfSeverity minSeverity, string soraVersion, SoraConfProfile profile)
        {
            Files = files;
            MinSeverity = minSeverity;
            SoraVersion = soraVersion;
            Profile = profile;
        }

        public IReadOnlyList<LintedFile> Files { get; }

        /// <summary>Findings below this severity are counted but not shown.</summary>
        public SoraConfSeverity MinSeverity { get; }

        public string SoraVersion { get; }

        public SoraConfProfile Profile { get; }

        /// <summary>The findings that are shown: not suppressed, at or above <see cref="MinSeverity"/>.</summary>
        public IEnumerable<LintFinding> Shown => Files.SelectMany(f => f.Findings).Where(f => f.Severity >= MinSeverity);

        public IEnumerable<LintFinding> ShownSuppressed => Files.SelectMany(f => f.Suppressed).Where(f => f.Severity >= MinSeverity);

        // Loops, not Enumerable.Sum: its int instantiation has no ReadyToRun code (docs/benchmarks.md, CLI start-up).
        public int Hidden
        {
            get
            {
                int hidden = 0;
                foreach (var file in Files) hidden += file.Findings.Count(x => x.Severity < MinSeverity);
                return hidden;
            }
        }

        public int SuppressedCount
        {
            get
            {
                int suppressed = 0;
                foreach (var file in Files) suppressed += file.Suppressed.Count;
                return suppressed;
            }
        }

        public static string ProfileName(SoraConfProfile profile) => profile == SoraConfProfile.Development ? "development" : "production";
    }

    internal static class ToolInfo
    {
        public const string Name = "sora-conf";

        public const string InformationUri = "https://github.com/sora-config/Sora.Config";

        /// <summary>The package version (the informational version without any "+commit" suffix).</summary>
        public static string Version
        {
            get
            {
                var attribute = typeof(ToolInfo).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false);
                var text = attribute.Length > 0 ? ((System.Reflection.AssemblyInformationalVersionAttribute)attribute[0]).InformationalVersion : "0.0.0";
                int plus = text.IndexOf('+');
                return plus < 0 ? text : text.Substring(0, plus);
            }
        }
    }
}
