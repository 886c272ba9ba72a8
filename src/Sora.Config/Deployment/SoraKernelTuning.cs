namespace Sora.Config.Deployment
{
    /// <summary>The kernel settings of <c>sysctl/99-sora.conf</c>. Shiguredo's kernel tuning page could not be read, so no
    /// default is Sora's own: each says where it comes from (docs/deploying.md), and each can be changed, or left out with
    /// null (the kernel's value then stays).</summary>
    public sealed class SoraKernelTuning
    {
        /// <summary><c>net.core.rmem_max</c>, bytes: the largest receive buffer a socket may ask for. Default 26214400
        /// (25 MiB), what mediasoup deployments ship; YoMo's QUIC tuning uses 32 MiB.</summary>
        public long? ReceiveBufferMax { get; set; } = 26214400;

        /// <summary><c>net.core.wmem_max</c>, bytes: the largest send buffer a socket may ask for. Default as
        /// <see cref="ReceiveBufferMax"/>.</summary>
        public long? SendBufferMax { get; set; } = 26214400;

        /// <summary><c>net.core.rmem_default</c>, bytes; default null (kept at the kernel's).</summary>
        public long? ReceiveBufferDefault { get; set; }

        /// <summary><c>net.core.wmem_default</c>, bytes; default null (kept at the kernel's).</summary>
        public long? SendBufferDefault { get; set; }

        /// <summary><c>net.core.netdev_max_backlog</c>, packets queued per CPU before the network stack takes them. Default
        /// 2000: twice the kernel's 1000, the step IBM measured a gain for (and a loss beyond 2500).</summary>
        public long? NetdevMaxBacklog { get; set; } = 2000;

        /// <summary><c>net.ipv4.udp_mem</c>, three page counts (min, pressure, max) for all UDP sockets; default null: the
        /// kernel sizes it from the machine's memory at boot.</summary>
        public SoraUdpMemory? UdpMemory { get; set; }
    }

    /// <summary><c>net.ipv4.udp_mem</c>: pages (not bytes) for all UDP sockets together.</summary>
    public sealed class SoraUdpMemory
    {
        public SoraUdpMemory(long min, long pressure, long max)
        {
            Min = min;
            Pressure = pressure;
            Max = max;
        }

        public long Min { get; }

        public long Pressure { get; }

        public long Max { get; }

        public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} {1} {2}", Min, Pressure, Max);
    }
}
