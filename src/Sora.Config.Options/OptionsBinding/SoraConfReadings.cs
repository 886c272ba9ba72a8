using System.Runtime.CompilerServices;
using Sora.Config.CodeGeneration;

namespace Sora.Config.OptionsBinding
{
    /// <summary>What BindSoraConf read into each options instance, for ValidateSoraConf to report and to locate the
    /// object's own findings by configuration path. Held weakly: an instance the options cache drops takes its entry along.</summary>
    internal static class SoraConfReadings
    {
        private static readonly ConditionalWeakTable<object, SoraConfSectionReading> Readings = new ConditionalWeakTable<object, SoraConfSectionReading>();

        public static void Set(object options, SoraConfSectionReading reading)
        {
            lock (Readings)
            {
                Readings.Remove(options);
                Readings.Add(options, reading);
            }
        }

        public static SoraConfSectionReading? Get(object options) => Readings.TryGetValue(options, out var reading) ? reading : null;
    }

    /// <summary>Registered by ValidateSoraConf so that BindSoraConf leaves reading errors to the validator (which reports
    /// them with every other finding) for options of that name.</summary>
    internal sealed class SoraConfValidationMarker<TOptions>
    {
        public SoraConfValidationMarker(string? name) => Name = name;

        public string? Name { get; }
    }
}
