using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Sora.Config.Deployment.Parsing;

namespace Sora.Config.Cli.Linting
{
    /// <summary><c>sora-conf lint --host</c>: the usual places of a Sora server's files (Debian's nginx, a unit in
    /// /etc/systemd/system, systemd-sysctl's folders, sora.conf under the unit's WorkingDirectory), under a root folder
    /// (<c>/</c>, or a mounted image with <c>--root</c>). Says what it found and what it did not.</summary>
    internal sealed class HostDiscovery
    {
        private static readonly string[] UnitPlaces = { "etc/systemd/system/sora.service", "usr/lib/systemd/system/sora.service", "lib/systemd/system/sora.service" };

        /// <summary>systemd-sysctl's folders, most important first: a file name in an earlier folder hides the same name
        /// in a later one; the files then apply in name order (sysctl.d(5)).</summary>
        private static readonly string[] SysctlFolders = { "etc/sysctl.d", "run/sysctl.d", "usr/local/lib/sysctl.d", "usr/lib/sysctl.d", "lib/sysctl.d" };

        public List<string> Found { get; } = new List<string>();

        public List<string> Missing { get; } = new List<string>();

        public SoraDeploymentFiles Files { get; } = new SoraDeploymentFiles();

        /// <summary>sora.conf: the one given, else <c>&lt;WorkingDirectory&gt;/etc/sora.conf</c> of the unit, else next to
        /// <c>bin/sora</c> of its ExecStart; null when none was found.</summary>
        public string? SoraConf { get; private set; }

        public static HostDiscovery Discover(string root, string? conf)
        {
            var d = new HostDiscovery();
            var nginx = Path.Combine(root, "etc/nginx/nginx.conf");
            if (File.Exists(nginx)) d.Use(nginx, "nginx", p => d.Files.NginxConfig = p);
            else d.Missing.Add("nginx: " + nginx);

            var unit = UnitPlaces.Select(p => Path.Combine(root, p)).FirstOrDefault(File.Exists);
            if (unit != null) d.Use(unit, "systemd unit", p => d.Files.SystemdUnit = p);
            else d.Missing.Add("systemd unit: " + string.Join(", ", UnitPlaces.Select(p => Path.Combine(root, p))));

            var byName = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var folder in SysctlFolders.Reverse())
            {
                var dir = Path.Combine(root, folder);
                if (!Directory.Exists(dir)) continue;
                foreach (var f in Directory.GetFiles(dir, "*.conf")) byName[Path.GetFileName(f)] = f;
            }
            foreach (var f in byName.Values) d.Use(f, "sysctl", p => d.Files.SysctlFiles.Add(p));
            var legacy = Path.Combine(root, "etc/sysctl.conf");
            if (File.Exists(legacy) && !byName.ContainsKey("99-sysctl.conf")) d.Use(legacy, "sysctl", p => d.Files.SysctlFiles.Add(p));
            if (byName.Count == 0 && !File.Exists(legacy)) d.Missing.Add("sysctl: " + string.Join(", ", SysctlFolders.Select(p => Path.Combine(root, p))));

            d.SoraConf = conf ?? d.ConfFromUnit(root);
            if (d.SoraConf is null) d.Missing.Add("sora.conf: no WorkingDirectory= or ExecStart=…/bin/sora in the unit to find it by; give its path");
            else if (conf is null) d.Found.Add("sora.conf: " + d.SoraConf);
            return d;
        }

        private void Use(string path, string what, Action<string> set)
        {
            set(path);
            Found.Add(what + ": " + path);
        }

        private string? ConfFromUnit(string root)
        {
            if (Files.SystemdUnit is not { } unit) return null;
            var settings = new SoraDeploymentFiles { SystemdUnit = unit }.Read(Syntax.SoraConfDocument.Parse("", "sora.conf")).Hosts[0].Unit!;
            var homes = new List<string>();
            if (settings.Get("Service", "WorkingDirectory")?.Value.TrimStart('-') is { Length: > 0 } wd) homes.Add(wd);
            if (settings.Get("Service", "ExecStart")?.Value is { } exec)
            {
                var program = exec.TrimStart('@', '-', ':', '+', '!').Split(' ')[0];
                if (program.EndsWith("/bin/sora", StringComparison.Ordinal)) homes.Add(program.Substring(0, program.Length - "/bin/sora".Length));
            }
            foreach (var home in homes)
            {
                var path = Path.Combine(root, home.TrimStart('/'), "etc/sora.conf");
                if (File.Exists(path)) return path;
                Missing.Add("sora.conf: " + path);
            }
            return null;
        }
    }
}
