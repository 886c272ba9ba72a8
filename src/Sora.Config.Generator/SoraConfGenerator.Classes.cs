using Microsoft.CodeAnalysis;
using Sora.Config.Generator.Model;
using Sora.Config.Schema.Loading;

namespace Sora.Config.Generator
{
    public sealed partial class SoraConfGenerator
    {
        private static void InitializeClasses(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<SchemaLoadResult?> schema, IncrementalValueProvider<GeneratorSettings> settings)
        {
        }
    }
}
