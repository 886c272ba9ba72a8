namespace Sora.Config.Tests.Shared;

/// <summary>Schema text the tests of several projects give as a project's own schema file.</summary>
internal static class SchemaSamples
{
    /// <summary>A key of the project's own (a boolean, off by default): unknown to the bundled schema.</summary>
    public const string FutureKey =
        "[[key]]\nname = \"future_switch\"\ntype = \"bool\"\ndefault = \"false\"\ncategory = \"x\"\ndescription = \"d\"\ndescription_ja = \"d\"\nsource = \"https://example.com\"\n";
}
