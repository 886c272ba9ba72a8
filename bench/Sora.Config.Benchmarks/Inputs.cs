using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Sora.Config;
using Sora.Config.Catalog;
using Sora.Config.Values;

namespace Sora.Config.Benchmarks
{
    /// <summary>The benchmark inputs, generated deterministically from the bundled catalog so every run
    /// (and every machine) measures the same bytes. <c>dotnet run -c Release -- write-inputs</c> writes
    /// them to Inputs/ for people to look at; the benchmarks themselves use the in-memory copies.</summary>
    public sealed class Inputs
    {
        public const int KeyCount = 60;

        private Inputs(IReadOnlyList<KeyValuePair<string, string>> settings, IReadOnlyList<string> typeNames, string soraConf, string ini, string toml, IReadOnlyList<string> notes)
        {
            Settings = settings;
            TypeNames = typeNames;
            SoraConf = soraConf;
            Ini = ini;
            Toml = toml;
            Notes = notes;
        }

        /// <summary>The 60 key/value pairs, in schema order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Settings { get; }

        public IReadOnlyList<string> TypeNames { get; }

        public string SoraConf { get; }

        public string Ini { get; }

        public string Toml { get; }

        /// <summary>What the generator had to decide (shown by write-inputs).</summary>
        public IReadOnlyList<string> Notes { get; }

        public static Inputs Create()
        {
            var catalog = SoraCatalog.Default;
            var newest = catalog.NewestVersion;
            var notes = new List<string>();

            // Keys valid in the newest version first (schema order), then keys that still exist but are
            // deprecated or legacy switches (SORA2002). The catalog holds fewer than 60 of those, so the rest
            // are keys older Sora versions knew (a file carried over from an older release, SORA2001).
            var current = catalog.Keys.Where(k => k.ExistsIn(newest) && !k.IsDeprecatedIn(newest)).ToList();
            var deprecated = catalog.Keys.Where(k => k.ExistsIn(newest) && k.IsDeprecatedIn(newest)).ToList();
            var older = catalog.Keys.Where(k => !k.ExistsIn(newest)).ToList();
            var chosen = current.Concat(deprecated).Concat(older).Take(KeyCount).ToList();
            notes.Add($"Sora {newest}: {current.Count} current keys, {deprecated.Count} deprecated/legacy keys, {older.Count} removed keys in the catalog; "
                + $"the file uses {Math.Min(current.Count, KeyCount)} + {Math.Min(deprecated.Count, Math.Max(0, KeyCount - current.Count))} + {Math.Max(0, KeyCount - current.Count - deprecated.Count)}.");
            chosen = catalog.Keys.Where(chosen.Contains).ToList(); // back to schema order
            if (chosen.Count != KeyCount) throw new InvalidOperationException($"Only {chosen.Count} keys available for the benchmark input.");

            var settings = new List<KeyValuePair<string, string>>();
            var typeNames = new List<string>();
            foreach (var key in chosen)
            {
                settings.Add(new KeyValuePair<string, string>(key.Name, ValueFor(key, newest)));
                typeNames.Add(key.TypeName);
            }

            return new Inputs(settings, typeNames, BuildSoraConf(chosen, settings), BuildIni(chosen, settings), BuildToml(chosen, settings), notes);
        }

        /// <summary>Values a careful production config would hold, so the file is realistic and the
        /// production rules stay quiet: loopback-only API and signaling, pinned addresses, TURN FQDN.</summary>
        private static readonly Dictionary<string, string> Production = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["api_loopback_address_only"] = "true",
            ["signaling_loopback_address_only"] = "true",
            ["ipv4_address"] = "192.0.2.10",
            ["ipv6_address"] = "2001:db8::10",
            ["turn_fqdn"] = "turn.example.com",
            ["turn_tls_fqdn"] = "turn.example.com",
            ["turn_tls_port"] = "5349",
            ["auth_webhook_log"] = "true",
            ["webhook_basic_authn_user_id"] = "sora",
            ["webhook_basic_authn_password"] = "s3cret-benchmark-only",
        };

