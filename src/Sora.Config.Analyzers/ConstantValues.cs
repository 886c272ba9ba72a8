using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sora.Config.Catalog;
using Sora.Config.Values;

namespace Sora.Config.Analyzers
{
    /// <summary>What an assigned C# expression means as sora.conf text.</summary>
    internal readonly struct SettingValue
    {
        private SettingValue(int kind, string? text)
        {
            this.kind = kind;
            Text = text;
        }

        private readonly int kind;

        /// <summary>A value the analyzer could not compute (a variable, a call, …).</summary>
        public static readonly SettingValue Unknown = new SettingValue(0, null);

        /// <summary><c>null</c>: the key is not written.</summary>
        public static readonly SettingValue Null = new SettingValue(1, null);

        public static SettingValue Known(string text) => new SettingValue(2, text);

        public bool IsUnknown => kind == 0;

        public bool IsNull => kind == 1;

        public bool IsKnown => kind == 2;

        /// <summary>The sora.conf text (only for <see cref="IsKnown"/>).</summary>
        public string? Text { get; }
    }

    /// <summary>Turns the constant expressions users assign to generated properties into sora.conf text,
    /// through <see cref="SoraValueCodec.Format"/> so the spelling is the one the runtime writes.</summary>
    internal static class ConstantValues
    {
        private const long TicksPerMicrosecond = 10;

        public static SettingValue Evaluate(IOperation? operation, SoraKeyInfo key)
        {
            var result = Value(operation, key);
            if (result is null) return SettingValue.Unknown;
            if (result is NullMarker) return SettingValue.Null;
            if (result is RawText raw) return SettingValue.Known(raw.Text);
            try
            {
                return SettingValue.Known(SoraValueCodec.Format(key, result));
            }
            catch (ArgumentException)
            {
                // A TimeSpan that no unit of the key can write exactly: hand the engine a text it will refuse (SORA0003).
                return SettingValue.Known(result is TimeSpan span ? InSmallestUnit(span, key) : Convert.ToString(result, CultureInfo.InvariantCulture) ?? "");
            }
        }

        /// <summary>The span in the key's smallest unit, fraction and all ("1500.5 ms"): the engine then says which number is
        /// not whole, in the terms the user wrote, where the TimeSpan's own text ("00:00:01.5005000") would only be "not an interval".</summary>
        private static string InSmallestUnit(TimeSpan span, SoraKeyInfo key)
        {
            var unit = key.Units.Count == 0 ? SoraTimeUnit.Millisecond : key.Units.OrderBy(SoraInterval.Factor).First();
            var amount = (decimal)span.Ticks / (SoraInterval.Factor(unit) * TimeSpan.TicksPerMillisecond);
            return amount.ToString(CultureInfo.InvariantCulture) + " " + SoraValueTypes.UnitName(unit);
        }

        private sealed class NullMarker
        {
            public static readonly NullMarker Instance = new NullMarker();
        }

        /// <summary>Text to give the engine as written (it validates it).</summary>
        private sealed class RawText
        {
            public RawText(string text) => Text = text;

            public string Text { get; }
        }

        /// <summary>The CLR value (bool, int, long, double, string, TimeSpan, IPAddress, Uri, list), a
        /// <see cref="RawText"/>, <see cref="NullMarker"/> for null, or null when not a compile-time value.</summary>
        private static object? Value(IOperation? operation, SoraKeyInfo key)
        {
            if (operation is null) return null;
            if (operation.ConstantValue.HasValue)
            {
                var constant = operation.ConstantValue.Value;
                if (constant is null) return NullMarker.Instance;
                if (operation.Type is { TypeKind: TypeKind.Enum }) return EnumText(operation, constant, key);
                return constant switch
                {
                    bool or int or long or double or string => constant,
                    float f => (double)f,
                    short s => (int)s,
                    byte b => (int)b,
                    uint u => (long)u,
                    _ => null,
                };
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Value(conversion.Operand, key);
                case IParenthesizedOperation parenthesized:
                    return Value(parenthesized.Operand, key);
                case IDefaultValueOperation:
                    return operation.Type is { IsValueType: true } t && t.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T ? null : NullMarker.Instance;
                case IInvocationOperation invocation:
                    return Invocation(invocation);
                case IObjectCreationOperation creation:
                    return Creation(creation);
                case IArrayCreationOperation array when array.Initializer is not null:
                    return List(array.Initializer.ElementValues, key);
                case ICollectionExpressionOperation collection:
                    return List(collection.Elements, key);
                default:
                    return null;
            }
        }

