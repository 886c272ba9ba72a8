using Sora.Config.Catalog;

namespace Sora.Config.Values
{
    /// <summary>Why a value was refused, in English and Japanese (no secret values inside).</summary>
    public sealed class SoraValueError
    {
        internal SoraValueError(string english, string japanese) => Text = new SoraText(english, japanese);

        public SoraText Text { get; }

        public override string ToString() => Text.ToString();
    }
}
