using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sora.Config.Diagnostics;

namespace Sora.Config.OptionsBinding
{
    /// <summary>ValidateSoraConf's validator: the catalogue on the options (located by configuration path when they were
    /// bound by BindSoraConf); errors fail, warnings too when asked; what does not fail is logged.</summary>
    internal sealed class SoraConfValidator<TOptions> : IValidateOptions<TOptions>
        where TOptions : class, ISoraConf
    {
        private readonly string? name;
        private readonly bool failOnWarnings;
        private readonly SoraConfProfile? profile;
        private readonly ILogger? logger;

        public SoraConfValidator(string? name, bool failOnWarnings, SoraConfProfile? profile, ILoggerFactory? loggers)
        {
            this.name = name;
            this.failOnWarnings = failOnWarnings;
            this.profile = profile;
            logger = loggers?.CreateLogger("Sora.Config");
        }

        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            if (this.name != null && name != this.name) return ValidateOptionsResult.Skip;
            var typeName = typeof(TOptions).Name;
            var against = profile ?? options.Profile;
            var findings = SoraConfReadings.Get(options) is { } reading ? reading.Validate(options, against) : options.Validate(against);
            var failures = new List<string>();
            foreach (var finding in findings)
            {
                if (finding.Severity == SoraConfSeverity.Error || (failOnWarnings && finding.Severity == SoraConfSeverity.Warning))
                {
                    failures.Add(SoraConfFindings.Describe(finding, typeName));
                    continue;
                }
                if (logger is null) continue;
                var level = finding.Severity == SoraConfSeverity.Warning ? LogLevel.Warning : LogLevel.Information;
                if (!logger.IsEnabled(level)) continue;
                logger.Log(level, new EventId(0, finding.Id), "{Where}: {Severity} {RuleId}: {Message} [{Key}] ({Options}, {Profile} profile)",
                    SoraConfFindings.Where(finding, typeName), SoraConfDiagnostic.SeverityText(finding.Severity), finding.Id,
                    finding.GetMessage(CultureInfo.CurrentUICulture), finding.Key, typeName, against);
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
