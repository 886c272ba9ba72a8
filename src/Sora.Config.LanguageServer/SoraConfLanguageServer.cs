using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Sora.Config.Catalog;
using Sora.Config.LanguageServer.Server;

namespace Sora.Config.LanguageServer
{
    /// <summary>The sora.conf language server (LSP 3.17): <c>sora-conf lsp</c> runs it on stdin and stdout.</summary>
    public static class SoraConfLanguageServer
    {
        /// <summary>Serves one client on <paramref name="input"/> and <paramref name="output"/> until it sends <c>exit</c> or
        /// closes the input. Returns the process exit code: 0 after <c>shutdown</c>, 1 otherwise.</summary>
        public static Task<int> RunAsync(Stream input, Stream output, SoraCatalog catalog, CancellationToken cancellationToken = default) =>
            new LspServer(catalog).RunAsync(input, output, cancellationToken);
    }
}
