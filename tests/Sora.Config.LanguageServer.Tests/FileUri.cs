namespace Sora.Config.LanguageServer.Tests;

/// <summary>A file's path as the <c>file://</c> URI an editor sends.</summary>
internal static class FileUri
{
    public static string Of(string path) => new Uri(path).AbsoluteUri;
}
