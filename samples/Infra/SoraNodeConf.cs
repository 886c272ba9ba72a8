using Sora.Config;

namespace Infra;

/// <summary>One Sora node's sora.conf: the generator adds a typed property per key.</summary>
[GeneratedSoraConf]
public partial class SoraNodeConf
{
}
