namespace Sora.Config.Analyzers.Tests;

/// <summary>Test sources: a [GeneratedSoraConf] class and a method that builds it.</summary>
internal static class Sources
{
    /// <summary>Initializer elements that satisfy every rule that fires on defaults (SORA1001, 1002, 1004, 1008).</summary>
    public const string Safe = "ApiLoopbackAddressOnly = true, SignalingLoopbackAddressOnly = true, Ipv4Address = IPAddress.Parse(\"10.0.0.10\"), TurnFqdn = \"turn.sora.internal\"";

    /// <summary>A source whose method creates <c>conf</c> with <see cref="Safe"/> plus <paramref name="elements"/>
    /// (which start with ", ") and then runs <paramref name="statements"/>.</summary>
    public static string Conf(string elements, string statements = "", string attribute = "[GeneratedSoraConf]") =>
        "using System;\n" +
        "using System.Net;\n" +
        "using Sora.Config;\n" +
        attribute + " public partial class ProductionConf { }\n" +
        "class C\n" +
        "{\n" +
        "    ProductionConf M(bool flag, bool? maybe, IPAddress address, Uri uri)\n" +
        "    {\n" +
        "        var conf = new ProductionConf { " + Safe + elements + " };\n" +
        statements +
        "        return conf;\n" +
        "    }\n" +
        "}\n";
}
