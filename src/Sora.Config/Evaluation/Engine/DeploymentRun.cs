using System;
using System.Collections.Generic;
using System.Globalization;
using Sora.Config.Catalog;
using Sora.Config.Diagnostics;
using Sora.Config.Evaluation.Facts;

namespace Sora.Config.Evaluation.Engine
{
    /// <summary>One evaluation of the deployment rules (SORA3xxx) on a deployment's facts: each host's sora.conf read once
    /// (effective values, its lines and suppression comments) and the findings. Every deployment check reports through
    /// <see cref="Report"/>, which applies the options (severities, profile, targeted version) and places the finding: at
    /// the fact's source when it has one, else at the sora.conf key it names, else on the host's sora.conf.</summary>
    internal sealed class DeploymentRun
    {
        public DeploymentRun(SoraDeploymentFacts facts, SoraConfEvaluationOptions options)
        {
            Facts = facts;
            Options = options;
            Version = options.EffectiveVersion;
            var catalog = options.EffectiveCatalog;
            var hosts = new List<HostRun>(facts.Hosts.Count);
            foreach (var host in facts.Hosts)
            {
                var file = FileFacts.Of(host.Conf, catalog, SoraConfLinter.ExpectedEntries(host.Conf, catalog));
                hosts.Add(new HostRun(host, new EvaluationRun(options, file.Entries, file)));
            }
            Hosts = hosts;
        }

        public SoraDeploymentFacts Facts { get; }

        public SoraConfEvaluationOptions Options { get; }

        public string Version { get; }

        public IReadOnlyList<HostRun> Hosts { get; }

        public List<SoraConfDiagnostic> Diagnostics { get; } = new List<SoraConfDiagnostic>();

        /// <summary>Reports a finding of <paramref name="rule"/> about <paramref name="host"/> (null: the deployment as a
        /// whole), located at <paramref name="at"/> when given, else at <paramref name="key"/>'s line in the host's sora.conf.</summary>
        public void Report(SoraRuleInfo rule, HostRun? host, SoraFactSource? at, string? key, SoraText detail, string? value = null)
        {
            if (!rule.AppliesTo(Version)) return;
            var severity = Options.SeverityOf(rule);
            if (severity is null) return;
            var arguments = new SoraMessageArguments(key: key, value: value is null ? null : SoraText.Same(value), detail: detail);
            string? path;
            int line = 0, column = 0, endColumn = 0;
            if (at != null)
            {
                path = at.Path;
                line = at.Line;
                column = at.Column;
                endColumn = at.EndColumn;
            }
            else
            {
                path = host?.Facts.Conf.Path;
                if (host != null && key != null && host.Conf.TryGetEntry(key, out var entry) && entry.Line is { } l)
                {
                    line = entry.LineNumber;
                    (column, endColumn) = EvaluationRun.Columns(l, SoraFindingTarget.Line);
                }
                else if (host != null && key != null && host.Facts.Conf.FindTemplate(key) is var template && template >= 0)
                {
                    // Not written: the commented-out template line for the key, where the fix goes.
                    line = template + 1;
                    column = 1;
                    endColumn = host.Facts.Conf.Lines[template].Text.TrimEnd('\r').Length + 1;
                }
            }
            Diagnostics.Add(new SoraConfDiagnostic(rule, severity.Value, arguments, key, SoraFindingTarget.Line, line, column, line, endColumn, path));
        }
    }

    /// <summary>One host of the deployment: its facts and its sora.conf's effective values.</summary>
    internal sealed class HostRun
    {
        public HostRun(SoraHostFacts facts, EvaluationRun conf)
        {
            Facts = facts;
            Conf = conf;
        }

        public SoraHostFacts Facts { get; }

        /// <summary>The sora.conf evaluation: <see cref="EvaluationRun.Get"/> gives effective values.</summary>
        public EvaluationRun Conf { get; }

        /// <summary>The node's name, or null for a single host (the <c>{other}</c> of messages).</summary>
        public string? Label => Facts.Name.Length == 0 ? null : Facts.Name;

        public SoraNginxFacts? Nginx => Facts.Nginx;

        /// <summary>The effective value of a bool key is <c>true</c>.</summary>
        public bool IsTrue(string key) => Conf.Get(key) is { Valid: true, Parsed: bool b } && b;

        /// <summary>The effective value of an integer or port key; null when unset or invalid.</summary>
        public long? Number(string key) => Conf.Get(key) is { Valid: true, Parsed: long n } ? n : (long?)null;

        /// <summary>The effective value as sora.conf text; null when unset or invalid.</summary>
        public string? Text(string key) => Conf.Get(key) is { Valid: true, Text: { } t } ? t : null;

        /// <summary>The name clients use for TURN-TLS: <c>turn_tls_fqdn</c>, else <c>turn_fqdn</c>.</summary>
        public string? TurnTlsHost => Text("turn_tls_fqdn") ?? Text("turn_fqdn");

        /// <summary>The ports nginx listens on.</summary>
        public IEnumerable<long> NginxPorts()
        {
            if (Nginx is null) yield break;
            foreach (var p in Nginx.ListenPorts) yield return p.Value;
        }

        public static string Show(long n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
