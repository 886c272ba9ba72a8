using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using Sora.Config.Generator.Model;
using Sora.Config.Schema;
using Sora.Config.Shared;

namespace Sora.Config.Generator.Emit
{
    /// <summary>Model → C# for one [GeneratedSoraConf] class. Knows nothing of Roslyn symbols.</summary>
    internal static class ClassEmitter
    {
        private const string B = "global::Sora.Config.CodeGeneration.SoraConfBinding";
        private const string Pair = "global::System.Collections.Generic.KeyValuePair<string, string>";

        // The public members emitted besides one property per key are listed in GeneratedClassRules.FixedMembers: a
        // declared member of such a name keeps the class from being emitted (SORA9008). A generator test compares them.

        public static SourceText Emit(ClassModel model, SchemaModel schema, string version, bool customSchema, string? buildProfile = null)
        {
            var keys = schema.Keys.Where(k => Exists(k, version)).ToList();
            // Each key's property name is used by several members: worked out once.
            var names = new string[keys.Count];
            for (int i = 0; i < keys.Count; i++) names[i] = SoraNames.PascalCase(keys[i].Name);
            var w = new CodeWriter();
            SourceHeader.Write(w);
            if (model.Namespace != null) w.Open("namespace " + model.Namespace);
            foreach (var container in model.ContainingTypes) w.Open("partial " + container);

            var self = model.Name + model.TypeParameters;
            w.Line("/// <summary>Typed sora.conf for Sora " + version + " (" + keys.Count + " keys), generated from the schema.</summary>");
            w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Sora.Config.Generator\", \"" + typeof(ClassEmitter).Assembly.GetName().Version + "\")]");
            w.Open("partial class " + self + " : global::Sora.Config.ISoraConf, global::Sora.Config.CodeGeneration.ISoraConfBinding");

            EmitStatics(w, keys, schema, version, customSchema);
            for (int i = 0; i < keys.Count; i++) EmitProperty(w, keys[i], names[i], i);
            EmitEnums(w, keys);
            EmitMembers(w, model, self, keys, names, version, ProfileName(model, buildProfile));

            w.Close();
            foreach (var _ in model.ContainingTypes) w.Close();
            if (model.Namespace != null) w.Close();
            return w.ToSourceText();
        }

        public static bool Exists(KeyModel k, string version) => SoraNames.ExistsIn(k.Since, k.Removed, version);

        private static void EmitStatics(CodeWriter w, List<KeyModel> keys, SchemaModel schema, string version, bool customSchema)
        {
            w.Line("/// <summary>The Sora version this class targets.</summary>");
            w.Line("public const string TargetSoraVersion = " + CodeWriter.Literal(version) + ";");
            w.Line();
            w.Line("private static readonly global::Sora.Config.Catalog.SoraCatalog __soraCatalog = " + CatalogEmitter.Reference(customSchema) + ";");
            w.Line("private static global::Sora.Config.Catalog.SoraKeyInfo[]? __soraKeys;");
            // The lookup is a method of its own so that the getter, read once per setting by Apply, stays small enough to inline.
            w.Line("private static global::Sora.Config.Catalog.SoraKeyInfo[] __SoraKeys => __soraKeys ?? __LookUpKeys();");
            w.Line("private static global::Sora.Config.Catalog.SoraKeyInfo[] __LookUpKeys() => __soraKeys = " + B + ".Keys(__soraCatalog" + string.Concat(keys.Select(k => ", " + CodeWriter.Literal(k.Name))) + ");");
            w.Line();
        }

        private static void EmitProperty(CodeWriter w, KeyModel key, string name, int index)
        {
            var type = ClrType(key);
            WriteDocs(w, key);
            w.Line("[global::Sora.Config.SoraKey(" + CodeWriter.Literal(key.Name) + ")]");
            w.Open("public " + type + "? " + name);
            w.Line("get => __" + name + ";");
            var check = key.Type switch
            {
                "bool" => "value",
                "enum" => "value",
                "int" or "port" or "float" or "interval" => B + ".Check(__SoraKeys[" + index + "], nameof(" + name + "), value)",
                _ => B + ".CheckRef(__SoraKeys[" + index + "], nameof(" + name + "), value)",
            };
            w.Line("set => __" + name + " = " + check + ";");
            w.Close();
            w.Line();
            w.Line("private " + type + "? __" + name + ";");
            w.Line();
        }

