using System;
using System.Collections.Generic;
using System.Globalization;
using Sora.Config.Catalog;

namespace Sora.Config.Values
{
    /// <summary>A sora.conf interval: an amount and a unit, written <c>30 s</c>.</summary>
    public readonly struct SoraInterval : IEquatable<SoraInterval>
    {
        public SoraInterval(long amount, SoraTimeUnit unit)
        {
            Amount = amount;
            Unit = unit;
        }

        public long Amount { get; }

        public SoraTimeUnit Unit { get; }

        /// <summary>The interval in milliseconds (exact: every unit is a whole number of ms).</summary>
        public long TotalMilliseconds => checked(Amount * Factor(Unit));

        // From ticks, not FromMilliseconds(double): exact on every target (netstandard2.0 rounds large doubles).
        public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(TotalMilliseconds * TimeSpan.TicksPerMillisecond);

        /// <summary>The longest interval a <see cref="TimeSpan"/> holds, in whole milliseconds: longer ones are refused
        /// (SORA0003, "too large") rather than thrown on when a typed value is read.</summary>
        public const long MaxMilliseconds = 922_337_203_685_477;

        public static long Factor(SoraTimeUnit unit) => unit switch
        {
            SoraTimeUnit.Millisecond => 1,
            SoraTimeUnit.Second => 1000,
            SoraTimeUnit.Minute => 60_000,
            _ => 3_600_000,
        };

        /// <summary>Expresses a TimeSpan in one of the allowed units: the preferred unit when exact,
        /// else the largest allowed unit that is exact. Returns false when none is exact (e.g. 1.5 ms).</summary>
        public static bool TryFromTimeSpan(TimeSpan value, IReadOnlyList<SoraTimeUnit> allowed, SoraTimeUnit? preferred, out SoraInterval interval)
        {
            interval = default;
            if (value.Ticks % TimeSpan.TicksPerMillisecond != 0 || value < TimeSpan.Zero) return false;
            long ms = value.Ticks / TimeSpan.TicksPerMillisecond;
            if (preferred is { } p && Contains(allowed, p) && ms % Factor(p) == 0)
            {
                interval = new SoraInterval(ms / Factor(p), p);
                return true;
            }
            for (var unit = SoraTimeUnit.Hour; unit >= SoraTimeUnit.Millisecond; unit--)
            {
                if (Contains(allowed, unit) && ms % Factor(unit) == 0)
                {
                    interval = new SoraInterval(ms / Factor(unit), unit);
                    return true;
                }
            }
            return false;
        }

        private static bool Contains(IReadOnlyList<SoraTimeUnit> units, SoraTimeUnit unit)
        {
            foreach (var u in units) if (u == unit) return true;
            return false;
        }

        public bool Equals(SoraInterval other) => Amount == other.Amount && Unit == other.Unit;

        public override bool Equals(object? obj) => obj is SoraInterval other && Equals(other);

        public override int GetHashCode() => unchecked((int)Amount * 7 + (int)Unit);

        /// <summary>The sora.conf spelling, e.g. <c>30 s</c>.</summary>
        public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + " " + SoraValueTypes.UnitName(Unit);
    }
}
