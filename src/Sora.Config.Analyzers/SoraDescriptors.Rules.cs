// Generated from schema/rules.toml by src/Sora.Config.SchemaGen; do not edit. Regenerate: dotnet run --project src/Sora.Config.SchemaGen
using Microsoft.CodeAnalysis;

namespace Sora.Config.Analyzers
{
    /// <summary>One descriptor per rule of schema/rules.toml. IDs, categories and default severities are constants so
    /// release tracking (RS2000–RS2008) can check them.</summary>
    internal static partial class SoraDescriptors
    {
        public static readonly DiagnosticDescriptor SORA0001 = new DiagnosticDescriptor("SORA0001", Title("SORA0001"), Message, Categories.Validity, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("SORA0001"), HelpLink("SORA0001"));

        public static readonly DiagnosticDescriptor SORA0002 = new DiagnosticDescriptor("SORA0002", Title("SORA0002"), Message, Categories.Validity, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("SORA0002"), HelpLink("SORA0002"));

        public static readonly DiagnosticDescriptor SORA0003 = new DiagnosticDescriptor("SORA0003", Title("SORA0003"), Message, Categories.Validity, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("SORA0003"), HelpLink("SORA0003"));

        public static readonly DiagnosticDescriptor SORA0004 = new DiagnosticDescriptor("SORA0004", Title("SORA0004"), Message, Categories.Validity, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA0004"), HelpLink("SORA0004"));

        public static readonly DiagnosticDescriptor SORA0005 = new DiagnosticDescriptor("SORA0005", Title("SORA0005"), Message, Categories.Validity, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA0005"), HelpLink("SORA0005"));

        public static readonly DiagnosticDescriptor SORA0006 = new DiagnosticDescriptor("SORA0006", Title("SORA0006"), Message, Categories.Validity, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("SORA0006"), HelpLink("SORA0006"));

        public static readonly DiagnosticDescriptor SORA0007 = new DiagnosticDescriptor("SORA0007", Title("SORA0007"), Message, Categories.Validity, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("SORA0007"), HelpLink("SORA0007"));

        public static readonly DiagnosticDescriptor SORA0008 = new DiagnosticDescriptor("SORA0008", Title("SORA0008"), Message, Categories.Validity, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("SORA0008"), HelpLink("SORA0008"));

        public static readonly DiagnosticDescriptor SORA0009 = new DiagnosticDescriptor("SORA0009", Title("SORA0009"), Message, Categories.Validity, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA0009"), HelpLink("SORA0009"));

        public static readonly DiagnosticDescriptor SORA0010 = new DiagnosticDescriptor("SORA0010", Title("SORA0010"), Message, Categories.Validity, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA0010"), HelpLink("SORA0010"));

        public static readonly DiagnosticDescriptor SORA0011 = new DiagnosticDescriptor("SORA0011", Title("SORA0011"), Message, Categories.Validity, DiagnosticSeverity.Info, isEnabledByDefault: true, Description("SORA0011"), HelpLink("SORA0011"));

        public static readonly DiagnosticDescriptor SORA0012 = new DiagnosticDescriptor("SORA0012", Title("SORA0012"), Message, Categories.Validity, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA0012"), HelpLink("SORA0012"));

        public static readonly DiagnosticDescriptor SORA1001 = new DiagnosticDescriptor("SORA1001", Title("SORA1001"), Message, Categories.Production, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA1001"), HelpLink("SORA1001"));

        public static readonly DiagnosticDescriptor SORA1002 = new DiagnosticDescriptor("SORA1002", Title("SORA1002"), Message, Categories.Production, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA1002"), HelpLink("SORA1002"));

        public static readonly DiagnosticDescriptor SORA1003 = new DiagnosticDescriptor("SORA1003", Title("SORA1003"), Message, Categories.Production, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA1003"), HelpLink("SORA1003"));

        public static readonly DiagnosticDescriptor SORA1004 = new DiagnosticDescriptor("SORA1004", Title("SORA1004"), Message, Categories.Production, DiagnosticSeverity.Info, isEnabledByDefault: true, Description("SORA1004"), HelpLink("SORA1004"));

        public static readonly DiagnosticDescriptor SORA1005 = new DiagnosticDescriptor("SORA1005", Title("SORA1005"), Message, Categories.Production, DiagnosticSeverity.Info, isEnabledByDefault: true, Description("SORA1005"), HelpLink("SORA1005"));

        public static readonly DiagnosticDescriptor SORA1006 = new DiagnosticDescriptor("SORA1006", Title("SORA1006"), Message, Categories.Production, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA1006"), HelpLink("SORA1006"));

        public static readonly DiagnosticDescriptor SORA1007 = new DiagnosticDescriptor("SORA1007", Title("SORA1007"), Message, Categories.Production, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA1007"), HelpLink("SORA1007"));

        public static readonly DiagnosticDescriptor SORA1008 = new DiagnosticDescriptor("SORA1008", Title("SORA1008"), Message, Categories.Production, DiagnosticSeverity.Info, isEnabledByDefault: true, Description("SORA1008"), HelpLink("SORA1008"));

        public static readonly DiagnosticDescriptor SORA1009 = new DiagnosticDescriptor("SORA1009", Title("SORA1009"), Message, Categories.Production, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("SORA1009"), HelpLink("SORA1009"));

        public static readonly DiagnosticDescriptor SORA1010 = new DiagnosticDescriptor("SORA1010", Title("SORA1010"), Message, Categories.Production, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA1010"), HelpLink("SORA1010"));

        public static readonly DiagnosticDescriptor SORA1011 = new DiagnosticDescriptor("SORA1011", Title("SORA1011"), Message, Categories.Production, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA1011"), HelpLink("SORA1011"));

        public static readonly DiagnosticDescriptor SORA1012 = new DiagnosticDescriptor("SORA1012", Title("SORA1012"), Message, Categories.Production, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA1012"), HelpLink("SORA1012"));

        public static readonly DiagnosticDescriptor SORA1013 = new DiagnosticDescriptor("SORA1013", Title("SORA1013"), Message, Categories.Production, DiagnosticSeverity.Info, isEnabledByDefault: true, Description("SORA1013"), HelpLink("SORA1013"));

        public static readonly DiagnosticDescriptor SORA2001 = new DiagnosticDescriptor("SORA2001", Title("SORA2001"), Message, Categories.Compatibility, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA2001"), HelpLink("SORA2001"));

        public static readonly DiagnosticDescriptor SORA2002 = new DiagnosticDescriptor("SORA2002", Title("SORA2002"), Message, Categories.Compatibility, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("SORA2002"), HelpLink("SORA2002"));

        private static DiagnosticDescriptor[] All() => new[]
        {
            SORA0001,
            SORA0002,
            SORA0003,
            SORA0004,
            SORA0005,
            SORA0006,
            SORA0007,
            SORA0008,
            SORA0009,
            SORA0010,
            SORA0011,
            SORA0012,
            SORA1001,
            SORA1002,
            SORA1003,
            SORA1004,
            SORA1005,
            SORA1006,
            SORA1007,
            SORA1008,
            SORA1009,
            SORA1010,
            SORA1011,
            SORA1012,
            SORA1013,
            SORA2001,
            SORA2002,
        };
    }
}