        private static void WriteDocs(CodeWriter w, KeyModel key)
        {
            w.Line("/// <summary>", Xml(key.Description), "</summary>");
            w.Line("/// <remarks>");
            w.Line("/// <para>", Xml(key.DescriptionJa), "</para>");
            var facts = new List<string>
            {
                "sora.conf key: <c>" + Xml(key.Name) + "</c>",
                "type: " + Xml(key.Type == "list" ? "list of " + key.ItemType : key.Type) + (key.Format is null ? "" : " (" + key.Format.Replace('_', ' ') + ")"),
                "default: " + (key.Default is null ? "not set" : "<c>" + Xml(key.Default) + "</c>"),
            };
            if (key.Min != null || key.Max != null) facts.Add("range: " + Xml((key.Min ?? "") + ".." + (key.Max ?? "")));
            if (key.Units.Count > 0) facts.Add("units: " + string.Join(", ", key.Units) + " (written in " + key.DefaultUnit + ")");
            if (key.Candidates.Count > 0) facts.Add("values: " + Xml(string.Join(", ", key.Candidates)));
            facts.Add("Sora versions: " + (key.Since is null ? "all known" : "from " + key.Since) + (key.Removed is null ? "" : ", removed in " + key.Removed)
                + (key.Deprecated is null ? "" : ", deprecated from " + key.Deprecated) + (key.Legacy ? " (migration switch)" : ""));
            if (key.Secret) facts.Add("secret: never shown in ToString() or messages");
            facts.Add(Confidence(key));
            w.Line("/// <para>", string.Join("; ", facts), ".</para>");
            w.Line("/// <para>Source: ", Xml(key.Source), "</para>");
            w.Line("/// </remarks>");
        }

        /// <summary>"confirmed: name, type; inferred: default, versions (why)": which facts a source confirms.</summary>
        private static string Confidence(KeyModel key)
        {
            var confirmed = new List<string>(SoraNames.KeyFacts.Length);
            var inferred = new List<string>(SoraNames.KeyFacts.Length);
            foreach (var fact in SoraNames.KeyFacts) (key.InferredFacts.Contains(fact) ? inferred : confirmed).Add(fact);
            var parts = new List<string>();
            if (confirmed.Count > 0) parts.Add("confirmed: " + string.Join(", ", confirmed));
            if (inferred.Count > 0) parts.Add("inferred: " + string.Join(", ", inferred) + (key.Inferred is null ? "" : " (" + Xml(key.Inferred.TrimEnd('.')) + ")"));
            return string.Join("; ", parts);
        }

