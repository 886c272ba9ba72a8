using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Sora.Config.BuildHost;

/// <summary>A place in a source file (1-based line and column).</summary>
internal readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>The MSBuild canonical origin: <c>file(line,col)</c>.</summary>
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}

/// <summary>Finds where a member is declared from the assembly's portable PDB (beside it or embedded):
/// the first sequence point of its body gives file and line, then the member's name is looked up on that
/// line or the few above it, so the location is the declaration's identifier — what an analyzer would
/// report. PathMap'd document paths (deterministic CI builds) are mapped back.</summary>
internal sealed class SourceLocator : IDisposable
{
    private readonly MetadataReaderProvider? pdb;
    private readonly MetadataReader? reader;
    private readonly List<KeyValuePair<string, string>> pathMap = new();
    private readonly Dictionary<string, string[]?> sources = new(StringComparer.Ordinal);

    public SourceLocator(string assemblyPath, string pathMapText)
    {
        foreach (var entry in pathMapText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = entry.IndexOf('=');
            if (eq > 0) pathMap.Add(new(entry.Substring(0, eq), entry.Substring(eq + 1)));
        }
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (pe.TryOpenAssociatedPortablePdb(assemblyPath, p => File.Exists(p) ? File.OpenRead(p) : null, out var provider, out _) && provider is not null)
            {
                pdb = provider;
                reader = provider.GetMetadataReader();
            }
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException)
        {
            pdb = null; // No (portable) PDB: findings fall back to the project file.
        }
    }

    public SourceLocation? Locate(MethodBase body, string memberName)
    {
        if (reader is null) return null;
        try
        {
            var handle = (MethodDefinitionHandle)MetadataTokens.Handle(body.MetadataToken);
            var info = reader.GetMethodDebugInformation(handle.ToDebugInformationHandle());
            foreach (var point in info.GetSequencePoints())
            {
                if (point.IsHidden) continue;
                var document = Unmap(reader.GetString(reader.GetDocument(point.Document).Name));
                return Refine(document, point.StartLine, point.StartColumn, memberName);
            }
        }
        catch (Exception e) when (e is BadImageFormatException or ArgumentException or InvalidCastException)
        {
            return null;
        }
        return null;
    }

    /// <summary>The last source line of the member's body (its last sequence point), or 0 when unknown.</summary>
    public int LastLine(MethodBase body)
    {
        if (reader is null) return 0;
        try
        {
            var handle = (MethodDefinitionHandle)MetadataTokens.Handle(body.MetadataToken);
            var last = 0;
            foreach (var point in reader.GetMethodDebugInformation(handle.ToDebugInformationHandle()).GetSequencePoints())
            {
                if (!point.IsHidden) last = Math.Max(last, point.EndLine);
            }
            return last;
        }
        catch (Exception e) when (e is BadImageFormatException or ArgumentException or InvalidCastException)
        {
            return 0;
        }
    }

    private string Unmap(string path)
    {
        foreach (var (from, to) in pathMap)
        {
            if (to.Length > 0 && path.StartsWith(to, StringComparison.Ordinal))
            {
                var rest = path.Substring(to.Length).TrimStart('/', '\\');
                return Path.GetFullPath(Path.Combine(from, rest.Replace('/', Path.DirectorySeparatorChar)));
            }
        }
        return path;
    }

    /// <summary>The member's identifier on the body's first line or up to 15 lines above (attributes and a
    /// multi-line signature sit there); the body's own position when the source cannot be read.</summary>
    private SourceLocation Refine(string file, int line, int column, string memberName)
    {
        if (!sources.TryGetValue(file, out var lines))
        {
            lines = File.Exists(file) ? File.ReadAllLines(file) : null;
            sources[file] = lines;
        }
        if (lines is null) return new SourceLocation(file, line, column);
        for (var l = Math.Min(line, lines.Length); l >= 1 && l >= line - 15; l--)
        {
            var at = FindIdentifier(lines[l - 1], memberName);
            if (at >= 0) return new SourceLocation(file, l, at + 1);
        }
        return new SourceLocation(file, line, column);
    }

    private static int FindIdentifier(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var end = at + name.Length;
            var after = end >= text.Length ? ' ' : text[end];
            if (!IsIdentifierChar(before) && before != '.' && before != '"' && !IsIdentifierChar(after) && after != '"') return at;
        }
        return -1;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@';

    public void Dispose() => pdb?.Dispose();
}
