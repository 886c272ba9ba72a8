using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Syntax;
using Sora.Config.Values;

namespace Sora.Config.CodeGeneration
{
    /// <summary>One reading of a configuration section into a generated object (<see cref="SoraConfBinding.ReadConfiguration"/>).
    /// The section's direct children are the settings. Each becomes a sora.conf entry: the key mapped to its sora.conf name,
    /// the value trimmed as Sora trims a file's value (a bool key also takes <c>True</c>/<c>False</c>, which is how the JSON
    /// provider passes JSON's <c>true</c>/<c>false</c> on). The entries then go through the same typed readers as a file
    /// (<see cref="ISoraConfBinding.Apply"/>) and the same entry checks (<see cref="SoraConfEvaluator"/>).</summary>
    internal sealed class ConfigurationReader<TSection>
    {
        private readonly Func<TSection, IEnumerable<TSection>> children;
        private readonly Func<TSection, string> path;
        private readonly Func<TSection, string?> value;
        private readonly ISoraConfBinding target;
        private readonly SoraCatalog catalog;
        private readonly string version;

        // Per written setting that an entry check might report on (the file fast path's screen): the entry the checks
        // see. pathByKey holds where every setting was written.
        private readonly List<Entry> entries = new List<Entry>();
        private readonly Dictionary<string, string> pathByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<SoraConfDiagnostic> problems = new List<SoraConfDiagnostic>();
        private List<KeyValuePair<string, SoraValueError>>? refused;

        public ConfigurationReader(Func<TSection, IEnumerable<TSection>> children, Func<TSection, string> path, Func<TSection, string?> value,
            ISoraConfBinding target, SoraCatalog catalog, string version)
        {
            this.children = children;
            this.path = path;
            this.value = value;
            this.target = target;
            this.catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            this.version = version ?? throw new ArgumentNullException(nameof(version));
        }

        public SoraConfSectionReading Read(TSection section)
        {
            var sectionPath = path(section) ?? "";
            int prefix = sectionPath.Length == 0 ? 0 : sectionPath.Length + 1;
            var keys = target.BindingKeys;
            var index = SoraKeyIndex.For(keys);
            var names = ConfigurationKeyNames.For(catalog);
            var screens = EntryScreens.For(catalog);
            var keyScreens = screens.ForKeys(keys);
            foreach (var child in children(section))
            {
                var childPath = path(child);
                var written = childPath.Length > prefix ? childPath.Substring(prefix) : childPath;
                var info = names.Find(written);
                var name = info?.Name ?? written;
                if (pathByKey.TryGetValue(name, out var first))
                {
                    // Both spellings of one key (api_port and ApiPort): which one was meant cannot be told, so neither is guessed.
                    problems.Add(Invalid(name, childPath, SoraText.Format(
                        "it is also set as {0}; set it under one name only",
                        "{0} としても設定されています。どちらか一方の名前だけで設定してください", first)));
                    continue;
                }
                var text = Text(child, childPath, info, out var problem);
                if (problem != null)
                {
                    pathByKey[name] = childPath;
                    problems.Add(Invalid(name, childPath, problem));
                    continue;
                }
                if (text is null) continue;
                pathByKey[name] = childPath;
                if (info is null && value(child) is null)
                {
                    // An unknown key holding a section: the checks report the key; there is no value to keep.
                    entries.Add(new Entry(name, ""));
                    continue;
                }
                int known = info is null ? -1 : index.IndexOf(name.AsSpan());
                SoraValueError? error = null;
                if (known < 0)
                {
                    // Unknown to the schema, or a key the class has no property for (not in its Sora version): kept, as a file's.
                    target.UnknownKeys.AddParsed(name, text);
                }
                else if ((error = target.Apply(known, text.AsSpan())) != null)
                {
                    (refused ??= new List<KeyValuePair<string, SoraValueError>>()).Add(new KeyValuePair<string, SoraValueError>(name, error));
                }
                // The per-key screens are for values the class accepted; a refused one is asked of every check. A
                // configuration value may hold a carriage return, which the per-key screens do not look for (it is refused above).
                bool flag = known >= 0 && error is null ? keyScreens.MayReport(known, text.AsSpan()) : screens.MayReport(info, info != null && info.ExistsIn(version), text.AsSpan());
                if (flag) entries.Add(new Entry(name, text));
            }
            return new SoraConfSectionReading(sectionPath, Diagnose(sectionPath), pathByKey);
        }

