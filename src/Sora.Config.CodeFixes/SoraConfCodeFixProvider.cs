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
    /// <summary>Fixes in C# code: set a production switch to its safe value (SORA1001, 1002, 1005, 1007, 1010,
    /// 1011, 1012), remove an assignment whose removal restores a safe default (SORA1007, 1010, 1011, 1012),
    /// and for SORA1003 add <c>TurnTlsFqdn</c> (literal selected for renaming) or turn <c>TurnTls</c> off.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SoraConfCodeFixProvider)), Shared]
    public sealed class SoraConfCodeFixProvider : CodeFixProvider
    {
        /// <summary>The placeholder host name inserted by the SORA1003 fix (selected for renaming).</summary>
        public const string PlaceholderFqdn = "turns.example.com";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            "SORA1001", "SORA1002", "SORA1003", "SORA1005", "SORA1007", "SORA1010", "SORA1011", "SORA1012");

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
                if (property is null || (site != SoraProperties.SiteInitializer && site != SoraProperties.SiteAssignment && site != SoraProperties.SiteCreation)) continue;
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var id = diagnostic.Id;

                if (id == "SORA1003")
                {
                    if (site == SoraProperties.SiteCreation) continue;
                    var fqdn = p.TryGetValue(SoraProperties.FqdnProperty, out var f) && f is not null ? f : "TurnTlsFqdn";
                    context.RegisterCodeFix(CodeAction.Create(
                        "Set " + fqdn + " (the TURN-TLS host name on the certificate)",
                        ct => AddAfterAsync(context.Document, node, fqdn, ct),
                        "SoraConf.AddTurnTlsFqdn"), diagnostic);
                    context.RegisterCodeFix(CodeAction.Create(
                        "Turn " + property + " off",
                        ct => SetAsync(context.Document, node, site!, property, false, ct),
                        "SoraConf.TurnTlsOff"), diagnostic);
                    continue;
                }

                if (!p.TryGetValue(SoraProperties.SafeValue, out var safe) || (safe != "true" && safe != "false")) continue;
                bool value = safe == "true";
                context.RegisterCodeFix(CodeAction.Create(
                    "Set " + property + " = " + safe,
                    ct => SetAsync(context.Document, node, site!, property, value, ct),
                    "SoraConf.SetSafeValue." + id), diagnostic);
                if (site != SoraProperties.SiteCreation && p.TryGetValue(SoraProperties.DefaultIsSafe, out var removable) && removable == "true")
                {
                    context.RegisterCodeFix(CodeAction.Create(
                        "Remove the " + property + " assignment (the default is safe)",
                        ct => RemoveAsync(context.Document, node, ct),
                        "SoraConf.RemoveAssignment." + id), diagnostic);
                }
            }
        }

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

        private static async Task<Document> AddAfterAsync(Document document, SyntaxNode node, string fqdnProperty, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            var assignment = node.AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault();
            if (root is null || assignment is null) return document;
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(PlaceholderFqdn))
                .WithAdditionalAnnotations(RenameAnnotation.Create());

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
