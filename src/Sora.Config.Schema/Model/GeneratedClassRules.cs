using System;
using System.Collections.Generic;
using System.Linq;
using Sora.Config.Shared;

namespace Sora.Config.Schema
{
    /// <summary>A reason the generator emits nothing for a <c>[GeneratedSoraConf]</c> class: a SORA9xxx usage ID and the
    /// arguments of its message (the descriptors, with the message formats, live with the component that reports).</summary>
    public sealed class GeneratedClassProblem
    {
        public GeneratedClassProblem(string id, params string[] arguments)
        {
            Id = id;
            Arguments = arguments;
        }

        public string Id { get; }

        public IReadOnlyList<string> Arguments { get; }

        public override string ToString() => Id + "(" + string.Join(", ", Arguments) + ")";
    }

    /// <summary>The generator's decision for one class: the version it targets when it emits the class, else the problems
    /// (none when the schema itself has errors: those are reported in the schema files, SORA9002–9004).</summary>
    public sealed class GeneratedClassVerdict
    {
        internal static readonly GeneratedClassVerdict SchemaHasErrors = new GeneratedClassVerdict(null, Array.Empty<GeneratedClassProblem>());

        internal GeneratedClassVerdict(string? version, IReadOnlyList<GeneratedClassProblem> problems)
        {
            Version = version;
            Problems = problems;
        }

        /// <summary>The release line the class targets; null when the generator emits nothing for it.</summary>
        public string? Version { get; }

        public IReadOnlyList<GeneratedClassProblem> Problems { get; }

        public bool Emits => Version is not null;
    }

    /// <summary>Whether the generator emits a <c>[GeneratedSoraConf]</c> class, decided in one place over plain values:
    /// the generator calls it on its equatable class model (and emits or not), the analyzers on the class's symbol
    /// (and report the problems at the class in source, where <c>#pragma</c> and <c>[SuppressMessage]</c> apply).</summary>
    public static class GeneratedClassRules
    {
        /// <summary>The class, or a type containing it, is not partial.</summary>
        public const string NotPartialId = "SORA9001";

        /// <summary><c>SoraVersion</c> is malformed or not a version the schema knows.</summary>
        public const string UnknownVersionId = "SORA9005";

        /// <summary>The compilation has no schema files.</summary>
        public const string NoSchemaId = "SORA9007";

        /// <summary>The class declares a member named like one the generator would emit.</summary>
        public const string MemberClashId = "SORA9008";

        /// <summary>The third argument of SORA9008 for a member that is not a key's property.</summary>
        public const string GeneratedMemberKey = "(generated member)";

        public const string MalformedVersion = "not of the form YYYY.N";

        public const string UnknownVersion = "not a Sora version the schema knows";

        /// <summary>The members every generated class gets besides one property per key (a declared member of such a name
        /// clashes), <see cref="ConfigurationMembers"/> included.</summary>
        public static IReadOnlyList<string> FixedMembers { get; } = new[] { "TargetSoraVersion", "UnknownKeys", "Parse", "TryParse", "Load", "Save", "Serialize", "Validate", "ToSettings", "FromConfiguration", "TryFromConfiguration" };

        /// <summary>The fixed members emitted only when the compilation references Microsoft.Extensions.Configuration's
        /// abstractions. They are reserved all the same, so adding that reference never turns a class's generation off.</summary>
        public static IReadOnlyList<string> ConfigurationMembers { get; } = new[] { "FromConfiguration", "TryFromConfiguration" };

        /// <summary>The verdict for one class.</summary>
        /// <param name="className">The class's name (SORA9007, SORA9008).</param>
        /// <param name="notPartialName">The class or the first containing type that is not partial; null when all are.</param>
        /// <param name="soraVersion">The attribute's <c>SoraVersion</c>; null when not set (the newest version is targeted).</param>
        /// <param name="declares">Whether the class's own code declares a member of a name.</param>
        /// <param name="hasSchema">Whether the compilation has schema files at all.</param>
        /// <param name="schemaHasErrors">Whether they have errors (then nothing is emitted and nothing is said of the class).</param>
        /// <param name="versions">The schema's versions, oldest first.</param>
        /// <param name="keys">The schema's keys with the versions that bound them.</param>
        public static GeneratedClassVerdict Decide(
            string className,
            string? notPartialName,
            string? soraVersion,
            Func<string, bool> declares,
            bool hasSchema,
            bool schemaHasErrors,
            IReadOnlyList<string> versions,
            IEnumerable<(string Name, string? Since, string? Removed)> keys)
        {
            if (notPartialName is not null) return Problem(new GeneratedClassProblem(NotPartialId, notPartialName));
            if (!hasSchema) return Problem(new GeneratedClassProblem(NoSchemaId, className));
            if (schemaHasErrors) return GeneratedClassVerdict.SchemaHasErrors;

            var version = ResolveVersion(soraVersion, versions, out var problem);
            if (version is null) return Problem(new GeneratedClassProblem(UnknownVersionId, soraVersion ?? "", problem, string.Join(", ", versions)));

            var clashes = Clashes(keys, version, declares).Select(c => new GeneratedClassProblem(MemberClashId, className, c.Member, c.Key)).ToList();
            return clashes.Count > 0 ? new GeneratedClassVerdict(null, clashes) : new GeneratedClassVerdict(version, Array.Empty<GeneratedClassProblem>());
        }

        private static GeneratedClassVerdict Problem(GeneratedClassProblem problem) => new GeneratedClassVerdict(null, new[] { problem });

        /// <summary>The targeted version: the release line of <paramref name="soraVersion"/> (<c>YYYY.N</c>; a patch level
        /// <c>YYYY.N.P</c> is read as its release line), or the newest known when it is null; null (and why) when it is
        /// malformed or unknown.</summary>
        public static string? ResolveVersion(string? soraVersion, IReadOnlyList<string> versions, out string problem)
        {
            problem = "";
            if (soraVersion is null) return versions.Count == 0 ? "" : versions[versions.Count - 1];
            var line = SoraNames.ReleaseLine(soraVersion);
            if (line is null)
            {
                problem = MalformedVersion;
                return null;
            }
            if (!versions.Contains(line, StringComparer.Ordinal))
            {
                problem = UnknownVersion;
                return null;
            }
            return line;
        }

        /// <summary>The declared members that clash with a generated one: a key's property (keys that exist in
        /// <paramref name="version"/>, in schema order), then the fixed members.</summary>
        public static IEnumerable<(string Member, string Key)> Clashes(IEnumerable<(string Name, string? Since, string? Removed)> keys, string version, Func<string, bool> declares)
        {
            foreach (var key in keys)
            {
                if (!SoraNames.ExistsIn(key.Since, key.Removed, version)) continue;
                var name = SoraNames.PascalCase(key.Name);
                if (declares(name)) yield return (name, key.Name);
            }
            foreach (var member in FixedMembers)
            {
                if (declares(member)) yield return (member, GeneratedMemberKey);
            }
        }
    }
}
