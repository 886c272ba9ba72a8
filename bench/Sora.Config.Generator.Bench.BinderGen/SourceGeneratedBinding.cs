using Microsoft.Extensions.Configuration;

namespace Sora.Config.Generator.Bench;

/// <summary>Binding through the configuration binder's source generator (EnableConfigurationBindingGenerator).</summary>
public static class SourceGeneratedBinding
{
    public static PocoConf? Bind(IConfiguration configuration) => configuration.Get<PocoConf>();
}
