using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Sora.Config.Schema.Loading
{
    /// <summary>Semantic checks of a merged schema: types, ranges, versions and the keys rules refer to.
    /// Value spellings are checked lightly here; the runtime's codecs re-check every default in tests.</summary>
    internal static class SchemaValidator
    {
        private static readonly Regex IntervalText = new Regex(@"^[+-]?[0-9_]+ +(ms|s|min|h)$", RegexOptions.CultureInvariant);
        private static readonly Regex IntegerText = new Regex(@"^[+-]?[0-9]+$", RegexOptions.CultureInvariant);

        public static void Validate(SchemaModel schema, Dictionary<string, SchemaLocation> located, List<SchemaError> errors)
        {
            var fallback = new SchemaLocation("schema", 1, 1);
            SchemaLocation At(string id) => located.TryGetValue(id, out var l) ? l : fallback;
            void Fail(string id, string message) => errors.Add(new SchemaError(SchemaErrors.Malformed, message, At(id)));

            int previous = -1;
            foreach (var v in schema.Versions)
            {
                int ordinal = SchemaNames.VersionOrdinal(v.Name);
                if (ordinal < 0) errors.Add(new SchemaError(SchemaErrors.Malformed, $"version '{v.Name}' is not of the form YYYY.N", fallback));
                else if (ordinal <= previous) errors.Add(new SchemaError(SchemaErrors.Malformed, $"version '{v.Name}' is out of order; list versions oldest first", fallback));
                previous = Math.Max(previous, ordinal);
            }

            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var key in schema.Keys) ValidateKey(key, properties, At, Fail, errors);

            var keyNames = new HashSet<string>(schema.Keys.Select(k => k.Name), StringComparer.Ordinal);
            foreach (var rule in schema.Rules) ValidateRule(rule, keyNames, Fail);
        }

        private static void ValidateKey(KeyModel key, Dictionary<string, string> properties, Func<string, SchemaLocation> at, Action<string, string> fail, List<SchemaError> errors)
        {
            var id = key.Name;
            if (!SchemaNames.IsValidKeyName(id))
            {
                errors.Add(new SchemaError(SchemaErrors.InvalidKeyName,
                    $"key name '{id}' cannot become a C# property: use lowercase ASCII letters, digits and '_', starting with a letter", at(id)));
            }
            else
            {
                var property = SchemaNames.PascalCase(id);
                if (properties.TryGetValue(property, out var other))
                {
                    errors.Add(new SchemaError(SchemaErrors.InvalidKeyName,
                        $"keys '{other}' and '{id}' both become the C# property '{property}'; rename one of them", at(id)));
                }
                else properties.Add(property, id);
            }

            if (Array.IndexOf(SchemaNames.KeyTypes, key.Type) < 0)
            {
                fail(id, $"key '{id}' has unknown type '{key.Type}'; expected one of {string.Join(", ", SchemaNames.KeyTypes)}");
                return;
            }

            var valueType = key.Type;
            if (key.Type == "list")
            {
                if (key.ItemType is null || Array.IndexOf(SchemaNames.ListItemTypes, key.ItemType) < 0)
                    fail(id, $"list key '{id}' needs item_type = one of {string.Join(", ", SchemaNames.ListItemTypes)}");
                else valueType = key.ItemType;
            }
            else if (key.ItemType != null) fail(id, $"key '{id}' has item_type but is not a list");

            if (valueType == "enum" && key.Candidates.Count == 0) fail(id, $"enum key '{id}' needs candidates");
            if (valueType != "enum" && key.Candidates.Count != 0) fail(id, $"key '{id}' has candidates but is not an enum");

            if (key.Type == "interval")
            {
                if (key.Units.Count == 0) fail(id, $"interval key '{id}' needs units");
                foreach (var unit in key.Units)
                    if (Array.IndexOf(SchemaNames.Units, unit) < 0) fail(id, $"key '{id}' has unknown unit '{unit}'; expected ms, s, min or h");
                if (key.DefaultUnit is null || !key.Units.Contains(key.DefaultUnit)) fail(id, $"interval key '{id}' needs a default_unit listed in its units");
            }
            else if (key.Units.Count != 0 || key.DefaultUnit != null) fail(id, $"key '{id}' has units but is not an interval");

            foreach (var bound in new[] { key.Min, key.Max })
            {
                if (bound is null) continue;
                bool ok = key.Type switch
                {
                    "int" or "port" => IntegerText.IsMatch(bound),
                    "float" => double.TryParse(bound, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
                    "interval" => IntervalText.IsMatch(bound),
                    _ => false,
                };
                if (!ok) fail(id, $"key '{id}' has a range bound '{bound}' that does not fit its type {key.Type}");
            }

            foreach (var (label, version) in new[] { ("since", key.Since), ("deprecated", key.Deprecated), ("removed", key.Removed) })
            {
                if (version != null && SchemaNames.VersionOrdinal(version) < 0) fail(id, $"key '{id}' has {label} = '{version}', which is not of the form YYYY.N");
            }
            if (key.Since != null && key.Removed != null && SchemaNames.VersionOrdinal(key.Since) >= SchemaNames.VersionOrdinal(key.Removed))
                fail(id, $"key '{id}' is removed ({key.Removed}) no later than it appears ({key.Since})");

            if (key.Format != null && Array.IndexOf(SchemaNames.Formats, key.Format) < 0)
                fail(id, $"key '{id}' has format '{key.Format}'; expected one of {string.Join(", ", SchemaNames.Formats)}");
            if (key.Format != null && key.Type != "string" && key.Type != "url" && !(key.Type == "list" && key.ItemType == "string"))
                fail(id, $"key '{id}' has a format but is of type '{key.Type}'; a format refines a string, a url or a list of strings");

            var facts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fact in key.InferredFacts)
            {
                if (Array.IndexOf(SchemaNames.KeyFacts, fact) < 0)
                    fail(id, $"key '{id}' lists '{fact}' in inferred_facts; expected some of {string.Join(", ", SchemaNames.KeyFacts)}");
                else if (!facts.Add(fact))
                    fail(id, $"key '{id}' lists '{fact}' twice in inferred_facts");
            }
            bool hasReason = !string.IsNullOrWhiteSpace(key.Inferred);
            if (key.InferredFacts.Count > 0 && !hasReason)
                fail(id, $"key '{id}' has inferred_facts but no 'inferred' text; say what is inferred and why");
            if (key.Inferred != null && key.InferredFacts.Count == 0)
                fail(id, $"key '{id}' has an 'inferred' text but no inferred_facts; list which of {string.Join(", ", SchemaNames.KeyFacts)} are inferred");

            CheckDefault(key, key.Default, fail);
            foreach (var d in key.DefaultBefore)
            {
                if (SchemaNames.VersionOrdinal(d.Version) < 0) fail(id, $"key '{id}' has a default_before version '{d.Version}' that is not of the form YYYY.N");
                CheckDefault(key, d.Value, fail);
            }
        }

        private static void CheckDefault(KeyModel key, string? value, Action<string, string> fail)
        {
            if (value is null) return;
            bool ok = key.Type switch
            {
                "bool" => value == "true" || value == "false",
                "int" or "port" => IntegerText.IsMatch(value),
                "interval" => IntervalText.IsMatch(value) && key.Units.Contains(value.Substring(value.LastIndexOf(' ') + 1)),
                "enum" => key.Candidates.Contains(value),
                _ => true,
            };
            if (!ok) fail(key.Name, $"key '{key.Name}' has default '{value}', which is not a valid {key.Type} value");
        }

        private static bool HasWideChar(string text)
        {
            foreach (var c in text)
            {
                if (c > '\u00FF') return true;
            }
            return false;
        }

        /// <summary>SORA3xxx and the deployment check kinds go together; a deployment rule has the limits its kind needs,
        /// C# examples (a deployment is C#, evaluated by running it) and text examples that are excerpts of the bundle,
        /// each starting with a <c># &lt;file&gt;</c> line naming the bundle file.</summary>
        private static void ValidateDeployment(RuleModel rule, Action<string, string> fail)
        {
            var id = rule.Id;
            var check = rule.Check;
            bool deploymentKind = Array.IndexOf(SchemaNames.DeploymentCheckKinds, check.Kind) >= 0;
            bool deploymentId = id.StartsWith("SORA3", StringComparison.Ordinal);
            if (deploymentKind != deploymentId)
            {
                fail(id, deploymentKind
                    ? $"rule '{id}' has the deployment check kind '{check.Kind}'; deployment rules are SORA3xxx"
                    : $"rule '{id}' is a SORA3xxx deployment rule, so its check kind must be one of {string.Join(", ", SchemaNames.DeploymentCheckKinds)}");
                return;
            }
            var limits = deploymentKind ? Shared.SoraNames.DeploymentLimits(check.Kind) ?? "" : "";
            foreach (var (name, value) in new[] { ("min", check.Min), ("max", check.Max) })
            {
                bool needed = limits.Contains(name);
                if (needed && value is null) fail(id, $"rule '{id}' of kind '{check.Kind}' needs check.{name}");
                if (!needed && value != null) fail(id, $"rule '{id}' of kind '{check.Kind}' takes no check.{name}");
                if (!needed || value is null) continue;
                bool ok = check.Kind.StartsWith("nginx_", StringComparison.Ordinal)
                    ? Version.TryParse(value, out _)
                    : long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
                if (!ok) fail(id, $"rule '{id}' has check.{name} = '{value}', which is not {(check.Kind.StartsWith("nginx_", StringComparison.Ordinal) ? "an nginx version such as 1.11.5" : "a whole number")}");
            }
            if (!deploymentKind) return;
            bool fileOnly = Array.IndexOf(SchemaNames.FileDeploymentCheckKinds, check.Kind) >= 0;
            if (!fileOnly && (rule.CSharpBad is null || rule.CSharpGood is null)) fail(id, $"deployment rule '{id}' needs csharp_bad and csharp_good: a deployment is C# that the tests run");
            if (fileOnly && (rule.CSharpBad != null || rule.CSharpGood != null)) fail(id, $"deployment rule '{id}' of kind '{check.Kind}' is about files an operator wrote, which the typed model never renders: it takes no csharp_bad or csharp_good");
            foreach (var (name, text) in new[] { ("example_bad", rule.ExampleBad), ("example_good", rule.ExampleGood) })
            {
                if (!text.StartsWith("# ", StringComparison.Ordinal) || text.IndexOf('\n') < 3)
                    fail(id, $"deployment rule '{id}' has a {name} that does not start with a '# <file>' line naming the bundle file it is an excerpt of");
            }
        }

        private static void ValidateRule(RuleModel rule, HashSet<string> keys, Action<string, string> fail)
        {
            var id = rule.Id;
            if (!SchemaNames.IsValidRuleId(id)) fail(id, $"rule id '{id}' must be SORA0xxx, SORA1xxx, SORA2xxx or SORA3xxx (SORA9xxx is reserved for the SDK)");
            if (Array.IndexOf(SchemaNames.Severities, rule.Severity) < 0) fail(id, $"rule '{id}' has severity '{rule.Severity}'; expected error, warning or info");
            if (rule.ExampleEncoding != null && rule.ExampleEncoding != "latin1")
                fail(id, $"rule '{id}' has example_encoding '{rule.ExampleEncoding}'; the only one is latin1 (each character one byte, for bytes that are not UTF-8)");
            if (rule.ExampleEncoding == "latin1" && (HasWideChar(rule.ExampleBad) || HasWideChar(rule.ExampleGood)))
                fail(id, $"rule '{id}' has example_encoding latin1 but an example holds a character above U+00FF");
            if (rule.AcceptedSeverity != null && Array.IndexOf(SchemaNames.Severities, rule.AcceptedSeverity) < 0)
                fail(id, $"rule '{id}' has accepted_severity '{rule.AcceptedSeverity}'; expected error, warning or info");
            foreach (var v in new[] { rule.AppliesFrom, rule.AppliesUntil })
                if (v != null && SchemaNames.VersionOrdinal(v) < 0) fail(id, $"rule '{id}' names version '{v}', which is not of the form YYYY.N");

            var check = rule.Check;
            if (Array.IndexOf(SchemaNames.CheckKinds, check.Kind) < 0)
            {
                fail(id, $"rule '{id}' has check kind '{check.Kind}'; expected one of {string.Join(", ", SchemaNames.CheckKinds)}");
                return;
            }

            ValidateDeployment(rule, fail);

            void Known(string? key, string role)
            {
                if (key != null && !keys.Contains(key)) fail(id, $"rule '{id}' refers to unknown key '{key}' in {role}");
            }

            Known(check.At, "check.at");
            foreach (var k in check.Keys) Known(k, "check.keys");
            foreach (var p in check.When) Known(p.Key, "check.when");
            foreach (var l in check.Listeners)
            {
                Known(l.Key, "a listener");
                Known(l.RangeMin, "a listener range");
                Known(l.RangeMax, "a listener range");
                foreach (var p in l.When) Known(p.Key, "a listener's when");
                if ((l.Key is null) == (l.RangeMin is null)) fail(id, $"a listener of rule '{id}' needs either 'key' or 'range'");
            }

            foreach (var fix in rule.Fixes) Known(fix.Key, "fixes");

            switch (check.Kind)
            {
                case "condition":
                    if (check.At is null || check.When.Count == 0) fail(id, $"condition rule '{id}' needs 'at' and a non-empty 'when'");
                    break;
                case "each":
                    if (check.Keys.Count == 0 || check.Test is null || Array.IndexOf(SchemaNames.EachTests, check.Test) < 0)
                        fail(id, $"each rule '{id}' needs 'keys' and a 'test' among {string.Join(", ", SchemaNames.EachTests)}");
                    break;
                case "distinct_ports":
                    if (check.Listeners.Count < 2) fail(id, $"distinct_ports rule '{id}' needs at least two listeners");
                    break;
            }
        }
    }
}
