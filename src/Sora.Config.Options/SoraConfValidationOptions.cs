namespace Sora.Config
{
    /// <summary>How <see cref="SoraConfOptionsBuilderExtensions.ValidateSoraConf{TOptions}(Microsoft.Extensions.Options.OptionsBuilder{TOptions}, System.Action{SoraConfValidationOptions})"/>
    /// judges the catalogue's findings. Errors always fail validation; warnings and infos that do not fail it are logged.</summary>
    public sealed class SoraConfValidationOptions
    {
        /// <summary>Warnings fail validation too (start-up, with <c>ValidateOnStart</c>), not only errors. Default: false.</summary>
        public bool FailOnWarnings { get; set; }

        /// <summary>The profile to validate against; null (the default) means the class's own profile
        /// (<c>[GeneratedSoraConf(Profile = …)]</c>, else the build's <c>SoraConfProfile</c>, else Production).
        /// <see cref="SoraConfProfile.Development"/> turns the production rules (SORA1xxx) off.</summary>
        public SoraConfProfile? Profile { get; set; }
    }
}
