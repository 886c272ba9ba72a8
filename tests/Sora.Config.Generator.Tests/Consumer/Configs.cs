using Sora.Config;

namespace Sora.Config.Generator.Tests.Consumer;

/// <summary>Declared exactly as a user would: the generator runs on this project at build time.</summary>
[GeneratedSoraConf]
public partial class ProductionConf
{
}

[GeneratedSoraConf(SoraVersion = "2024.2")]
public partial class LegacyConf
{
}

[GeneratedSoraConf(Profile = SoraConfProfile.Development)]
public partial class DevConf
{
}
