// Shared source: compiled into Sora.Config.Schema, Sora.Config.Generator and the Sora.Config runtime, so that every
// component spells versions, property names, enum members, types and units the same way. Internal in each assembly.
using System;
using System.Text;

namespace Sora.Config.Shared
{
    /// <summary>The names the schema, the generator and the runtime must agree on.</summary>
    internal static class SoraNames
    {
        /// <summary>The schema's key types — kvconf's value types (docs/grammar.md#type-mapping) — in the order of the
        /// runtime's <c>SoraValueType</c> enum. A host name, origin or path is a <c>string</c> with a <c>format</c>.</summary>
        public static readonly string[] KeyTypes =
        {
            "bool", "int", "port", "float", "string", "enum", "interval", "ipv4", "ipv6", "url", "list",
            "pem_fullchain_file", "pem_cert_file", "pem_privkey_file",
        };

        /// <summary>Refinements of a <c>string</c> key (<c>format</c>): checks on top of kvconf's type, reported as
        /// questionable values (Sora accepts the value, but it cannot work as intended), never as invalid ones.</summary>
        public static readonly string[] Formats = { FormatHostName, FormatOrigin, FormatPath };

        /// <summary>A DNS host name without a trailing dot (TURN and cluster names, what clients resolve).</summary>
        public const string FormatHostName = "host_name";

        /// <summary>A browser origin: scheme, host and optional port, nothing else.</summary>
        public const string FormatOrigin = "origin";

        /// <summary>A file system path.</summary>
        public const string FormatPath = "path";

        /// <summary>The facts about a key that the schema marks as confirmed or inferred (<c>inferred_facts</c>), in the
        /// order of the runtime's <c>SoraKeyFacts</c> flags (bit <c>1 &lt;&lt; index</c>).</summary>
        public static readonly string[] KeyFacts = { "name", "type", "default", "versions" };

        /// <summary>The Japanese words for <see cref="KeyFacts"/>, in the same order.</summary>
        public static readonly string[] KeyFactsJa = { "キー名", "型", "既定値", "バージョン" };

        /// <summary>"name, type confirmed; default, versions inferred" for the given inferred facts (schema spellings),
        /// in English and Japanese; facts are always listed in <see cref="KeyFacts"/> order.</summary>
        public static (string English, string Japanese) Confidence(System.Collections.Generic.IEnumerable<string> inferredFacts)
        {
            var inferred = new System.Collections.Generic.HashSet<string>(inferredFacts, StringComparer.Ordinal);
            var confirmedEn = new System.Collections.Generic.List<string>();
            var inferredEn = new System.Collections.Generic.List<string>();
            var confirmedJa = new System.Collections.Generic.List<string>();
            var inferredJa = new System.Collections.Generic.List<string>();
            for (int i = 0; i < KeyFacts.Length; i++)
            {
                bool isInferred = inferred.Contains(KeyFacts[i]);
                (isInferred ? inferredEn : confirmedEn).Add(KeyFacts[i]);
                (isInferred ? inferredJa : confirmedJa).Add(KeyFactsJa[i]);
            }
            var en = new System.Collections.Generic.List<string>();
            if (confirmedEn.Count > 0) en.Add(string.Join(", ", confirmedEn) + " confirmed");
            if (inferredEn.Count > 0) en.Add(string.Join(", ", inferredEn) + " inferred");
            var ja = new System.Collections.Generic.List<string>();
            if (confirmedJa.Count > 0) ja.Add(string.Join("・", confirmedJa) + "は確認済み");
            if (inferredJa.Count > 0) ja.Add(string.Join("・", inferredJa) + "は推定");
            return (string.Join("; ", en), string.Join("、", ja));
        }

        /// <summary>The item types a <c>list</c> key may have.</summary>
        public static readonly string[] ListItemTypes = { "string", "enum", "ipv4", "ipv6" };

        /// <summary>The interval units of sora.conf, in the order of the runtime's <c>SoraTimeUnit</c> enum.</summary>
        public static readonly string[] Units = { "ms", "s", "min", "h" };

