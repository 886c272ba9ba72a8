using System.Text.Json;

namespace Sora.Config.LanguageServer.Server
{
    /// <summary>What the editor configures (docs/editors.md, "Settings"): the same keys in the initialization options and in
    /// the workspace settings (section <c>soraConf</c>), which take precedence when both set one.</summary>
    internal sealed class ServerSettings
    {
        /// <summary>The Sora version to check against when a file has no <c># sora-version:</c> line; null = newest.</summary>
        public string? SoraVersion { get; private set; }

        /// <summary><c>production</c> (every rule, the default) or <c>development</c> (SORA1xxx off), as <c>lint --profile</c>.</summary>
        public string? Profile { get; private set; }

        /// <summary>The language of messages and hovers (<c>ja</c> or <c>en</c>); null = the client's locale.</summary>
        public string? Locale { get; private set; }

        /// <summary>Reads the settings an editor sent: an object holding <c>soraConf: {...}</c>, or the section's members
        /// themselves. Anything else (a string, wrong types) reads as nothing set rather than failing.</summary>
        public static ServerSettings From(JsonElement? json)
        {
            var settings = new ServerSettings();
            if (json is not { ValueKind: JsonValueKind.Object } root) return settings;
            var section = root.TryGetProperty("soraConf", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : root;
            settings.SoraVersion = Text(section, "soraVersion");
            settings.Profile = Text(section, "profile");
            settings.Locale = Text(section, "locale");
            return settings;
        }

        /// <summary>Each setting from <paramref name="preferred"/> when it sets it, else from <paramref name="fallback"/>.</summary>
        public static ServerSettings Merge(ServerSettings preferred, ServerSettings fallback) => new ServerSettings
        {
            SoraVersion = preferred.SoraVersion ?? fallback.SoraVersion,
            Profile = preferred.Profile ?? fallback.Profile,
            Locale = preferred.Locale ?? fallback.Locale,
        };

        private static string? Text(JsonElement section, string name) =>
            section.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
    }
}
