global using Microsoft.CodeAnalysis.Testing;