        /// <summary>Check kinds that look at the file itself: its lines, bytes and comments (a typed object has none).</summary>
        public static readonly string[] FileCheckKinds = { "invalid_line", "duplicate_key", "byte_order_mark", "rejected_whitespace", "encoding", "suppression" };

        /// <summary>Check kinds that look at one written setting on its own.</summary>
        public static readonly string[] EntryCheckKinds = { "value", "unknown_key", "unlisted_key", "inline_comment", "placeholder", "questionable_value" };

        /// <summary>Check kinds that look at the configuration as a whole: effective values, versions, cross-key conditions.</summary>
        public static readonly string[] ConfigurationCheckKinds = { "version", "deprecated", "condition", "each", "distinct_ports" };

        /// <summary>Check kinds that look at a deployment around Sora (SORA3xxx): what nginx listens on and routes where, the
        /// systemd unit, kernel settings, certificates, the nodes of a cluster, together with each host's sora.conf. They
        /// run only on a deployment's facts (<c>SoraDeploymentEvaluator</c>), never on a sora.conf alone.</summary>
        public static readonly string[] DeploymentCheckKinds =
        {
            "turn_tcp_upstream", "turn_url_ports", "turn_layout", "tls_host_names", "certificate_names", "certificate_unchecked",
            "max_connections", "fd_limit_too_small", "fd_limit_unbounded", "nginx_version", "nginx_quit_sockets", "proxy_bypass",
            "api_unauthenticated", "host_ports", "deployment_placeholder", "runs_as_root", "sysctl_order",
            "cluster_size", "cluster_even_size", "cluster_duplicates", "cluster_port_ranges", "cluster_membership",
            "deployment_file", "preread_missing", "proxy_protocol_hops", "signaling_proxy", "unit_exec_start", "unit_restart",
            "unit_start_limit_section",
        };

        /// <summary>The deployment check kinds that only files an operator wrote can trigger (<c>sora-conf lint --nginx</c>,
        /// <c>--systemd-unit</c>, <c>--sysctl</c>, <c>--host</c>): the typed model always renders these parts right, so their
        /// rules carry no C# examples, and their examples are excerpts of the operator's files.</summary>
        public static readonly string[] FileDeploymentCheckKinds =
        {
            "deployment_file", "preread_missing", "proxy_protocol_hops", "signaling_proxy", "unit_exec_start", "unit_restart",
            "unit_start_limit_section",
        };

        /// <summary>The deployment check kinds that need <c>check.min</c> and/or <c>check.max</c> (a number, or an nginx
        /// version for the nginx kinds): "min", "max" or "min,max".</summary>
        public static string? DeploymentLimits(string kind) => kind switch
        {
            "max_connections" or "fd_limit_unbounded" => "max",
            "nginx_version" or "nginx_quit_sockets" => "min",
            "cluster_size" => "min,max",
            _ => null,
        };

        /// <summary>Every check kind of the rule catalogue (<c>check.kind</c> in rules.toml). The runtime's evaluator has
        /// exactly one implementation per kind and dispatches on this name; the schema loader refuses any other.</summary>
        public static readonly string[] CheckKinds = Concat(FileCheckKinds, EntryCheckKinds, ConfigurationCheckKinds, DeploymentCheckKinds);

        /// <summary>The tests an <c>each</c> check can run on a key's value.</summary>
        public static readonly string[] EachTests = { "plain_http_to_non_loopback" };

        /// <summary>A Sora version as an ordinal: <c>YYYY.N</c> (N of one or two digits) → YYYY*100+N. A patch level
        /// (<c>YYYY.N.P</c>, digits) is accepted and ignored unless <paramref name="releaseLineOnly"/>; anything else is -1.</summary>
        public static int VersionOrdinal(string? version, bool releaseLineOnly = false)
        {
            if (version is null || version.Length < 6 || version[4] != '.') return -1;
            int year = 0;
            for (int i = 0; i < 4; i++)
            {
                if (version[i] < '0' || version[i] > '9') return -1;
                year = year * 10 + (version[i] - '0');
            }
            int p = 5, n = 0;
            for (; p < version.Length && version[p] != '.'; p++)
            {
                if (version[p] < '0' || version[p] > '9' || p - 5 == 2) return -1;
                n = n * 10 + (version[p] - '0');
            }
            if (p == 5) return -1;
            if (p < version.Length)
            {
                if (releaseLineOnly || p + 1 == version.Length) return -1;
                for (int i = p + 1; i < version.Length; i++)
                {
                    if (version[i] < '0' || version[i] > '9') return -1;
                }
            }
            return year * 100 + n;
        }