        /// <summary>A constant of a generated <c>&lt;Key&gt;Option</c> enum, matched to the key's candidate by spelling: the
        /// member's name is the one the generator derives from the candidate (never its position, which another version of
        /// the catalogue may order differently).</summary>
        private static object? EnumText(IOperation operation, object constant, SoraKeyInfo key)
        {
            if (operation.Type is not INamedTypeSymbol enumType) return null;
            string? member = null;
            foreach (var m in enumType.GetMembers())
            {
                if (m is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant))
                {
                    member = field.Name;
                    break;
                }
            }
            if (member is null) return null;
            foreach (var candidate in key.Candidates)
            {
                if (Sora.Config.Shared.SoraNames.EnumMember(candidate) == member) return new RawText(candidate);
            }
            return null;
        }

        private static object? List(IEnumerable<IOperation> elements, SoraKeyInfo key)
        {
            var items = new List<string>();
            foreach (var element in elements)
            {
                var value = Evaluate(element, key);
                if (!value.IsKnown) return null;
                items.Add(value.Text!);
            }
            return new RawText(string.Join(",", items));
        }

        private static object? Invocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!method.IsStatic) return null;
            var type = method.ContainingType;
            if (IsSystemType(type, "IPAddress", "Net") && method.Name == "Parse" && invocation.Arguments.Length == 1
                && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text })
            {
                // The engine checks the strict form Sora accepts; a text .NET cannot parse is handed over as written.
                return IPAddress.TryParse(text, out var address) ? address : new RawText(text);
            }
            if (IsSystemType(type, "TimeSpan", null))
            {
                long[]? units = method.Name switch
                {
                    "FromDays" => new[] { TimeSpan.TicksPerDay, TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond, TicksPerMicrosecond },
                    "FromHours" => new[] { TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond, TicksPerMicrosecond },
                    "FromMinutes" => new[] { TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond, TicksPerMicrosecond },
                    "FromSeconds" => new[] { TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond, TicksPerMicrosecond },
                    "FromMilliseconds" => new[] { TimeSpan.TicksPerMillisecond, TicksPerMicrosecond },
                    "FromTicks" => new[] { 1L },
                    _ => null,
                };
                if (units is null) return null;
                return Ticks(invocation.Arguments, units);
            }
            return null;
        }

        private static object? Creation(IObjectCreationOperation creation)
        {
            var type = creation.Type;
            if (IsSystemType(type, "Uri", null) && creation.Arguments.Length >= 1
                && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text })
            {
                return new RawText(text);
            }
            if (IsSystemType(type, "TimeSpan", null))
            {
                long[]? units = creation.Arguments.Length switch
                {
                    0 => Array.Empty<long>(),
                    1 => new[] { 1L },
                    3 => new[] { TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond },
                    4 => new[] { TimeSpan.TicksPerDay, TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond },
                    5 => new[] { TimeSpan.TicksPerDay, TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond },
                    6 => new[] { TimeSpan.TicksPerDay, TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond, TicksPerMicrosecond },
                    _ => null,
                };
                return units is null ? null : Ticks(creation.Arguments, units);
            }
            return null;
        }

        /// <summary>System.[sub.]name, compared by parts: no display string is built for every call.</summary>
        private static bool IsSystemType(ITypeSymbol? type, string name, string? sub)
        {
            if (type is null || type.Name != name || type.ContainingType is not null) return false;
            var ns = type.ContainingNamespace;
            if (sub is not null)
            {
                if (ns is null || ns.Name != sub) return false;
                ns = ns.ContainingNamespace;
            }
            return ns is { Name: "System" } && ns.ContainingNamespace is { IsGlobalNamespace: true };
        }

        private static object? Ticks(IReadOnlyList<IArgumentOperation> arguments, long[] units)
        {
            if (arguments.Count > units.Length) return null;
            double ticks = 0;
            for (int i = 0; i < arguments.Count; i++)
            {
                if (!arguments[i].Value.ConstantValue.HasValue) return null;
                double part;
                try
                {
                    part = Convert.ToDouble(arguments[i].Value.ConstantValue.Value, CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is InvalidCastException || e is FormatException)
                {
                    return null;
                }
                ticks += part * units[i];
            }
            if (double.IsNaN(ticks) || ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks) return null;
            return TimeSpan.FromTicks((long)Math.Round(ticks));
        }
    }
}
