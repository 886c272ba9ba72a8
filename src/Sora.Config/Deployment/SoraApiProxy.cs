using System;
using System.Collections.Generic;

namespace Sora.Config.Deployment
{
    /// <summary>Publishes Sora's HTTP API through nginx's HTTPS server (on the signaling host), behind authentication. Set
    /// <see cref="BasicAuthUserFile"/>, <see cref="AllowFrom"/> or both; with neither the API is open to anyone who
    /// reaches nginx (SORA3013).</summary>
    public sealed class SoraApiProxy
    {
        /// <summary>The path the API is published at (<c>location = /api</c>); requests go to Sora's API root.</summary>
        public string Path { get; set; } = "/api";

        /// <summary>An htpasswd file: nginx asks for a user and password (<c>auth_basic</c>).</summary>
        public string? BasicAuthUserFile { get; set; }

        /// <summary>Addresses or CIDR ranges allowed to call the API (<c>allow …; deny all;</c>).</summary>
        public IReadOnlyList<string> AllowFrom { get; set; } = Array.Empty<string>();

        internal bool IsAuthenticated => !string.IsNullOrWhiteSpace(BasicAuthUserFile) || AllowFrom.Count > 0;
    }
}