        /// <summary>The release line of a version (<c>2024.2.1</c> → <c>2024.2</c>); null when malformed.</summary>
        public static string? ReleaseLine(string? version)
        {
            int ordinal = VersionOrdinal(version);
            return ordinal < 0 ? null : (ordinal / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + (ordinal % 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>A range's first version as an ordinal; none (null) is open: every version is at or after it.</summary>
        public static int LowerBound(string? since) => since is null ? int.MinValue : VersionOrdinal(since);

        /// <summary>A range's end (removed, deprecated) as an ordinal; none (null) is open: no version reaches it.</summary>
        public static int UpperBound(string? removed) => removed is null ? int.MaxValue : VersionOrdinal(removed);

        /// <summary>True when a key with these bounds exists in <paramref name="version"/>: <c>since &lt;= version &lt; removed</c>.</summary>
        public static bool ExistsIn(string? since, string? removed, string version) =>
            ExistsIn(LowerBound(since), UpperBound(removed), VersionOrdinal(version));

        /// <summary><see cref="ExistsIn(string?, string?, string)"/> on ordinals (<see cref="LowerBound"/>, <see cref="UpperBound"/>),
        /// for callers that ask about many keys in one version.</summary>
        public static bool ExistsIn(int since, int removed, int version) => since <= version && version < removed;

        /// <summary>True when a key is deprecated in <paramref name="version"/> (a legacy migration switch always is).</summary>
        public static bool IsDeprecatedIn(string? deprecated, bool legacy, string version) =>
            IsDeprecatedIn(UpperBound(deprecated), legacy, VersionOrdinal(version));

        /// <summary><see cref="IsDeprecatedIn(string?, bool, string)"/> on ordinals.</summary>
        public static bool IsDeprecatedIn(int deprecated, bool legacy, int version) => legacy || deprecated <= version;

        /// <summary>The C# property of a key: <c>api_loopback_address_only</c> → <c>ApiLoopbackAddressOnly</c>.</summary>
        public static string PascalCase(string key)
        {
            // Each part between underscores starts with a capital; the underscores go.
            var sb = new StringBuilder(key.Length);
            bool upper = true;
            foreach (char c in key)
            {
                if (c == '_')
                {
                    upper = true;
                    continue;
                }
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            return sb.ToString();
        }

        /// <summary>The C# enum member of a candidate spelling: <c>h264</c> → <c>H264</c>, <c>vp9-profile2</c> → <c>Vp9Profile2</c>.</summary>
        public static string EnumMember(string candidate)
        {
            var sb = new StringBuilder();
            bool upper = true;
            foreach (var c in candidate)
            {
                if (char.IsLetterOrDigit(c) && c < 128)
                {
                    sb.Append(upper ? char.ToUpperInvariant(c) : c);
                    upper = false;
                }
                else
                {
                    upper = true;
                }
            }
            if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
            return sb.ToString();
        }

        /// <summary>The C# enum type generated for an enum key: <c>video_codec_type</c> → <c>VideoCodecTypeOption</c>.</summary>
        public static string EnumType(string key) => PascalCase(key) + "Option";

        private static string[] Concat(params string[][] parts)
        {
            var all = new System.Collections.Generic.List<string>();
            foreach (var part in parts) all.AddRange(part);
            return all.ToArray();
        }

        /// <summary>The position of <paramref name="name"/> in <paramref name="names"/>, or -1.</summary>
        public static int IndexOf(string[] names, string name) => Array.IndexOf(names, name);
    }
}