        /// <summary>Production override, else the version's default, else the schema example, else a
        /// synthesized value of the right type; always checked with the library's own codec.</summary>
        private static string ValueFor(SoraKeyInfo key, string version)
        {
            var candidates = new List<string?>();
            if (Production.TryGetValue(key.Name, out var chosen)) candidates.Add(chosen);
            candidates.Add(key.DefaultFor(version));
            candidates.Add(key.Example);
            candidates.Add(Synthesize(key));
            foreach (var c in candidates)
            {
                if (!string.IsNullOrEmpty(c) && SoraValueCodec.TryParse(key, c!, out _, out _)) return c!;
            }
            throw new InvalidOperationException($"No valid benchmark value for {key.Name} ({key.TypeName}).");
        }

        private static string Synthesize(SoraKeyInfo key) => (key.ItemType ?? key.Type) switch
        {
            SoraValueType.Bool => "false",
            SoraValueType.Int => key.Min ?? "1",
            SoraValueType.Port => "8443",
            SoraValueType.Float => "1.0",
            SoraValueType.Enum => key.Candidates.Count > 0 ? key.Candidates[0] : "",
            SoraValueType.Interval => "30 s",
            SoraValueType.Ipv4 => "192.0.2.10",
            SoraValueType.Ipv6 => "2001:db8::10",
            SoraValueType.Url => "http://127.0.0.1:8080/sora/" + key.Name.Replace('_', '/'),
            SoraValueType.String when key.Format == "host_name" => "sora.example.com",
            SoraValueType.String when key.Format == "path" => "/var/lib/sora/" + key.Name,
            _ => "sora-" + key.Name.Replace('_', '-'),
        };

        private static IEnumerable<string> CommentLines(SoraKeyInfo key)
        {
            // Three lines per key, as a commented sample config has them: English, Japanese, type/default.
            yield return key.Description.English;
            yield return key.Description.Japanese;
            var def = key.Default is null ? "none" : key.Default;
            yield return $"type: {key.TypeName}, default: {def}";
        }

        private static string BuildSoraConf(List<SoraKeyInfo> keys, List<KeyValuePair<string, string>> settings)
        {
            var sb = new StringBuilder();
            sb.Append("# sora.conf generated for Sora.Config's benchmarks (60 keys).\n");
            for (int i = 0; i < keys.Count; i++)
            {
                sb.Append('\n');
                foreach (var line in CommentLines(keys[i])) sb.Append("# ").Append(line).Append('\n');
                sb.Append(settings[i].Key).Append(" = ").Append(settings[i].Value).Append('\n');
            }
            return sb.ToString();
        }

        private static string BuildIni(List<SoraKeyInfo> keys, List<KeyValuePair<string, string>> settings)
        {
            var sb = new StringBuilder();
            sb.Append("; INI equivalent of sora.conf for Microsoft.Extensions.Configuration.Ini (60 keys).\n");
            for (int i = 0; i < keys.Count; i++)
            {
                sb.Append('\n');
                int n = 0;
                foreach (var line in CommentLines(keys[i])) sb.Append(n++ % 2 == 0 ? "; " : "# ").Append(line).Append('\n');
                sb.Append(settings[i].Key).Append(" = ").Append(settings[i].Value).Append('\n');
            }
            return sb.ToString();
        }

        private static string BuildToml(List<SoraKeyInfo> keys, List<KeyValuePair<string, string>> settings)
        {
            var sb = new StringBuilder();
            sb.Append("# TOML equivalent of sora.conf for Tomlyn (60 keys).\n");
            for (int i = 0; i < keys.Count; i++)
            {
                sb.Append('\n');
                foreach (var line in CommentLines(keys[i])) sb.Append("# ").Append(line).Append('\n');
                sb.Append(settings[i].Key).Append(" = ").Append(TomlValue(keys[i], settings[i].Value)).Append('\n');
            }
            return sb.ToString();
        }

        private static string TomlValue(SoraKeyInfo key, string value)
        {
            switch (key.Type)
            {
                case SoraValueType.Bool:
                    return value; // true / false are TOML booleans as they are
                case SoraValueType.Int:
                case SoraValueType.Port:
                    return long.Parse(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                default:
                    var sb = new StringBuilder(value.Length + 2).Append('"');
                    foreach (char c in value)
                    {
                        if (c == '"' || c == '\\') sb.Append('\\');
                        sb.Append(c);
                    }
                    return sb.Append('"').ToString();
            }
        }
    }
}
