using System;
using System.Collections.Generic;
using System.IO;
#if NET
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
#endif

namespace Sora.Config.Evaluation.Facts
{
    /// <summary>A certificate a TLS terminator presents: its file and, when the file could be read, the DNS names its leaf
    /// certificate holds (subject alternative names: what browsers match a host name against).</summary>
    public sealed class SoraCertificateFacts
    {
        /// <param name="file">The certificate file (PEM, leaf first, as nginx's <c>ssl_certificate</c>).</param>
        /// <param name="names">The DNS names of the leaf certificate; null when they were not read.</param>
        /// <param name="notReadBecause">Why the names were not read (the file is missing, unreadable, not PEM…).</param>
        public SoraCertificateFacts(SoraFact<string> file, IReadOnlyList<string>? names, string? notReadBecause = null)
        {
            File = file ?? throw new ArgumentNullException(nameof(file));
            Names = names;
            NotReadBecause = names is null ? notReadBecause ?? "not read" : null;
        }

        public SoraFact<string> File { get; }

        /// <summary>The leaf certificate's DNS names; null when they were not read (see <see cref="NotReadBecause"/>).</summary>
        public IReadOnlyList<string>? Names { get; }

        public string? NotReadBecause { get; }

        /// <summary>True when one of <see cref="Names"/> matches <paramref name="host"/>: equal (ignoring case), or a
        /// wildcard <c>*.example.jp</c> standing for exactly one label.</summary>
        public bool Covers(string host)
        {
            if (Names is null) return false;
            host = host.TrimEnd('.');
            foreach (var name in Names)
            {
                if (string.Equals(name, host, StringComparison.OrdinalIgnoreCase)) return true;
                if (name.StartsWith("*.", StringComparison.Ordinal))
                {
                    int dot = host.IndexOf('.');
                    if (dot > 0 && string.Equals(host.Substring(dot + 1), name.Substring(2), StringComparison.OrdinalIgnoreCase)) return true;
                }
            }
            return false;
        }

        /// <summary>Reads the DNS names of the first certificate in a PEM file. On the netstandard2.0 build, which has no
        /// reader for subject alternative names, the names are not read and the facts say so.</summary>
        public static SoraCertificateFacts Read(SoraFact<string> file)
        {
            if (file is null) throw new ArgumentNullException(nameof(file));
#if NET
            var path = file.Value;
            try
            {
                if (!System.IO.File.Exists(path)) return new SoraCertificateFacts(file, null, "the file does not exist here");
                var all = new X509Certificate2Collection();
                all.ImportFromPemFile(path);
                if (all.Count == 0) return new SoraCertificateFacts(file, null, "the file holds no PEM certificate");
                var leaf = all[0];
                var names = new List<string>();
                foreach (var san in leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>()) names.AddRange(san.EnumerateDnsNames());
                foreach (var cert in all) cert.Dispose();
                return new SoraCertificateFacts(file, names);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                return new SoraCertificateFacts(file, null, "the file could not be read: " + e.Message.Replace('\n', ' ').Trim());
            }
#else
            return new SoraCertificateFacts(file, null, "this build of Sora.Config (netstandard2.0) cannot read certificate names; run on .NET 8 or later");
#endif
        }
    }
}
