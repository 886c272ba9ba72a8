using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Sora.Config.Catalog;
using Sora.Config.Schema;

namespace Sora.Config.Analyzers
{
    /// <summary>The SDK usage errors about a [GeneratedSoraConf] class (SORA9001, 9005, 9007, 9008), reported by
    /// <see cref="SoraConfUsageAnalyzer"/>. Titles and messages are those of src/Sora.Config.SchemaGen/UsageDiagnostics.cs
    /// (a test compares them); IDs, category and severity are constants so release tracking can check them.</summary>
    internal static class UsageDescriptors
    {
        /// <summary>SORA9xxx: SDK usage errors.</summary>
        public const string Category = "Sora.Config.Usage";

        public static readonly DiagnosticDescriptor SORA9001 = new DiagnosticDescriptor("SORA9001", "[GeneratedSoraConf] class must be partial",
            "The class '{0}' has [GeneratedSoraConf] but is not declared partial; add the 'partial' modifier so the generator can add its members",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("SORA9001"));

        public static readonly DiagnosticDescriptor SORA9005 = new DiagnosticDescriptor("SORA9005", "Unknown or malformed SoraVersion",
            "SoraVersion '{0}' is {1}; known versions: {2}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("SORA9005"));

        public static readonly DiagnosticDescriptor SORA9007 = new DiagnosticDescriptor("SORA9007", "No sora.conf schema found",
            "The class '{0}' has [GeneratedSoraConf] but the compilation has no sora.conf schema files; the Sora.Config package adds them unless SoraConfIncludeBundledSchema is false",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("SORA9007"));

        public static readonly DiagnosticDescriptor SORA9008 = new DiagnosticDescriptor("SORA9008", "Generated member clashes with a declared member",
            "The class '{0}' already declares a member named '{1}', which the generator would emit for the sora.conf key '{2}'; rename the member",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink("SORA9008"));

        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(SORA9001, SORA9005, SORA9007, SORA9008);

        /// <summary>The descriptor of each ID <see cref="GeneratedClassRules.Decide"/> may give.</summary>
        public static IReadOnlyDictionary<string, DiagnosticDescriptor> ById { get; } = new Dictionary<string, DiagnosticDescriptor>
        {
            [GeneratedClassRules.NotPartialId] = SORA9001,
            [GeneratedClassRules.UnknownVersionId] = SORA9005,
            [GeneratedClassRules.NoSchemaId] = SORA9007,
            [GeneratedClassRules.MemberClashId] = SORA9008,
        };

        private static string HelpLink(string id) => SoraCatalog.HelpUriFor(id).AbsoluteUri;
    }
}