        /// <summary>The setting's sora.conf text: the value, or a list's items joined; null when the child sets nothing (an
        /// empty JSON array or object). <paramref name="problem"/> says why the child cannot be a value.</summary>
        private string? Text(TSection child, string childPath, SoraKeyInfo? info, out SoraText? problem)
        {
            problem = null;
            var text = value(child);
            bool list = info?.Type == SoraValueType.List;
            if (text != null && !list) return Checked(text, info, out problem);
            var items = new List<string>();
            bool section = false;
            foreach (var item in children(child))
            {
                var itemPath = path(item);
                var itemValue = value(item);
                var position = itemPath.Length > childPath.Length ? itemPath.Substring(childPath.Length + 1) : itemPath;
                if (itemValue is null || !int.TryParse(position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int at) || at != items.Count)
                {
                    section = true;
                    break;
                }
                items.Add(itemValue);
            }
            if (info is null) return text ?? (section || items.Count > 0 ? "" : null);
            if (section)
            {
                problem = SoraText.Same("a configuration section, not a value");
                return null;
            }
            if (items.Count == 0) return text is null ? null : Checked(text, info, out problem);
            if (!list)
            {
                problem = SoraText.Format("an array, but {0} takes one value", "配列ですが、{0} は値を一つだけ取ります", info.Name);
                return null;
            }
            if (text != null)
            {
                problem = SoraText.Same("set both as a value and as an array");
                return null;
            }
            for (int i = 0; i < items.Count; i++)
            {
                var item = Trim(items[i]);
                if (item.Length == 0 || item.IndexOf(',') >= 0 || item.IndexOf(' ') >= 0)
                {
                    // sora.conf separates items with commas and spaces: such an item would be read as another number of items.
                    problem = SoraText.Format("item {0} is empty or contains a comma or a space, which separate list items in sora.conf",
                        "項目 {0} が空か、sora.conf でリストの区切りとなるカンマか空白を含んでいます", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return null;
                }
                items[i] = item;
            }
            return Checked(string.Join(",", items), info, out problem);
        }

        /// <summary>The value as Sora reads a file's: trimmed; one that a file cannot hold (a line break, a NUL) is refused.</summary>
        private static string? Checked(string text, SoraKeyInfo? info, out SoraText? problem)
        {
            text = Trim(text);
            problem = null;
            // A JSON boolean reaches configuration as .NET spells it; sora.conf's own spelling is lowercase only.
            if (info?.Type == SoraValueType.Bool && (text == "True" || text == "False")) return text == "True" ? "true" : "false";
            if (text.IndexOfAny(LineBreakOrNul) < 0) return text;
            var shown = info?.IsSecret == true ? "the (secret) value" : "the value";
            problem = SoraText.Format("{0} contains a line break or a NUL character, which a sora.conf value cannot hold",
                "{0}に sora.conf の値が保持できない改行または NUL 文字が含まれています", shown);
            return null;
        }

        private static readonly char[] LineBreakOrNul = { '\n', '\r', '\0' };

        private static string Trim(string text)
        {
            int s = 0, e = text.Length;
            while (s < e && KvconfScanner.IsTrimmed(text[s])) s++;
            while (e > s && KvconfScanner.IsTrimmed(text[e - 1])) e--;
            return s == 0 && e == text.Length ? text : text.Substring(s, e - s);
        }

        /// <summary>The entry checks on what was written, located by configuration path; then the values the class refused
        /// that the checks accept (as a file's Parse reports them), and what could not be read as a value at all.</summary>
        private IReadOnlyList<SoraConfDiagnostic> Diagnose(string sectionPath)
        {
            var found = new List<SoraConfDiagnostic>();
            // Entry checks report only on entries, and only screened ones are here: none, nothing to evaluate.
            if (entries.Count > 0)
            {
                var options = new SoraConfEvaluationOptions { Catalog = catalog, SoraVersion = version };
                foreach (var d in SoraConfEvaluator.EvaluateScope(entries, options, SoraRuleScope.Entry))
                {
                    found.Add(d.WithPath(SoraConfSectionReading.PathOf(sectionPath, pathByKey, d.Key)));
                }
            }
            if (refused != null)
            {
                foreach (var pair in refused)
                {
                    if (found.Exists(d => d.Key == pair.Key && d.Severity == SoraConfSeverity.Error)) continue;
                    found.Add(Invalid(pair.Key, pathByKey[pair.Key], pair.Value.Text));
                }
            }
            found.AddRange(problems);
            return found;
        }

        /// <summary>A finding of the catalogue's <c>value</c> rule (SORA0003) at a configuration path.</summary>
        private SoraConfDiagnostic Invalid(string key, string at, SoraText? detail)
        {
            foreach (var rule in catalog.Rules)
            {
                if (rule.Check.Kind != "value") continue;
                return new SoraConfDiagnostic(rule, rule.DefaultSeverity, new SoraMessageArguments(key: key, detail: detail), key, SoraFindingTarget.Value, path: at);
            }
            throw new InvalidOperationException("The catalogue has no rule of kind 'value'.");
        }
    }

    /// <summary>A catalogue's keys by the names a configuration key may use: the sora.conf name or the property name,
    /// case-insensitively as configuration keys are (a name wins over another key's property name).</summary>
    internal sealed class ConfigurationKeyNames
    {
        private static readonly ConditionalWeakTable<SoraCatalog, ConfigurationKeyNames> Cache = new ConditionalWeakTable<SoraCatalog, ConfigurationKeyNames>();

        private readonly Dictionary<string, SoraKeyInfo> byName = new Dictionary<string, SoraKeyInfo>(StringComparer.OrdinalIgnoreCase);

        private ConfigurationKeyNames(SoraCatalog catalog)
        {
            foreach (var key in catalog.Keys) byName[key.PropertyName] = key;
            foreach (var key in catalog.Keys) byName[key.Name] = key;
        }

        public static ConfigurationKeyNames For(SoraCatalog catalog) => Cache.GetValue(catalog, c => new ConfigurationKeyNames(c));

        public SoraKeyInfo? Find(string written) => byName.TryGetValue(written, out var key) ? key : null;
    }
}