        private static void EmitEnums(CodeWriter w, List<KeyModel> keys)
        {
            foreach (var key in keys.Where(k => k.Type == "enum" || k.ItemType == "enum"))
            {
                var enumName = SoraNames.EnumType(key.Name);
                w.Line("/// <summary>The values Sora accepts for <c>" + Xml(key.Name) + "</c>.</summary>");
                w.Open("public enum " + enumName);
                foreach (var c in key.Candidates)
                {
                    w.Line("/// <summary><c>" + Xml(c) + "</c></summary>");
                    w.Line(Member(c) + ",");
                }
                w.Close();
                w.Line();
                if (key.Type == "enum")
                {
                    // Apply matches a value against these spellings (never by position in the runtime's catalogue).
                    w.Line("private static readonly string[] __" + enumName + "Spellings = { " + string.Join(", ", key.Candidates.Select(c => CodeWriter.Literal(c))) + " };");
                    w.Line();
                }
                w.Open("private static string __Spell(" + enumName + " value)");
                w.Open("switch (value)");
                foreach (var c in key.Candidates) w.Line("case " + enumName + "." + Member(c) + ": return " + CodeWriter.Literal(c) + ";");
                w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a value of " + enumName + ".\");");
                w.Close();
                w.Close();
                w.Line();
                w.Open("private static " + enumName + " __Read" + enumName + "(object value)");
                w.Open("switch ((string)value)");
                foreach (var c in key.Candidates) w.Line("case " + CodeWriter.Literal(c) + ": return " + enumName + "." + Member(c) + ";");
                w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a value of " + enumName + ".\");");
                w.Close();
                w.Close();
                w.Line();
            }
        }

        private static void EmitMembers(CodeWriter w, ClassModel model, string self, List<KeyModel> keys, string[] names, string version, string profile)
        {
            w.Line("/// <summary>Settings this class has no property for (unknown to the schema, or absent from Sora " + version + "), in file order, so parsing then serializing loses no setting.</summary>");
            w.Line("public global::Sora.Config.SoraConfUnknownKeys UnknownKeys { get; } = new global::Sora.Config.SoraConfUnknownKeys();");
            w.Line();
            w.Line("string global::Sora.Config.ISoraConf.TargetSoraVersion => TargetSoraVersion;");
            w.Line();
            w.Line("global::Sora.Config.SoraConfProfile global::Sora.Config.ISoraConf.Profile => global::Sora.Config.SoraConfProfile." + profile + ";");
            w.Line();
            w.Line("global::Sora.Config.Catalog.SoraCatalog global::Sora.Config.ISoraConf.Catalog => __soraCatalog;");
            w.Line();

            w.Line("/// <summary>Parses sora.conf text. Throws <see cref=\"global::Sora.Config.SoraConfParseException\"/> with every diagnostic when Sora would refuse or misread it.</summary>");
            w.Open("public static " + self + " Parse(string text)");
            w.Line("var result = new " + self + "();");
            w.Line(B + ".Parse(text, result, __soraCatalog, TargetSoraVersion);");
            w.Line("return result;");
            w.Close();
            w.Line();
            w.Line("/// <summary>Parses sora.conf text; false (and every diagnostic) when Sora would refuse or misread it.</summary>");
            var notNullWhenTrue = model.HasNotNullWhen ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] " : "";
            w.Open("public static bool TryParse(string text, " + notNullWhenTrue + "out " + self + "? conf, out global::System.Collections.Generic.IReadOnlyList<global::Sora.Config.Diagnostics.SoraConfDiagnostic> diagnostics)");
            w.Line("var result = new " + self + "();");
            w.Open("if (!" + B + ".Read(text, result, __soraCatalog, TargetSoraVersion, out diagnostics))");
            w.Line("conf = null;");
            w.Line("return false;");
            w.Close();
            w.Line("conf = result;");
            w.Line("return true;");
            w.Close();
            w.Line();
            if (model.HasConfiguration) EmitFromConfiguration(w, model, self);
            w.Line("/// <summary>Reads a sora.conf file as Sora does (bytes, UTF-8 checked) and parses it.</summary>");
            w.Line("public static " + self + " Load(string path) => Parse(" + B + ".ReadFile(path, __soraCatalog, TargetSoraVersion));");
            w.Line();
            w.Line("/// <summary>Writes <see cref=\"Serialize\"/> atomically (temporary file, then rename): UTF-8 without BOM, LF. The file keeps its mode; a new file that holds a secret is created with mode 0600.</summary>");
            w.Line("public void Save(string path) => " + B + ".Save(path, ToSettings(), __soraCatalog);");
            w.Line();
            w.Line("/// <summary>sora.conf text: the keys that are set, in schema order, then the unknown keys.</summary>");
            w.Line("public string Serialize() => global::Sora.Config.Syntax.SoraConfWriter.Write(ToSettings());");
            w.Line();
            w.Line("/// <summary>Runs the rule catalogue on the settings and effective values (a key that is not set takes its Sora " + version + " default), with the " + profile + " profile this class was generated with.</summary>");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<global::Sora.Config.Diagnostics.SoraConfDiagnostic> Validate() => Validate(global::Sora.Config.SoraConfProfile." + profile + ");");
            w.Line();
            w.Line("/// <summary>Runs the rule catalogue on the settings and effective values, with <paramref name=\"profile\"/>.</summary>");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<global::Sora.Config.Diagnostics.SoraConfDiagnostic> Validate(global::Sora.Config.SoraConfProfile profile)");
            w.Line("    => " + B + ".Validate(ToSettings(), __soraCatalog, TargetSoraVersion, profile);");
            w.Line();

            w.Line("/// <summary>The settings that are set, as sora.conf text: schema order, then unknown keys.</summary>");
            w.Open("public global::System.Collections.Generic.IReadOnlyList<" + Pair + "> ToSettings()");
            w.Line("var settings = new global::System.Collections.Generic.List<" + Pair + ">();");
            for (int i = 0; i < keys.Count; i++)
            {
                w.Line("if (__" + names[i] + " is { } v" + i + ") settings.Add(new " + Pair + "(" + CodeWriter.Literal(keys[i].Name) + ", " + B + ".Format(__SoraKeys[" + i + "], " + FormatArg(keys[i], "v" + i) + ")));");
            }
            w.Line("foreach (var pair in UnknownKeys) settings.Add(pair);");
            w.Line("return settings;");
            w.Close();
            w.Line();

            if (!model.DeclaredMembers.Contains("ToString"))
            {
                w.Line("/// <summary>A one-line summary for logs; secret values are shown as ***.</summary>");
                w.Line("public override string ToString() => " + B + ".Describe(" + CodeWriter.Literal(model.Name) + ", TargetSoraVersion, ToSettings(), __soraCatalog);");
                w.Line();
            }

            w.Line("global::Sora.Config.Catalog.SoraKeyInfo[] global::Sora.Config.CodeGeneration.ISoraConfBinding.BindingKeys => __SoraKeys;");
            w.Line();
            w.Line("// The value is a span of the file: the typed readers cut a string only for values kept as strings or objects.");
            w.Open("global::Sora.Config.Values.SoraValueError? global::Sora.Config.CodeGeneration.ISoraConfBinding.Apply(int index, global::System.ReadOnlySpan<char> value)");
            if (keys.Count > 0) w.Line("global::Sora.Config.Values.SoraValueError? error;");
            w.Open("switch (index)");
            for (int i = 0; i < keys.Count; i++)
            {
                var k = keys[i];
                var field = "__" + names[i];
                var reader = k.Type switch
                {
                    "bool" => "ReadBool",
                    "int" => "ReadLong",
                    "port" => "ReadInt",
                    "float" => "ReadDouble",
                    "interval" => "ReadTimeSpan",
                    "ipv4" or "ipv6" => "ReadAddress",
                    "enum" => "ReadEnum",
                    _ => "Read",
                };
                // Enum members are declared in the order of the spellings array, so the matched index is the member's value.
                var assign = k.Type switch
                {
                    "enum" => "(" + SoraNames.EnumType(k.Name) + ")v" + i,
                    "bool" or "int" or "port" or "float" or "interval" or "ipv4" or "ipv6" => "v" + i,
                    _ => Convert(k, "v" + i + "!"),
                };
                var spellings = k.Type == "enum" ? "__" + SoraNames.EnumType(k.Name) + "Spellings, " : "";
                w.Line("case " + i + ": if ((error = " + B + "." + reader + "(__SoraKeys[" + i + "], value, " + spellings + "out var v" + i + ")) == null) " + field + " = " + assign + "; return error;");
            }
            w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(index));");
            w.Close();
            w.Close();
        }

        /// <summary>FromConfiguration/TryFromConfiguration, for a compilation that references Microsoft.Extensions.Configuration's
        /// abstractions. The runtime reads the section through three accessors (it does not depend on that package); the
        /// Sora.Config.Options package passes the same ones.</summary>
        private static void EmitFromConfiguration(CodeWriter w, ClassModel model, string self)
        {
            const string Configuration = "global::Microsoft.Extensions.Configuration.IConfiguration";
            const string Section = "global::Microsoft.Extensions.Configuration.IConfigurationSection";
            const string Reading = "global::Sora.Config.CodeGeneration.SoraConfSectionReading";
            w.Line("/// <summary>Reads a configuration section (appsettings.json, environment variables, user secrets, …): each key is a sora.conf key name or this class's property name, case-insensitively; each value is sora.conf text, read as in a file (JSON numbers and booleans too; an array for a list key). Throws <see cref=\"global::Sora.Config.SoraConfParseException\"/> with every error, each located by its configuration path (<c>Sora:api_port</c>).</summary>");
            w.Open("public static " + self + " FromConfiguration(" + Configuration + " section)");
            w.Line("var conf = new " + self + "();");
            w.Line("var reading = __ReadConfiguration(section, conf);");
            w.Line("if (reading.HasErrors) throw " + B + ".ConfigurationException(reading);");
            w.Line("return conf;");
            w.Close();
            w.Line();
            w.Line("/// <summary>Reads a configuration section as <see cref=\"FromConfiguration\"/> does; false (and every finding, each located by its configuration path) when a value cannot be read.</summary>");
            var notNullWhenTrue = model.HasNotNullWhen ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] " : "";
            w.Open("public static bool TryFromConfiguration(" + Configuration + " section, " + notNullWhenTrue + "out " + self + "? conf, out global::System.Collections.Generic.IReadOnlyList<global::Sora.Config.Diagnostics.SoraConfDiagnostic> diagnostics)");
            w.Line("var result = new " + self + "();");
            w.Line("var reading = __ReadConfiguration(section, result);");
            w.Line("diagnostics = reading.Diagnostics;");
            w.Open("if (reading.HasErrors)");
            w.Line("conf = null;");
            w.Line("return false;");
            w.Close();
            w.Line("conf = result;");
            w.Line("return true;");
            w.Close();
            w.Line();
            w.Line("private static " + Reading + " __ReadConfiguration(" + Configuration + " section, " + self + " target) =>");
            w.Line("    " + B + ".ReadConfiguration<" + Configuration + ">(section, s => s.GetChildren(), s => s is " + Section + " c ? c.Path : \"\", s => s is " + Section + " c ? c.Value : null, target, __soraCatalog, TargetSoraVersion);");
            w.Line();
        }

        /// <summary>The class's profile: its attribute's, else the build's SoraConfProfile, else Production. Fixed when the
        /// class is generated, so Validate(), the analyzers and build-time output agree on it.</summary>
        private static string ProfileName(ClassModel model, string? buildProfile) =>
            model.Profile is { } p ? (p == 1 ? "Development" : "Production")
            : string.Equals(buildProfile?.Trim(), "Development", System.StringComparison.OrdinalIgnoreCase) ? "Development" : "Production";

        private static string FormatArg(KeyModel key, string v) => key.Type switch
        {
            "enum" => "__Spell(" + v + ")",
            "list" when key.ItemType == "enum" => "global::System.Linq.Enumerable.ToList(global::System.Linq.Enumerable.Select(" + v + ", __Spell))",
            _ => v,
        };

        private static string Convert(KeyModel key, string o) => key.Type switch
        {
            "bool" => B + ".ToBool(" + o + ")",
            "float" => B + ".ToDouble(" + o + ")",
            "interval" => B + ".ToTimeSpan(" + o + ")",
            "ipv4" or "ipv6" => B + ".ToAddress(" + o + ")",
            "url" => B + ".ToUri(" + o + ")",
            "enum" => "__Read" + SoraNames.EnumType(key.Name) + "(" + o + ")",
            "list" => B + ".ToList(" + o + ", " + (key.ItemType switch
            {
                "ipv4" or "ipv6" => B + ".ToAddress",
                "enum" => "__Read" + SoraNames.EnumType(key.Name),
                _ => B + ".ToText",
            }) + ")",
            _ => B + ".ToText(" + o + ")",
        };

        public static string ClrType(KeyModel key) => key.Type switch
        {
            "bool" => "bool",
            // kvconf's integers have no fixed width: an int key is a long (a port always fits an int).
            "int" => "long",
            "port" => "int",
            "float" => "double",
            "interval" => "global::System.TimeSpan",
            "ipv4" or "ipv6" => "global::System.Net.IPAddress",
            "url" => "global::System.Uri",
            "enum" => SoraNames.EnumType(key.Name),
            "list" => "global::System.Collections.Generic.IReadOnlyList<" + key.ItemType switch
            {
                "ipv4" or "ipv6" => "global::System.Net.IPAddress",
                "enum" => SoraNames.EnumType(key.Name),
                _ => "string",
            } + ">",
            _ => "string",
        };

        /// <summary>An enum member name from a candidate spelling (shared with the analyzers, which match constants by it).</summary>
        public static string Member(string candidate) => SoraNames.EnumMember(candidate);

        private static string Xml(string text) =>
            text.IndexOfAny(XmlSpecial) < 0 ? text : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        private static readonly char[] XmlSpecial = { '&', '<', '>' };
    }
}
