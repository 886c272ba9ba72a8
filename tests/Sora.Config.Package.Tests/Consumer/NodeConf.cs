using Sora.Config;

namespace Consumer;

[GeneratedSoraConf]
public partial class NodeConf
{
}
