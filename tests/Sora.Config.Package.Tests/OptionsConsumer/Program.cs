using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sora.Config;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Services.AddOptions<NodeConf>()
    .BindSoraConf(builder.Configuration.GetSection("Sora"))
    .ValidateSoraConf()
    .ValidateOnStart();
using var host = builder.Build();
try
{
    host.Start();
}
catch (OptionsValidationException e)
{
    foreach (var failure in e.Failures) Console.WriteLine("failure: " + failure);
    return 1;
}
var conf = host.Services.GetRequiredService<IOptions<NodeConf>>().Value;
Console.WriteLine($"api_port={conf.ApiPort}");
Console.WriteLine($"webhook_response_timeout={conf.WebhookResponseTimeout}");
Console.WriteLine($"from-configuration={NodeConf.FromConfiguration(builder.Configuration.GetSection("Sora")).Serialize() == conf.Serialize()}");
host.StopAsync().GetAwaiter().GetResult();
return 0;

[GeneratedSoraConf]
public partial class NodeConf
{
}
