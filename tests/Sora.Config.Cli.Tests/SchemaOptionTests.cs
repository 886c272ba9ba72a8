using System.Text.Json;

namespace Sora.Config.Cli.Tests;

/// <summary><c>--schema</c>: extra schema files merged over the bundled schema, as a project's schema files are. With it,
/// their keys are known and their values checked; a broken file is a usage error (exit 2) that says where.</summary>
public class SchemaOptionTests
{
    /// <summary>(rule, message) of each finding that names the schema file's key.</summary>
    private static (string Id, string Message)[] AboutFutureSwitch(CliResult run)
    {
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("id").GetString()!, f.GetProperty("message").GetString()!))
            .Where(f => f.Item2.Contains("future_switch", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public void A_key_of_a_schema_file_is_known_and_its_values_checked_only_with_schema()
    {
        using var dir = new TempDir();
        dir.Write("sora.conf", "future_switch = true\n");
        dir.Write("wrong.conf", "future_switch = maybe\n");
        dir.Write("extra-keys.toml", SchemaSamples.FutureKey);

        // Unknown to the bundled schema: reported as a key Sora ignores.
        var without = SoraConfCli.RunIn(dir.Path, null, "lint", "--format", "json", "sora.conf");
        Assert.Contains("not a key of Sora", Assert.Single(AboutFutureSwitch(without)).Message);

        var with = SoraConfCli.RunIn(dir.Path, null, "lint", "--schema", "extra-keys.toml", "--format", "json", "sora.conf");
        Assert.Empty(AboutFutureSwitch(with));

        // Its type comes from the schema file: a boolean.
        var wrong = SoraConfCli.RunIn(dir.Path, null, "lint", "--schema", "extra-keys.toml", "--format", "json", "wrong.conf");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Equal("SORA0003", Assert.Single(AboutFutureSwitch(wrong)).Id);
    }

    [Fact]
    public void A_broken_schema_file_is_a_usage_error_that_says_where()
    {
        using var dir = new TempDir();
        dir.Write("sora.conf", "api_port = 3000\n");
        dir.Write("broken.toml", "[[key]]\nname = \"a\"\ntype = \n");
        var run = SoraConfCli.RunIn(dir.Path, null, "lint", "--schema", "broken.toml", "sora.conf");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the schema files have", run.Stderr);
        Assert.Contains("broken.toml", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
