using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sora.Config.CodeGeneration;
using Sora.Config.OptionsBinding;

namespace Sora.Config
{
    /// <summary>The Options pattern for <c>[GeneratedSoraConf]</c> classes (docs/options.md):
    /// <code>
    /// builder.Services.AddOptions&lt;NodeConf&gt;()
    ///     .BindSoraConf(builder.Configuration.GetSection("Sora"))
    ///     .ValidateSoraConf()
    ///     .ValidateOnStart();
    /// </code>
    /// Reflection-free: the generated class is created by the options factory (<c>new()</c>) and set through the interfaces
    /// every generated class implements.</summary>
    public static class SoraConfOptionsBuilderExtensions
    {
        /// <summary>Reads <paramref name="section"/> into the options each time they are created (and again when the
        /// configuration reloads, for <c>IOptionsMonitor</c>): a key is a sora.conf key name or the class's property name,
        /// case-insensitively; a value is sora.conf text, read as in a file. A value that cannot be read fails: with
        /// <see cref="ValidateSoraConf{TOptions}(OptionsBuilder{TOptions})"/>, among its findings; without it, here, with an
        /// <see cref="OptionsValidationException"/> that lists each error with its configuration path.</summary>
        /// <exception cref="ArgumentException"><typeparamref name="TOptions"/> is not a generated class (a hand-written
        /// <see cref="ISoraConf"/>).</exception>
        public static OptionsBuilder<TOptions> BindSoraConf<TOptions>(this OptionsBuilder<TOptions> builder, IConfiguration section)
            where TOptions : class, ISoraConf
        {
            if (builder is null) throw new ArgumentNullException(nameof(builder));
            if (section is null) throw new ArgumentNullException(nameof(section));
            if (!typeof(ISoraConfBinding).IsAssignableFrom(typeof(TOptions)))
                throw new ArgumentException($"{typeof(TOptions).Name} is not a [GeneratedSoraConf] class: BindSoraConf sets the settings through the members the generator adds.", nameof(TOptions));
            var name = builder.Name;
            builder.Services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(new ConfigurationChangeTokenSource<TOptions>(name, section));
            builder.Services.AddSingleton<IConfigureOptions<TOptions>>(services =>
            {
                // Validated by ValidateSoraConf: reading errors are reported there, with every other finding, in one go.
                bool validated = services.GetServices<SoraConfValidationMarker<TOptions>>().Any(m => m.Name is null || m.Name == name);
                return new ConfigureNamedOptions<TOptions>(name, options => Bind(options, section, name, validated));
            });
            return builder;
        }

        /// <summary>Runs the rule catalogue on the options when they are created (at start-up with <c>ValidateOnStart</c>):
        /// errors fail validation with an <see cref="OptionsValidationException"/> whose message lists, for each finding, its
        /// configuration path, severity, rule ID, message and key (<c>Sora:turn_tcp_port: error SORA0003: … [turn_tcp_port]</c>).
        /// Production rules (SORA1xxx) apply per the class's profile. Findings that do not fail are logged (category
        /// <c>Sora.Config</c>) when an <c>ILoggerFactory</c> is registered. Secret values appear nowhere.</summary>
        public static OptionsBuilder<TOptions> ValidateSoraConf<TOptions>(this OptionsBuilder<TOptions> builder)
            where TOptions : class, ISoraConf => ValidateSoraConf(builder, null);

        /// <summary>As <see cref="ValidateSoraConf{TOptions}(OptionsBuilder{TOptions})"/>, with
        /// <paramref name="configure"/> setting how findings are judged (<see cref="SoraConfValidationOptions.FailOnWarnings"/>,
        /// <see cref="SoraConfValidationOptions.Profile"/>).</summary>
        public static OptionsBuilder<TOptions> ValidateSoraConf<TOptions>(this OptionsBuilder<TOptions> builder, Action<SoraConfValidationOptions>? configure)
            where TOptions : class, ISoraConf
        {
            if (builder is null) throw new ArgumentNullException(nameof(builder));
            var settings = new SoraConfValidationOptions();
            configure?.Invoke(settings);
            var name = builder.Name;
            builder.Services.AddSingleton(new SoraConfValidationMarker<TOptions>(name));
            builder.Services.AddSingleton<IValidateOptions<TOptions>>(services =>
                new SoraConfValidator<TOptions>(name, settings.FailOnWarnings, settings.Profile, services.GetService<ILoggerFactory>()));
            return builder;
        }

        private static void Bind<TOptions>(TOptions options, IConfiguration section, string? name, bool validated)
            where TOptions : class, ISoraConf
        {
            // The same accessors as generated FromConfiguration: the runtime reads, maps and checks.
            var reading = SoraConfBinding.ReadConfiguration<IConfiguration>(section, s => s.GetChildren(), s => s is IConfigurationSection c ? c.Path : "",
                s => s is IConfigurationSection c ? c.Value : null, (ISoraConfBinding)options, options.Catalog, options.TargetSoraVersion);
            SoraConfReadings.Set(options, reading);
            if (reading.HasErrors && !validated)
            {
                var errors = reading.Diagnostics.Where(d => d.Severity == Diagnostics.SoraConfSeverity.Error).Select(d => SoraConfFindings.Describe(d, typeof(TOptions).Name));
                throw new OptionsValidationException(name ?? Microsoft.Extensions.Options.Options.DefaultName, typeof(TOptions), errors);
            }
        }
    }
}
