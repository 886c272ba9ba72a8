namespace Sora.Config.Diagnostics
{
    /// <summary>How serious a finding is. Ordered: a higher value is more severe.</summary>
    public enum SoraConfSeverity
    {
        Info = 0,
        Warning = 1,
        Error = 2,
    }
}
