namespace Sora.Config
{
    /// <summary>Which rules run. <see cref="Development"/> turns the SORA1xxx production rules off.</summary>
    public enum SoraConfProfile
    {
        Production = 0,
        Development = 1,
    }
}
