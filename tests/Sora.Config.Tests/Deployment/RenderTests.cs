using Sora.Config.Deployment;

namespace Sora.Config.Tests.Deployment;

/// <summary>What the bundle of a typed deployment holds: the files, and in them the values the production guide's layout
/// needs, sized from MaxConnections. The real validators (nginx -t, systemd-analyze, logrotate) run on these bundles in
/// tests/Sora.Config.Deployment.Tests.</summary>
public class RenderTests
{
    private static string File(ISoraDeployment d, string path) => d.Render().Files[path];

    [Fact]
    public void A_host_bundle_holds_exactly_the_five_files()
    {
        Assert.Equal(new[] { "logrotate/sora", "nginx/nginx.conf", "sora.conf", "sysctl/99-sora.conf", "systemd/sora.service" }, Models.Host().Render().Files.Keys);
    }

    [Fact]
    public void A_cluster_bundle_holds_one_folder_per_node()
    {
        var files = Models.Cluster(3).Render().Files.Keys.ToList();
        Assert.Equal(15, files.Count);
        foreach (var node in new[] { "sora-1", "sora-2", "sora-3" })
            foreach (var f in new[] { "sora.conf", "nginx/nginx.conf", "systemd/sora.service", "sysctl/99-sora.conf", "logrotate/sora" })
                Assert.Contains(node + "/" + f, files);
    }

    [Fact]
    public void Sora_conf_is_the_conf_class_serialized()
    {
        var conf = Models.Conf();
        Assert.Equal(conf.Serialize(), File(Models.Host(conf), "sora.conf"));
    }

    [Fact]
    public void Nginx_splits_443_by_SNI_and_sends_the_rest_to_TURN_TCP_on_ipv4_address()
    {
        var nginx = File(Models.Host(), "nginx/nginx.conf");
        Assert.Contains("load_module /usr/lib/nginx/modules/ngx_stream_module.so;", nginx);
        Assert.Contains("        listen 443;\n        ssl_preread on;\n        proxy_pass $sora_upstream;\n        proxy_protocol on;\n", nginx);
        Assert.Contains("        sora.sora.internal unix:/run/nginx-sora-signaling.sock;\n", nginx);
        Assert.Contains("        sora-turns.sora.internal unix:/run/nginx-sora-turns.sock;\n", nginx);
        Assert.Contains("        default 10.0.10.10:3478;\n", nginx);
        // The TURN-TLS terminator forwards to the same listener, with proxy_protocol on both hops.
        Assert.Contains("        listen unix:/run/nginx-sora-turns.sock ssl proxy_protocol;\n", nginx);
        Assert.Contains("        proxy_pass 10.0.10.10:3478;\n        proxy_protocol on;\n", nginx);
        Assert.Contains("        listen unix:/run/nginx-sora-signaling.sock ssl proxy_protocol;\n", nginx);
        Assert.Contains("            proxy_pass http://127.0.0.1:5000/signaling;\n", nginx);
        Assert.Contains("            proxy_set_header Upgrade $http_upgrade;\n", nginx);
        Assert.Contains("        ssl_certificate /etc/ssl/sora/fullchain.pem;\n", nginx);
        Assert.DoesNotContain("127.0.0.1:3478", nginx);
        Assert.DoesNotContain("location = /api", nginx);
    }

    [Fact]
    public void Nginx_takes_the_ports_of_sora_conf()
    {
        var conf = Models.Conf();
        conf.TurnTcpListenPort = 3479;
        conf.SignalingPort = 5001;
        var nginx = File(Models.Host(conf), "nginx/nginx.conf");
        Assert.Contains("        default 10.0.10.10:3479;\n", nginx);
        Assert.Contains("http://127.0.0.1:5001/signaling;", nginx);
    }

    [Fact]
    public void Without_turn_tls_nginx_has_no_TURN_TLS_route()
    {
        var conf = Models.Conf();
        conf.TurnTls = false;
        var nginx = File(Models.Host(conf), "nginx/nginx.conf");
        Assert.DoesNotContain("nginx-sora-turns.sock", nginx);
        Assert.Contains("        default 10.0.10.10:3478;\n", nginx);
    }

