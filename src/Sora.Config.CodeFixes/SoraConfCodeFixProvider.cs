using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Sora.Config.Analyzers;

namespace Sora.Config.CodeFixes
{
    /// <summary>Fixes in C# code, as the catalogue states them (rules.toml <c>fixes</c>, never a rule ID in code): each remedy the analyzer attached
    /// (<see cref="SoraProperties.Remedies"/>) becomes "Set Property = value" — a boolean literal, or for a key only the
    /// user can fill (a host name) a placeholder string selected for renaming, added next to the assignment — and "Remove
    /// the assignment" when the key's default is its remedy.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SoraConfCodeFixProvider)), Shared]
    public sealed class SoraConfCodeFixProvider : CodeFixProvider
    {
        /// <summary>The placeholder inserted for a value only the user can give (selected for renaming).</summary>
        public const string Placeholder = "host.example.com";

        /// <summary>Every rule of the bundled catalogue that states fixes (rules.toml <c>fixes</c>).</summary>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            Sora.Config.Catalog.SoraCatalog.Default.Rules.Where(r => r.Fixes.Count > 0).Select(r => r.Id).ToImmutableArray();

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                var p = diagnostic.Properties;
                p.TryGetValue(SoraProperties.Site, out var site);
                p.TryGetValue(SoraProperties.Property, out var property);
                if (!p.TryGetValue(SoraProperties.Remedies, out var remedies) || remedies is null) continue;
                if (site != SoraProperties.SiteInitializer && site != SoraProperties.SiteAssignment && site != SoraProperties.SiteCreation) continue;
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

                foreach (var remedy in remedies.Split('\n'))
                {
                    int eq = remedy.IndexOf('=');
                    if (eq <= 0) continue;
                    var target = remedy.Substring(0, eq);
                    var value = remedy.Substring(eq + 1);
                    if (value == "true" || value == "false")
                    {
                        bool b = value == "true";
                        // Another key than the finding's: set it next to the finding's assignment (or in the initializer).
                        if (target != property && site == SoraProperties.SiteCreation) continue;
                        context.RegisterCodeFix(CodeAction.Create(
                            "Set " + target + " = " + value,
                            ct => target == property ? SetAsync(context.Document, node, site!, target, b, ct) : AddAfterAsync(context.Document, node, target, BoolLiteral(b), ct),
                            "SoraConf.Set." + target + "=" + value), diagnostic);
                    }
                    else if (value.Length == 0 && site != SoraProperties.SiteCreation)
                    {
                        context.RegisterCodeFix(CodeAction.Create(
                            "Set " + target,
                            ct => AddAfterAsync(context.Document, node, target, PlaceholderLiteral(), ct),
                            "SoraConf.Set." + target), diagnostic);
                    }
                }
                if (property != null && site != SoraProperties.SiteCreation && p.TryGetValue(SoraProperties.DefaultIsSafe, out var removable) && removable == "true")
                {
                    context.RegisterCodeFix(CodeAction.Create(
                        "Remove the " + property + " assignment (the default is safe)",
                        ct => RemoveAsync(context.Document, node, ct),
                        "SoraConf.RemoveAssignment." + property), diagnostic);
                }
            }
        }

        private static LiteralExpressionSyntax BoolLiteral(bool value) =>
            SyntaxFactory.LiteralExpression(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);

        private static LiteralExpressionSyntax PlaceholderLiteral() =>
            (LiteralExpressionSyntax)SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(Placeholder))
                .WithAdditionalAnnotations(RenameAnnotation.Create());

        private static async Task<Document> SetAsync(Document document, SyntaxNode node, string site, string property, bool value, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            if (root is null) return document;
            var literal = SyntaxFactory.LiteralExpression(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
            if (site != SoraProperties.SiteCreation)
            {
                var assignment = node.AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault();
                if (assignment is null) return document;
                return document.WithSyntaxRoot(root.ReplaceNode(assignment.Right, literal.WithTriviaFrom(assignment.Right)));
            }

            // The key is never set: add it to the object initializer.
            var creation = node.AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault();
            if (creation is null) return document;
            var element = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), literal);
            return document.WithSyntaxRoot(root.ReplaceNode(creation, AddToInitializer(creation, element)));
        }

        private static BaseObjectCreationExpressionSyntax AddToInitializer(BaseObjectCreationExpressionSyntax creation, ExpressionSyntax element)
        {
            if (creation.Initializer is { } initializer)
            {
                return creation.WithInitializer(initializer.WithExpressions(initializer.Expressions.Add(element)));
            }
            var created = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList(element));
            // `new C()` keeps its argument list; `new C` gets none: `new C { X = … }`.
            var trimmed = creation.WithoutTrailingTrivia();
            return trimmed.WithInitializer(created.WithLeadingTrivia(SyntaxFactory.Space))
                .WithAdditionalAnnotations(Formatter.Annotation)
                .WithTrailingTrivia(creation.GetTrailingTrivia());
        }

        /// <summary>Adds <c>property = literal</c> after the assignment the finding is at, on the same object.</summary>
        private static async Task<Document> AddAfterAsync(Document document, SyntaxNode node, string fqdnProperty, LiteralExpressionSyntax literal, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            var assignment = node.AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault();
            if (root is null || assignment is null) return document;

            if (assignment.Parent is InitializerExpressionSyntax initializer)
            {
                var element = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(fqdnProperty), literal);
                int index = initializer.Expressions.IndexOf(assignment);
                return document.WithSyntaxRoot(root.ReplaceNode(initializer, initializer.WithExpressions(initializer.Expressions.Insert(index + 1, element))));
            }

            // conf.TurnTls = true;  →  add conf.TurnTlsFqdn = "…"; on the next line, on the same object.
            if (assignment.Parent is ExpressionStatementSyntax statement && assignment.Left is MemberAccessExpressionSyntax member)
            {
                var target = member.WithName(SyntaxFactory.IdentifierName(fqdnProperty));
                var added = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, target.WithoutTrivia(), literal))
                    .WithLeadingTrivia(statement.GetLeadingTrivia())
                    .WithTrailingTrivia(statement.GetTrailingTrivia());
                return document.WithSyntaxRoot(root.InsertNodesAfter(statement, new[] { added }));
            }
            return document;
        }

        private static async Task<Document> RemoveAsync(Document document, SyntaxNode node, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            var assignment = node.AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault();
            if (root is null || assignment is null) return document;
            if (assignment.Parent is InitializerExpressionSyntax initializer)
            {
                var expressions = initializer.Expressions;
                int index = expressions.IndexOf(assignment);
                // Drop the element and the separator that follows it (or precedes it when it is the last one).
                var list = SyntaxFactory.SeparatedList(expressions.Where((_, i) => i != index), expressions.GetSeparators().Where((_, i) => i != (index < expressions.SeparatorCount ? index : index - 1)));
                if (index == expressions.Count - 1 && list.Count > 0)
                {
                    // The removed last element carried the space before '}': keep it on the new last one.
                    list = list.Replace(list[list.Count - 1], list[list.Count - 1].WithTrailingTrivia(assignment.GetTrailingTrivia()));
                }
                return document.WithSyntaxRoot(root.ReplaceNode(initializer, initializer.WithExpressions(list)));
            }
            if (assignment.Parent is ExpressionStatementSyntax statement)
            {
                var newRoot = root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
                return newRoot is null ? document : document.WithSyntaxRoot(newRoot);
            }
            return document;
        }
    }
}
