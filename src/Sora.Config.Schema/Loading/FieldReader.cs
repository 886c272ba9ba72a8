using System.Collections.Generic;
using System.Linq;

namespace Sora.Config.Schema.Loading
{
    /// <summary>Reads the fields of one schema table with type checks, and reports fields it
    /// does not know (a misspelt field would otherwise be silently ignored).</summary>
    internal sealed class FieldReader
    {
        private readonly TomlTableNode table;
        private readonly string what;
        private readonly List<SchemaError> errors;
        private readonly HashSet<string> used = new HashSet<string>();

        public FieldReader(TomlTableNode table, string what, List<SchemaError> errors)
        {
            this.table = table;
            this.what = what;
            this.errors = errors;
        }

        public SchemaLocation Location => table.Location;

        public TomlNode? Node(string name)
        {
            used.Add(name);
            foreach (var field in table.Fields)
            {
                if (field.Key == name) return field.Value;
            }
            return null;
        }

        public void Error(SchemaLocation at, string message) => errors.Add(new SchemaError(SchemaErrors.Malformed, message, at));

        public string Required(string name)
        {
            var value = Optional(name);
            if (value is null)
            {
                if (Node(name) is null) Error(table.Location, $"{what} has no '{name}' field");
                return "";
            }
            return value;
        }

        public string? Optional(string name)
        {
            var node = Node(name);
            if (node is null) return null;
            if (node.Value is string s) return s;
            Error(node.Location, $"'{name}' must be a string, not {node.Describe()}");
            return null;
        }

        /// <summary>An integer or a string (ranges: integers for numbers, "N unit" for intervals).</summary>
        public string? Scalar(string name)
        {
            var node = Node(name);
            if (node is null) return null;
            switch (node.Value)
            {
                case string s: return s;
                case long l: return TomlTableNode.Invariant(l);
                default:
                    Error(node.Location, $"'{name}' must be an integer or a string, not {node.Describe()}");
                    return null;
            }
        }

        public bool Flag(string name)
        {
            var node = Node(name);
            if (node is null) return false;
            if (node.Value is bool b) return b;
            Error(node.Location, $"'{name}' must be true or false, not {node.Describe()}");
            return false;
        }

        public EquatableArray<string> Strings(string name)
        {
            var node = Node(name);
            if (node is null) return EquatableArray<string>.Empty;
            if (node.Value is List<TomlNode> items)
            {
                var result = new List<string>();
                foreach (var item in items)
                {
                    if (item.Value is string s) result.Add(s);
                    else Error(item.Location, $"'{name}' must hold strings, not {item.Describe()}");
                }
                return EquatableArray.From(result);
            }
            Error(node.Location, $"'{name}' must be an array of strings, not {node.Describe()}");
            return EquatableArray<string>.Empty;
        }

        public IEnumerable<TomlTableNode> Tables(string name)
        {
            var node = Node(name);
            if (node is null) yield break;
            if (node.Value is not List<TomlNode> items)
            {
                Error(node.Location, $"'{name}' must be an array of inline tables, not {node.Describe()}");
                yield break;
            }
            foreach (var item in items)
            {
                if (item.Value is TomlTableNode t) yield return t;
                else Error(item.Location, $"'{name}' must hold inline tables, not {item.Describe()}");
            }
        }

        public TomlTableNode? Table(string name)
        {
            var node = Node(name);
            if (node is null) return null;
            if (node.Value is TomlTableNode t) return t;
            Error(node.Location, $"'{name}' must be a table, not {node.Describe()}");
            return null;
        }

        /// <summary>Reports every field that was never read.</summary>
        public void RejectUnknownFields()
        {
            foreach (var field in table.Fields.Where(f => !used.Contains(f.Key)))
            {
                var at = table.KeyLocations.TryGetValue(field.Key, out var loc) ? loc : field.Value.Location;
                Error(at, $"unknown field '{field.Key}' in {what} (see docs/schema-format.md)");
            }
        }
    }
}
