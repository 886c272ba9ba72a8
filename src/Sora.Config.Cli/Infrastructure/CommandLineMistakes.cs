using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using Sora.Config.Shared;

namespace Sora.Config.Cli.Infrastructure
{
    /// <summary>Misspelt commands and options, each named with the closest real one.</summary>
    internal static class CommandLineMistakes
    {
        /// <summary>A first word that is no command (<c>sora-conf lnit x.conf</c>): one message naming the closest command
        /// and listing them all, instead of System.CommandLine's one line per unmatched word; null otherwise.</summary>
        public static string? UnknownCommand(ParseResult parse)
        {
            if (parse.CommandResult.Parent is not null || parse.UnmatchedTokens.Count == 0) return null;
            var word = parse.UnmatchedTokens[0];
            var commands = parse.CommandResult.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
            // A command after `--` is a plain word there; System.CommandLine's own message says so better.
            if (word.StartsWith("-", StringComparison.Ordinal) || commands.Contains(word)) return null;
            var suggestion = NameSuggestion.Closest(commands, word);
            return $"'{word}' is not a sora-conf command" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?")
                + " (the commands: " + string.Join(", ", commands) + ")";
        }

        /// <summary>Options the command does not have, one message each, in the order given; empty when there is none.
        /// System.CommandLine hands a token such as <c>--fial-on</c> to a file or key argument when one can take it, so
        /// <c>lint --fial-on error sora.conf</c> would look for files named "--fial-on" and "error". A token that starts
        /// with '-' is refused as an unknown option instead, with the closest option of the command; after <c>--</c>
        /// every token is an argument, so a file whose name starts with '-' is still reachable
        /// (<c>sora-conf lint -- -odd.conf</c>).</summary>
        public static List<string> UnknownOptions(ParseResult parse)
        {
            var messages = new List<string>();
            foreach (var token in parse.Tokens)
            {
                if (token.Type == TokenType.DoubleDash) break;
                if (token.Type != TokenType.Argument || !LooksLikeOption(token.Value)) continue;
                var suggestion = Suggest(KnownOptions(parse.CommandResult), token.Value);
                messages.Add(string.Format(CultureInfo.InvariantCulture, "'{0}' has no option '{1}'{2}", CommandPath(parse.CommandResult), token.Value,
                    suggestion is null ? "" : "; did you mean '" + suggestion + "'?"));
            }
            return messages;
        }

        /// <summary>The option <paramref name="typed"/> most likely means, compared without the dashes (so "--chek" is as far
        /// from "--check" as "chek" from "check"): the only option it begins (--allow-unknown for --allow-unknown-key), else
        /// the closest. Nothing for one or two letters, which are a slip away from every short alias.</summary>
        private static string? Suggest(IEnumerable<string> known, string typed)
        {
            var bare = typed.TrimStart('-');
            if (bare.Length < 3) return null;
            var byBare = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in known) byBare[name.TrimStart('-')] = name;
            var begun = byBare.Keys.Where(k => k.StartsWith(bare, StringComparison.Ordinal)).ToList();
            if (begun.Count == 1) return byBare[begun[0]];
            var closest = NameSuggestion.Closest(byBare.Keys, bare);
            return closest is null ? null : byBare[closest];
        }

        /// <summary>'-' alone (standard input, by convention) and negative numbers (an option's value) are not options.</summary>
        private static bool LooksLikeOption(string value) =>
            value.Length > 1 && value[0] == '-' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

        /// <summary>The invoked command's options and its ancestors' recursive ones (--schema), by every name they answer to.</summary>
        private static IEnumerable<string> KnownOptions(CommandResult invoked)
        {
            for (SymbolResult? result = invoked; result is not null; result = result.Parent)
            {
                if (result is not CommandResult command) continue;
                foreach (var option in command.Command.Options)
                {
                    if (!ReferenceEquals(command, invoked) && !option.Recursive) continue;
                    yield return option.Name;
                    foreach (var alias in option.Aliases) yield return alias;
                }
            }
        }

        private static string CommandPath(CommandResult invoked)
        {
            var names = new List<string>();
            for (SymbolResult? result = invoked; result is not null; result = result.Parent)
            {
                if (result is CommandResult command) names.Add(command.Parent is null ? "sora-conf" : command.Command.Name);
            }
            names.Reverse();
            return string.Join(" ", names);
        }
    }
}
