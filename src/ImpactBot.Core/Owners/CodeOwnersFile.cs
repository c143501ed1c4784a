using System.Collections.Immutable;
using ImpactBot.Core.Files;

namespace ImpactBot.Core.Owners;

/// <summary>
/// A CODEOWNERS file in GitHub or GitLab syntax. Within a section the last matching rule wins; GitLab sections
/// (<c>[Name]</c>, <c>^[Optional]</c>, <c>[Name][2]</c>, with default owners after the header) are all combined.
/// </summary>
public sealed class CodeOwnersFile
{
    /// <summary>Where GitHub and GitLab look, in the order this reader tries them.</summary>
    public static readonly ImmutableArray<string> Locations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"];

    private CodeOwnersFile(string path, ImmutableArray<CodeOwnersRule> rules)
    {
        Path = path;
        Rules = rules;
    }

    public string Path { get; }

    public ImmutableArray<CodeOwnersRule> Rules { get; }

    /// <summary>The first CODEOWNERS file found in <see cref="Locations"/>, or null.</summary>
    public static CodeOwnersFile? Find(IFileSource files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var location in Locations)
        {
            if (files.ReadText(location) is { } text)
            {
                return Parse(text, location);
            }
        }

        return null;
    }

    public static CodeOwnersFile Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = ImmutableArray.CreateBuilder<CodeOwnersRule>();
        var section = "";
        ImmutableArray<string> sectionOwners = [];
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (TryParseSection(line, out var name, out var defaults))
            {
                section = name;
                sectionOwners = defaults;
                continue;
            }

            var tokens = Tokens(line);
            var owners = tokens.Skip(1).TakeWhile(t => !t.StartsWith('#')).ToImmutableArray();
            rules.Add(new CodeOwnersRule(new GlobPattern(tokens[0]), owners.IsEmpty ? sectionOwners : owners, section, i + 1));
        }

        return new CodeOwnersFile(path, rules.ToImmutable());
    }

    /// <summary>The owners of <paramref name="filePath"/> with the rule line that gave each, sections in file order.</summary>
    public ImmutableArray<(string Owner, int Line)> OwnersOf(string filePath)
    {
        var winners = new List<CodeOwnersRule>();
        foreach (var group in Rules.GroupBy(r => r.Section, StringComparer.OrdinalIgnoreCase))
        {
            if (group.LastOrDefault(r => r.Pattern.IsMatch(filePath)) is { } winner)
            {
                winners.Add(winner);
            }
        }

        var result = ImmutableArray.CreateBuilder<(string, int)>();
        foreach (var rule in winners)
        {
            foreach (var owner in rule.Owners)
            {
                if (!result.Any(r => string.Equals(r.Item1, owner, StringComparison.OrdinalIgnoreCase)))
                {
                    result.Add((owner, rule.Line));
                }
            }
        }

        return result.ToImmutable();
    }

    private static bool TryParseSection(string line, out string name, out ImmutableArray<string> owners)
    {
        name = "";
        owners = [];
        var rest = line.StartsWith('^') ? line[1..] : line;
        if (!rest.StartsWith('['))
        {
            return false;
        }

        var close = rest.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        name = rest[1..close].Trim();
        rest = rest[(close + 1)..].TrimStart();
        if (rest.StartsWith('[') && rest.IndexOf(']', StringComparison.Ordinal) is var approvals and > 0)
        {
            rest = rest[(approvals + 1)..];
        }

        owners = [.. Tokens(rest).TakeWhile(t => !t.StartsWith('#'))];
        return true;
    }

    private static List<string> Tokens(string line)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                current.Append(line[++i]);
            }
            else if (char.IsWhiteSpace(line[i]))
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(line[i]);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
