using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sora.Config.Options.Tests;

[GeneratedSoraConf]
public partial class NodeConf
{
}

[GeneratedSoraConf(Profile = SoraConfProfile.Development)]
public partial class DevNodeConf
{
}

/// <summary>The docs' registration in a real generic host: appsettings JSON, environment variables, ValidateOnStart.</summary>
public class HostTests
{
    private const string Good = """
        { "Sora": {
            "api_loopback_address_only": true,
            "SignalingLoopbackAddressOnly": true,
            "ipv4_address": "10.0.10.10",
            "auth_webhook_url": "https://auth.sora.internal/sora",
            "webhook_response_timeout": "30 s",
            "turn_fqdn": "turn.sora.internal",
            "turn_tcp_port": 443
        } }
        """;

    private static HostApplicationBuilder Builder(string json, IDictionary<string, string?>? environment = null, LogSink? logs = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        if (environment != null)
        {
            // Environment variables as the provider reads them ("__" is the separator), without touching the process's.
            var prefix = "SORACONF_OPTIONS_TEST_" + Guid.NewGuid().ToString("N")[..8] + "_";
            foreach (var pair in environment) Environment.SetEnvironmentVariable(prefix + pair.Key, pair.Value);
            builder.Configuration.AddEnvironmentVariables(prefix);
            foreach (var pair in environment) Environment.SetEnvironmentVariable(prefix + pair.Key, null);
        }
        if (logs != null) builder.Logging.AddProvider(logs);
        return builder;
    }

    private static void Register(HostApplicationBuilder builder, Action<SoraConfValidationOptions>? validation = null) =>
        builder.Services.AddOptions<NodeConf>()
            .BindSoraConf(builder.Configuration.GetSection("Sora"))
            .ValidateSoraConf(validation)
            .ValidateOnStart();

    [Fact]
    public async Task Json_and_environment_variables_bind_and_a_clean_configuration_starts()
    {
        var logs = new LogSink();
        // The environment overrides JSON as configuration layers do: TURN_TCP_PORT is the same configuration key as turn_tcp_port.
        var builder = Builder(Good, new Dictionary<string, string?> { ["Sora__api_port"] = "3100", ["Sora__TURN_TCP_PORT"] = "8443" }, logs);
        Register(builder);
        using var host = builder.Build();
        await host.StartAsync();
        var conf = host.Services.GetRequiredService<IOptions<NodeConf>>().Value;
        Assert.Equal(3100, conf.ApiPort);
        Assert.Equal(8443, conf.TurnTcpPort);
        Assert.Equal(TimeSpan.FromSeconds(30), conf.WebhookResponseTimeout);
        Assert.True(conf.SignalingLoopbackAddressOnly);
        Assert.Equal(System.Net.IPAddress.Parse("10.0.10.10"), conf.Ipv4Address);
        Assert.DoesNotContain(logs.Entries, e => e.Category == "Sora.Config" && e.Level >= LogLevel.Warning);
        await host.StopAsync();
    }