    [Fact]
    public void The_API_is_published_only_when_asked_and_behind_authentication()
    {
        var d = Models.Host();
        d.Api = new SoraApiProxy { BasicAuthUserFile = "/etc/nginx/sora-api.htpasswd", AllowFrom = new[] { "10.0.0.0/8" } };
        var nginx = File(d, "nginx/nginx.conf");
        Assert.Contains("        location = /api {\n            auth_basic \"Sora API\";\n            auth_basic_user_file /etc/nginx/sora-api.htpasswd;\n            allow 10.0.0.0/8;\n            deny all;\n            proxy_pass http://127.0.0.1:3000/;\n", nginx);
    }

    [Theory]
    [InlineData(100, 65536, 1024, 2048)]
    [InlineData(2000, 65536, 8000, 16000)]
    [InlineData(10000, 100352, 40000, 80000)]
    [InlineData(500000, 1048576, 524288, 1048576)]
    public void File_descriptors_and_nginx_workers_are_sized_from_MaxConnections(int connections, long limit, int workerConnections, long rlimit)
    {
        var d = Models.Host();
        d.MaxConnections = connections;
        var bundle = d.Render();
        Assert.Contains("\nLimitNOFILE=" + limit + "\n", bundle.Files["systemd/sora.service"]);
        Assert.Contains("\nworker_rlimit_nofile " + rlimit + ";\n", bundle.Files["nginx/nginx.conf"]);
        Assert.Contains("\n    worker_connections " + workerConnections + ";\n", bundle.Files["nginx/nginx.conf"]);
        // Never infinity, never above fs.nr_open; always at least 2 per connection when that fits.
        Assert.True(limit <= 1048576);
        Assert.True(limit >= Math.Min(2L * connections + 256, 1048576));
    }

