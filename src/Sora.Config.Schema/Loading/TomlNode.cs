using System.Collections.Generic;
using System.Globalization;
using Tomlyn.Syntax;

namespace Sora.Config.Schema.Loading
{
    /// <summary>A TOML value with its location. Only this loader sees Tomlyn types: the rest of
    /// the schema code works on these plain nodes.</summary>
    internal sealed class TomlNode
    {
        public TomlNode(object value, SchemaLocation location)
        {
            Value = value;
            Location = location;
        }

        /// <summary>string, long, double, bool, List&lt;TomlNode&gt; or TomlTableNode.</summary>
        public object Value { get; }

        public SchemaLocation Location { get; }

        public string Describe() => Value switch
        {
            string => "a string",
            long => "an integer",
            double => "a float",
            bool => "a boolean",
            List<TomlNode> => "an array",
            TomlTableNode => "a table",
            _ => "a value",
        };

        public static SchemaLocation LocationOf(string path, SyntaxNode? node)
        {
            if (node is null) return new SchemaLocation(path, 1, 1);
            var start = node.Span.Start;
            return new SchemaLocation(path, start.Line + 1, start.Column + 1);
        }

        public static TomlNode? FromSyntax(string path, ValueSyntax? syntax, List<SchemaError>? errors = null)
        {
            var location = LocationOf(path, syntax);
            switch (syntax)
            {
                case StringValueSyntax s: return new TomlNode(s.Value ?? "", location);
                case IntegerValueSyntax i: return new TomlNode(i.Value, location);
                case FloatValueSyntax f: return new TomlNode(f.Value, location);
                case BooleanValueSyntax b: return new TomlNode(b.Value, location);
                case ArraySyntax a:
                    var items = new List<TomlNode>();
                    foreach (var item in a.Items)
                    {
                        var node = FromSyntax(path, item.Value, errors);
                        if (node != null) items.Add(node);
                    }
                    return new TomlNode(items, location);
                case InlineTableSyntax t:
                    var table = new TomlTableNode(location, errors);
                    foreach (var item in t.Items)
                    {
                        if (item.KeyValue is { } kv) table.Add(path, kv);
                    }
                    foreach (var dup in table.Duplicates) errors?.Add(new SchemaError(SchemaErrors.Malformed, $"field '{dup.Key}' is defined twice in this table", dup.Value));
                    return new TomlNode(table, location);
                case DateTimeValueSyntax d:
                    return new TomlNode(d.ToString().Trim(), location);
                default:
                    return null;
            }
        }
    }

    /// <summary>A TOML table: fields in file order, with locations.</summary>
    internal sealed class TomlTableNode
    {
        public TomlTableNode(SchemaLocation location, List<SchemaError>? errors = null)
        {
            Location = location;
            Errors = errors;
        }

        /// <summary>Where problems found while building the table go (duplicate fields).</summary>
        public List<SchemaError>? Errors { get; }

        public SchemaLocation Location { get; }

        public List<KeyValuePair<string, TomlNode>> Fields { get; } = new List<KeyValuePair<string, TomlNode>>();

        public Dictionary<string, SchemaLocation> KeyLocations { get; } = new Dictionary<string, SchemaLocation>();

        /// <summary>Fields defined twice in one table, with the location of the second definition.</summary>
        public List<KeyValuePair<string, SchemaLocation>> Duplicates { get; } = new List<KeyValuePair<string, SchemaLocation>>();

        public void Add(string path, KeyValueSyntax kv)
        {
            var name = KeyText(kv.Key);
            var node = TomlNode.FromSyntax(path, kv.Value, Errors);
            if (name.Length == 0 || node is null) return;
            if (KeyLocations.ContainsKey(name))
            {
                Duplicates.Add(new KeyValuePair<string, SchemaLocation>(name, TomlNode.LocationOf(path, kv.Key)));
                return;
            }
            Fields.Add(new KeyValuePair<string, TomlNode>(name, node));
            KeyLocations[name] = TomlNode.LocationOf(path, kv.Key);
        }

        public static string KeyText(KeySyntax? key)
        {
            var text = key?.ToString() ?? "";
            return text.Trim().Trim('"', '\'');
        }

        internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