    [Fact]
    public void Start_up_fails_listing_rule_id_path_message_and_key_of_every_error()
    {
        var json = Good.Replace("\"turn_tcp_port\": 443", "\"turn_tcp_port\": 70000, \"api_port\": \"3000 \", \"signaling_port\": 3000");
        var builder = Builder(json, new Dictionary<string, string?> { ["Sora__WebhookResponseTimeout"] = "30 seconds" });
        Register(builder);
        using var host = builder.Build();
        var thrown = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());
        Assert.Equal(typeof(NodeConf), thrown.OptionsType);
        Assert.Contains(thrown.Failures, f => f.StartsWith("Sora:turn_tcp_port: error SORA0003: Invalid value for 'turn_tcp_port'", StringComparison.Ordinal) && f.EndsWith("[turn_tcp_port]", StringComparison.Ordinal));
        Assert.Contains(thrown.Failures, f => f.StartsWith("Sora:WebhookResponseTimeout: error SORA0003: Invalid value for 'webhook_response_timeout'", StringComparison.Ordinal));
        Assert.Contains("Sora:turn_tcp_port: error SORA0003", thrown.Message);
        // After a value that cannot be read, rules on the rest would judge another configuration: only the reading is
        // reported (not SORA1009 for api_port and signaling_port on one port).
        // The environment spells the key as the property, JSON as the sora.conf name: two configuration keys for one
        // setting, and which one was meant cannot be told.
        Assert.Contains(thrown.Failures, f => f.StartsWith("Sora:webhook_response_timeout: error SORA0003: ", StringComparison.Ordinal) && f.Contains("also set as Sora:WebhookResponseTimeout", StringComparison.Ordinal));
        Assert.True(thrown.Failures.Count() == 3, string.Join("\n", thrown.Failures));
    }

    [Fact]
    public void Production_rule_errors_fail_start_up_at_the_path_of_their_key()
    {
        // api_port and signaling_port on the same port: SORA1009, an error (the setup cannot work).
        var builder = Builder(Good.Replace("\"turn_tcp_port\": 443", "\"turn_tcp_port\": 443, \"api_port\": 3000, \"SignalingPort\": 3000"));
        Register(builder);
        using var host = builder.Build();
        var thrown = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());
        var failure = Assert.Single(thrown.Failures);
        Assert.Matches(@"^Sora:(api_port|SignalingPort): error SORA1009: ", failure);
    }

    [Fact]
    public async Task Warnings_are_logged_by_default_and_fail_start_up_on_request_without_showing_secrets()
    {
        const string secret = "hunter2-s3cret";
        var json = Good.Replace("\"api_loopback_address_only\": true", "\"api_loopback_address_only\": false, \"webhook_basic_authn_password\": \"" + secret + " #note\"");
        var logs = new LogSink();
        var builder = Builder(json, logs: logs);
        Register(builder);
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var warnings = logs.Entries.Where(e => e.Category == "Sora.Config" && e.Level == LogLevel.Warning).Select(e => e.Text).ToList();
            Assert.Contains(warnings, w => w.StartsWith("Sora:api_loopback_address_only: warning SORA1001: ", StringComparison.Ordinal));
            Assert.Contains(warnings, w => w.StartsWith("Sora:webhook_basic_authn_password: warning SORA0005: ", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(secret, StringComparison.Ordinal));
            await host.StopAsync();
        }

        builder = Builder(json);
        Register(builder, o => o.FailOnWarnings = true);
        using (var host = builder.Build())
        {
            var thrown = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());
            Assert.Contains(thrown.Failures, f => f.StartsWith("Sora:api_loopback_address_only: warning SORA1001: ", StringComparison.Ordinal) && f.EndsWith("[api_loopback_address_only]", StringComparison.Ordinal));
            Assert.Contains(thrown.Failures, f => f.StartsWith("Sora:webhook_basic_authn_password: warning SORA0005: ", StringComparison.Ordinal));
            Assert.DoesNotContain(secret, thrown.Message);
        }
    }

    [Fact]
    public async Task Unknown_keys_are_reported_as_in_files()
    {
        var logs = new LogSink();
        var builder = Builder(Good.Replace("\"turn_tcp_port\": 443", "\"turn_tcp_port\": 443, \"turn_tcp_prot\": 443, \"x_vendor_key\": 1"), logs: logs);
        Register(builder, o => o.FailOnWarnings = true);
        using var host = builder.Build();
        var thrown = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());
        var failure = Assert.Single(thrown.Failures);
        Assert.StartsWith("Sora:turn_tcp_prot: warning SORA0004: ", failure);
        Assert.Contains("did you mean 'turn_tcp_port'", failure);
        // SORA0011 is an info: logged, never a failure.
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Text.StartsWith("Sora:x_vendor_key: info SORA0011: ", StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_class_profile_or_the_validation_profile_turns_production_rules_off()
    {
        var json = Good.Replace("\"api_loopback_address_only\": true", "\"api_loopback_address_only\": false");
        var builder = Builder(json);
        builder.Services.AddOptions<DevNodeConf>().BindSoraConf(builder.Configuration.GetSection("Sora")).ValidateSoraConf(o => o.FailOnWarnings = true).ValidateOnStart();
        builder.Services.AddOptions<NodeConf>().BindSoraConf(builder.Configuration.GetSection("Sora"))
            .ValidateSoraConf(o => { o.FailOnWarnings = true; o.Profile = SoraConfProfile.Development; }).ValidateOnStart();
        using var host = builder.Build();
        await host.StartAsync();
        Assert.False(host.Services.GetRequiredService<IOptions<DevNodeConf>>().Value.ApiLoopbackAddressOnly);
        await host.StopAsync();
    }

    [Fact]
    public void Without_ValidateSoraConf_a_value_that_cannot_be_read_still_fails_with_its_path()
    {
        var builder = Builder("""{ "Sora": { "api_port": "three thousand" } }""");
        builder.Services.AddOptions<NodeConf>().BindSoraConf(builder.Configuration.GetSection("Sora"));
        using var host = builder.Build();
        var thrown = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<NodeConf>>().Value);
        Assert.StartsWith("Sora:api_port: error SORA0003: ", Assert.Single(thrown.Failures));
    }

    [Fact]
    public void Named_options_bind_their_own_sections()
    {
        var builder = Builder("""{ "Edge": { "api_port": 3001 }, "Core": { "ApiPort": "x" } }""");
        builder.Services.AddOptions<NodeConf>("edge").BindSoraConf(builder.Configuration.GetSection("Edge")).ValidateSoraConf(o => o.Profile = SoraConfProfile.Development);
        builder.Services.AddOptions<NodeConf>("core").BindSoraConf(builder.Configuration.GetSection("Core")).ValidateSoraConf(o => o.Profile = SoraConfProfile.Development);
        using var host = builder.Build();
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<NodeConf>>();
        Assert.Equal(3001, monitor.Get("edge").ApiPort);
        var thrown = Assert.Throws<OptionsValidationException>(() => monitor.Get("core"));
        Assert.Equal("core", thrown.OptionsName);
        Assert.StartsWith("Core:ApiPort: error SORA0003: ", Assert.Single(thrown.Failures));
    }

    [Fact]
    public void A_configuration_reload_rebinds_for_options_monitors()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sora:api_port"] = "3000" }).Build();
        var services = new ServiceCollection();
        services.AddOptions<NodeConf>().BindSoraConf(configuration.GetSection("Sora")).ValidateSoraConf(o => o.Profile = SoraConfProfile.Development);
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<NodeConf>>();
        Assert.Equal(3000, monitor.CurrentValue.ApiPort);
        configuration["Sora:api_port"] = "3300";
        configuration.Reload();
        Assert.Equal(3300, monitor.CurrentValue.ApiPort);
    }

    [Fact]
    public void A_hand_written_ISoraConf_is_refused_at_registration()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        var thrown = Assert.Throws<ArgumentException>(() => services.AddOptions<HandWritten>().BindSoraConf(configuration));
        Assert.Contains("not a [GeneratedSoraConf] class", thrown.Message);
    }

    /// <summary>An ISoraConf that no generator wrote: BindSoraConf cannot set its settings.</summary>
    public sealed class HandWritten : ISoraConf
    {
        public string TargetSoraVersion => "2025.2";

        public SoraConfProfile Profile => SoraConfProfile.Production;

        public Catalog.SoraCatalog Catalog => Sora.Config.Catalog.SoraCatalog.Default;

        public SoraConfUnknownKeys UnknownKeys { get; } = new();

        public IReadOnlyList<KeyValuePair<string, string>> ToSettings() => [];

        public string Serialize() => "";

        public void Save(string path) => throw new NotSupportedException();

        public IReadOnlyList<Diagnostics.SoraConfDiagnostic> Validate() => [];

        public IReadOnlyList<Diagnostics.SoraConfDiagnostic> Validate(SoraConfProfile profile) => [];
    }
}

/// <summary>Collects log entries (formatted) for the tests to read.</summary>
public sealed class LogSink : ILoggerProvider
{
    public List<(string Category, LogLevel Level, string Text)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (sink.Entries) sink.Entries.Add((category, logLevel, formatter(state, exception)));
        }
    }
}
