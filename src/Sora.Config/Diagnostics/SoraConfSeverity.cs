namespace Sora.Config
{
    /// <summary>How serious a finding is. Ordered: a higher value is more severe.</summary>
    public enum SoraConfSeverity
    {
        Info = 0,
        Warning = 1,
        Error = 2,
    }

    /// <summary>Which rules run. <see cref="Development"/> turns the SORA1xxx production rules off.</summary>
    public enum SoraConfProfile
    {
        Production = 0,
        Development = 1,
    }
}
