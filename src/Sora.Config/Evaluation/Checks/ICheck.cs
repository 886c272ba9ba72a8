using System.Collections.Generic;
using Sora.Config.Catalog;
using Sora.Config.Evaluation.Engine;
using Sora.Config.Syntax;

namespace Sora.Config.Evaluation.Checks
{
    /// <summary>The implementation of one check kind of the catalogue (<c>check.kind</c> in rules.toml). A check
    /// never knows the ID of the rule it runs for: every rule of its kind, bundled or from a project's schema,
    /// runs through it and reports under its own ID.</summary>
    internal interface ICheck
    {
        string Kind { get; }

        void Run(SoraRuleInfo rule, EvaluationRun run);
    }

    /// <summary>A check of one written setting that can say cheaply, without allocating, whether it might report
    /// anything for it: the typed fast path of generated classes evaluates only the settings some check might report
    /// on, through the same checks, so its findings equal the linter's. Must never answer false when the check would
    /// report.</summary>
    internal interface IEntryCheck : ICheck
    {
        /// <summary>False when the check reports nothing on any value this key accepts (null: a key the catalogue does not
        /// know) that holds no carriage return, so the typed fast path need not ask at all (<see cref="MayReport"/> may
        /// still say "maybe" for such a value: a screen errs that way). That path asks only
        /// about values the class has accepted, and never passes a carriage return: it leaves for the linter at one inside a
        /// line, and trimming removes the one before a line feed.</summary>
        bool Concerns(SoraKeyInfo? key);

        /// <param name="key">The catalogue's key, or null when the catalogue does not know it.</param>
        /// <param name="exists">The key exists in the targeted version.</param>
        /// <param name="value">The value as Sora reads it; the caller has already accepted it for its type.</param>
        bool MayReport(SoraKeyInfo? key, bool exists, System.ReadOnlySpan<char> value);
    }

    /// <summary>A check that reads comment lines, which the typed fast path passes over unread: it says what in them it
    /// reports on, so that a reader keeping its findings stops there and hands the file to the linter.</summary>
    internal interface ICommentCheck : ICheck
    {
        CommentMarks Marks { get; }
    }

    /// <summary>The implementation of one deployment check kind (SORA3xxx): it sees the whole deployment — every host's
    /// facts and sora.conf — and, like every check, never knows the ID of the rule it runs for.</summary>
    internal interface IDeploymentCheck
    {
        string Kind { get; }

        void Run(SoraRuleInfo rule, DeploymentRun run);
    }

    /// <summary>Every check kind, by name: the one place where evaluation dispatches.</summary>
    internal static class CheckRegistry
    {
        private static readonly Dictionary<string, IDeploymentCheck> DeploymentByKind = BuildDeployment(
            new TurnTcpUpstreamCheck(), new TurnUrlPortsCheck(), new TurnLayoutCheck(), new TlsHostNamesCheck(), new CertificateNamesCheck(),
            new CertificateUncheckedCheck(), new MaxConnectionsCheck(), new FdLimitTooSmallCheck(), new FdLimitUnboundedCheck(), new NginxVersionCheck(),
            new NginxQuitSocketsCheck(), new ProxyBypassCheck(), new ApiUnauthenticatedCheck(), new HostPortsCheck(), new DeploymentPlaceholderCheck(),
            new RunsAsRootCheck(), new SysctlOrderCheck(), new ClusterSizeCheck(), new ClusterEvenSizeCheck(), new ClusterDuplicatesCheck(),
            new ClusterPortRangesCheck(), new ClusterMembershipCheck(), new DeploymentFileCheck(), new PrereadMissingCheck(), new ProxyProtocolHopsCheck(),
            new SignalingProxyCheck(), new UnitExecStartCheck(), new UnitRestartCheck(), new UnitStartLimitSectionCheck());

        private static readonly Dictionary<string, ICheck> ByKind = Build(
            new InvalidLineCheck(), new DuplicateKeyCheck(), new ByteOrderMarkCheck(), new RejectedWhitespaceCheck(), new EncodingCheck(), new SuppressionCheck(),
            new ValueCheck(), UnknownKeyCheck.Misspelt, UnknownKeyCheck.Unlisted, new InlineCommentCheck(), new PlaceholderCheck(), new QuestionableValueCheck(),
            new VersionCheck(), new DeprecatedCheck(), new ConditionCheck(), new EachCheck(), new DistinctPortsCheck());

        /// <summary>The kinds implemented here (a test checks they are exactly the schema's).</summary>
        public static IEnumerable<string> Kinds => System.Linq.Enumerable.Concat(ByKind.Keys, DeploymentByKind.Keys);

        public static bool TryGet(string kind, out ICheck check) => ByKind.TryGetValue(kind, out check!);

        public static bool TryGetDeployment(string kind, out IDeploymentCheck check) => DeploymentByKind.TryGetValue(kind, out check!);

        private static Dictionary<string, IDeploymentCheck> BuildDeployment(params IDeploymentCheck[] checks)
        {
            var result = new Dictionary<string, IDeploymentCheck>(System.StringComparer.Ordinal);
            foreach (var check in checks) result.Add(check.Kind, check);
            return result;
        }

        private static Dictionary<string, ICheck> Build(params ICheck[] checks)
        {
            var result = new Dictionary<string, ICheck>(System.StringComparer.Ordinal);
            foreach (var check in checks) result.Add(check.Kind, check);
            return result;
        }
    }
}