    [Fact]
    public void The_unit_runs_bin_sora_foreground_as_the_user_with_start_limits_in_Unit()
    {
        var d = Models.Host();
        d.SoraHome = "/opt/sora/";
        d.User = "sfu";
        var unit = File(d, "systemd/sora.service");
        Assert.Contains("\nExecStart=/opt/sora/bin/sora foreground\n", unit);
        Assert.Contains("\nWorkingDirectory=/opt/sora\n", unit);
        Assert.Contains("\nUser=sfu\nGroup=sfu\n", unit);
        Assert.Contains("\nRestart=on-failure\n", unit);
        Assert.Single(unit.Split('\n'), l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        int unitSection = unit.IndexOf("\n[Unit]\n"), service = unit.IndexOf("\n[Service]\n");
        Assert.InRange(unit.IndexOf("StartLimitIntervalSec=300"), unitSection, service);
        Assert.InRange(unit.IndexOf("StartLimitBurst=5"), unitSection, service);
        Assert.Contains("\nReadWritePaths=/opt/sora\n", unit);
        Assert.Contains("\nProtectHome=yes\n", unit);
        Assert.Contains("\nProtectHome=read-only\n", File(Models.Host(), "systemd/sora.service"));
    }

    [Fact]
    public void Hardening_can_be_left_out()
    {
        var d = Models.Host();
        d.Hardening = false;
        var unit = File(d, "systemd/sora.service");
        Assert.DoesNotContain("ProtectSystem", unit);
        Assert.Contains("\nLimitNOFILE=65536\n", unit);
    }

    [Fact]
    public void Sysctl_values_say_where_they_come_from_and_can_be_overridden()
    {
        var sysctl = File(Models.Host(), "sysctl/99-sora.conf");
        Assert.Contains("could not be read", sysctl);
        Assert.Contains("99-mediasoup.conf", sysctl);
        Assert.Contains("\nnet.core.rmem_max = 26214400\n", sysctl);
        Assert.Contains("\nnet.core.netdev_max_backlog = 2000\n", sysctl);
        Assert.Contains("\n# net.ipv4.udp_mem is left at the kernel's value", sysctl);

        var d = Models.Host();
        d.Kernel = new SoraKernelTuning { ReceiveBufferMax = 33554432, NetdevMaxBacklog = null, UdpMemory = new SoraUdpMemory(65536, 131072, 262144) };
        sysctl = File(d, "sysctl/99-sora.conf");
        Assert.Contains("\nnet.core.rmem_max = 33554432\n", sysctl);
        Assert.Contains("\n# net.core.netdev_max_backlog is left at the kernel's value", sysctl);
        Assert.Contains("\nnet.ipv4.udp_mem = 65536 131072 262144\n", sysctl);
    }

    [Fact]
    public void Logrotate_rotates_the_jsonl_logs_weekly()
    {
        var d = Models.Host();
        d.LogRotations = 12;
        var logrotate = File(d, "logrotate/sora");
        Assert.Contains("/home/sora/sora/log/*.jsonl {\n    su sora sora\n    weekly\n    rotate 12\n", logrotate);
        Assert.Contains("    copytruncate\n", logrotate);
    }

    [Fact]
    public void Nginx_before_1_19_1_gets_a_drop_in_that_stops_it_with_TERM()
    {
        var d = Models.Host();
        d.NginxVersion = new Version(1, 18, 0);
        var bundle = d.Render();
        var dropIn = bundle.Files["systemd/nginx.service.d/sora-stop-with-term.conf"];
        Assert.Contains("\n[Service]\nExecStop=\nExecStop=-/sbin/start-stop-daemon --quiet --stop --retry TERM/5 --pidfile /run/nginx.pid\nKillSignal=SIGTERM\n", dropIn);
        Assert.Contains("sora-stop-with-term.conf", bundle.Files["nginx/nginx.conf"]);
        // TLS 1.3 exists in nginx from 1.13.0 only.
        Assert.Contains("ssl_protocols TLSv1.2 TLSv1.3;", bundle.Files["nginx/nginx.conf"]);
        d.NginxVersion = new Version(1, 12, 2);
        Assert.Contains("ssl_protocols TLSv1.2;", d.Render().Files["nginx/nginx.conf"]);
        Assert.DoesNotContain("systemd/nginx.service.d/sora-stop-with-term.conf", Models.Host().Render().Files.Keys);
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        Assert.Equal(Models.Cluster(3).Render().Files, Models.Cluster(3).Render().Files);
    }

    [Fact]
    public void Every_fact_points_at_the_line_of_the_rendered_file_that_carries_it()
    {
        var d = Models.Host();
        d.Api = new SoraApiProxy { AllowFrom = new[] { "10.0.0.0/8" } };
        var bundle = d.Render();
        var host = Assert.Single(d.ToFacts().Hosts);
        void At(Evaluation.Facts.SoraFactSource? source, string value)
        {
            Assert.NotNull(source);
            var line = bundle.Files[source!.Path].Split('\n')[source.Line - 1];
            Assert.Equal(value, line.Substring(source.Column - 1, source.EndColumn - source.Column));
        }
        var nginx = host.Nginx!;
        At(nginx.PrereadPort!.Source, "443");
        At(nginx.DefaultRoute!.Source, "10.0.10.10:3478");
        At(nginx.TurnTlsUpstream!.Source, "10.0.10.10:3478");
        At(nginx.SignalingUpstream!.Source, "127.0.0.1:5000");
        At(nginx.ApiUpstream!.Source, "127.0.0.1:3000");
        At(nginx.Version!.Source, "1.22.1");
        foreach (var route in nginx.SniRoutes) At(route.ServerName.Source, route.ServerName.Value);
        At(nginx.SniRoutes[0].Certificate!.File.Source, "/etc/ssl/sora/fullchain.pem");
        At(host.MaxConnections!.Source, "2000");
        foreach (var setting in host.Unit!.Settings) At(setting.Source, setting.Value.Length == 0 ? setting.Key + "=" : setting.Value);
        foreach (var setting in host.Sysctl) At(setting.Source, setting.Value);
        Assert.Equal("65536", host.Unit.Get("Service", "LimitNOFILE")!.Value);
        Assert.Equal("sora.conf", host.Conf.Path);
    }

    [Theory]
    [InlineData("SignalingHost", "sora host.internal")]
    [InlineData("CertificateFile", "relative.pem")]
    [InlineData("SoraHome", "sora;rm")]
    [InlineData("User", "")]
    public void A_model_the_files_cannot_hold_is_refused_with_the_member_named(string member, string value)
    {
        var d = Models.Host();
        typeof(SoraDeployment).GetProperty(member)!.SetValue(d, value);
        var e = Assert.Throws<InvalidOperationException>(() => d.Render());
        Assert.Contains(member, e.Message);
        Assert.Throws<InvalidOperationException>(() => d.Validate());
    }

    [Fact]
    public void A_deployment_without_a_conf_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new SoraDeployment { SignalingHost = "a.internal", CertificateFile = "/c", CertificateKeyFile = "/k" }.Render());
        Assert.Contains("Conf is not set", e.Message);
    }
}
