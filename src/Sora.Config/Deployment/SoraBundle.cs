using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Sora.Config.IO;

namespace Sora.Config.Deployment
{
    /// <summary>The files of a deployment: relative path (with <c>/</c>) → content. A single host's bundle holds
    /// <c>sora.conf</c>, <c>nginx/nginx.conf</c>, <c>systemd/sora.service</c>, <c>sysctl/99-sora.conf</c> and
    /// <c>logrotate/sora</c> (plus <c>systemd/nginx.service.d/sora-stop-with-term.conf</c> for nginx before 1.19.1); a
    /// cluster's, the same in one folder per node. docs/deploying.md says where each file goes.</summary>
    public sealed class SoraBundle
    {
        private readonly HashSet<string> secrets;

        internal SoraBundle(IEnumerable<(string Path, string Content, bool Secret)> files)
        {
            var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
            secrets = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, content, secret) in files)
            {
                if (map.ContainsKey(path)) throw new InvalidOperationException($"The bundle would hold '{path}' twice (two cluster nodes with the same name?).");
                map.Add(path, content);
                if (secret) secrets.Add(path);
            }
            Files = map;
        }

        /// <summary>Relative path → content (UTF-8 text, LF line endings), in ordinal order of the paths.</summary>
        public IReadOnlyDictionary<string, string> Files { get; }

        /// <summary>True when the file holds a secret (a sora.conf with a webhook password): it is written readable by its
        /// owner only.</summary>
        public bool IsSecret(string path) => secrets.Contains(path);

        /// <summary>Writes every file under <paramref name="directory"/> (created if needed), each atomically (a reader sees
        /// the old file or the new one), leaving files whose content is unchanged untouched.</summary>
        public SoraBundleWriteResult WriteTo(string directory)
        {
            if (directory is null) throw new ArgumentNullException(nameof(directory));
            var root = Path.GetFullPath(directory);
            var written = new List<string>();
            var unchanged = new List<string>();
            var utf8 = new UTF8Encoding(false);
            foreach (var file in Files)
            {
                var full = Path.GetFullPath(Path.Combine(root, file.Key.Replace('/', Path.DirectorySeparatorChar)));
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                (AtomicFile.WriteIfChanged(full, utf8.GetBytes(file.Value), secrets.Contains(file.Key)) ? written : unchanged).Add(full);
            }
            return new SoraBundleWriteResult(written, unchanged);
        }

        public override string ToString() => string.Join(", ", Files.Keys);
    }

    /// <summary>What <see cref="SoraBundle.WriteTo"/> did: full paths of the files written and of those left unchanged.</summary>
    public sealed class SoraBundleWriteResult
    {
        internal SoraBundleWriteResult(IReadOnlyList<string> written, IReadOnlyList<string> unchanged)
        {
            Written = written;
            Unchanged = unchanged;
        }

        public IReadOnlyList<string> Written { get; }

        public IReadOnlyList<string> Unchanged { get; }

        /// <summary>Every file of the bundle, written or not.</summary>
        public IEnumerable<string> All => Written.Concat(Unchanged);
    }
}
