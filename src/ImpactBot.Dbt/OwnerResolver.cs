using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Core.Owners;

namespace ImpactBot.Dbt;

/// <summary>
/// Turns owner mentions into an ordered, de-duplicated owner list. Handles (<c>@x</c>) stay; emails and names are mapped
/// through the <c>.impactbot.yml</c> aliases when listed there, and otherwise shown as written, never dropped. CODEOWNERS
/// adds owners only to assets dbt names none for, unless <paramref name="codeOwnersUse"/> says otherwise: a catch-all
/// rule of 12 people must not bury the model's real owner.
/// </summary>
public sealed class OwnerResolver(ImmutableDictionary<string, string> aliases, CodeOwnersFile? codeOwners, CodeOwnersUse codeOwnersUse = CodeOwnersUse.Fallback)
{
    public static readonly OwnerResolver None = new(ImmutableDictionary<string, string>.Empty, null);

    private readonly CodeOwnersUse _codeOwnersUse = codeOwnersUse;

    public CodeOwnersFile? CodeOwners => codeOwners;

    /// <summary>Starts a list for one asset; add sources in priority order.</summary>
    public Builder Start() => new(this);

    /// <summary>The display form of one mention: the alias of the email or name when known, else the mention as written.</summary>
    public string Display(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = raw.Trim();
        if (text.StartsWith('@'))
        {
            return text;
        }

        if (aliases.TryGetValue(text, out var handle))
        {
            return handle;
        }

        // "Jane Doe <jane@acme.com>": try the email inside the brackets, then the name.
        var open = text.IndexOf('<', StringComparison.Ordinal);
        if (open > 0 && text.EndsWith('>'))
        {
            var email = text[(open + 1)..^1].Trim();
            var name = text[..open].Trim();
            return aliases.GetValueOrDefault(email) ?? aliases.GetValueOrDefault(name) ?? text;
        }

        return text;
    }

    /// <summary>Collects owners for one asset, keeping the first occurrence of each display form.</summary>
    public sealed class Builder
    {
        private readonly OwnerResolver _resolver;
        private readonly List<AssetOwner> _owners = [];

        internal Builder(OwnerResolver resolver) => _resolver = resolver;

        public Builder Add(string? raw, OwnerSource source, string origin)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                return this;
            }

            var display = _resolver.Display(raw);
            if (!_owners.Any(o => string.Equals(o.Display, display, StringComparison.OrdinalIgnoreCase)))
            {
                _owners.Add(new AssetOwner(display, raw.Trim(), source, origin));
            }

            return this;
        }

        /// <summary>Adds the <c>owner</c>/<c>owners</c> entries of a meta map: strings, lists, or <c>{name, email}</c> maps.</summary>
        public Builder AddMeta(DbtMap meta, OwnerSource source, string origin)
        {
            ArgumentNullException.ThrowIfNull(meta);
            foreach (var key in new[] { "owner", "owners" })
            {
                foreach (var raw in Mentions(meta[key]))
                {
                    Add(raw, source, origin);
                }
            }

            return this;
        }

        /// <summary>Adds a person given by name and/or email (group and exposure owners).</summary>
        public Builder AddPerson(string? name, string? email, OwnerSource source, string origin)
        {
            var raw = (name, email) switch
            {
                ({ } n, { } e) when !string.IsNullOrWhiteSpace(n) && !string.IsNullOrWhiteSpace(e) => $"{n.Trim()} <{e.Trim()}>",
                _ => string.IsNullOrWhiteSpace(email) ? name : email,
            };
            return Add(raw, source, origin);
        }

        /// <summary>Adds the CODEOWNERS owners of a file.</summary>
        public Builder AddCodeOwners(string? path)
        {
            if (path is null or "" || _resolver.CodeOwners is not { } file
                || _resolver._codeOwnersUse == CodeOwnersUse.Off
                || _resolver._codeOwnersUse == CodeOwnersUse.Fallback && _owners.Count > 0)
            {
                return this;
            }

            foreach (var (owner, line) in file.OwnersOf(path))
            {
                Add(owner, OwnerSource.CodeOwners, $"{file.Path}:{line}");
            }

            return this;
        }

        public ImmutableArray<AssetOwner> Build() => [.. _owners];

        private static IEnumerable<string> Mentions(DbtValue? value) => value switch
        {
            DbtScalar { Value: { } s } => SplitList(s),
            DbtList list => list.Items.SelectMany(Mentions),
            DbtMap map when (map["email"]?.Text, map["name"]?.Text) is var (e, n) && (e ?? n) is not null =>
                [e is not null && n is not null ? $"{n} <{e}>" : (e ?? n)!],
            _ => [],
        };

        // "a@x.com, @b" is two owners; "Doe, Jane" is one name.
        private static IEnumerable<string> SplitList(string text)
        {
            var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return parts.Length > 1 && parts.All(p => p.StartsWith('@') || p.Contains('@', StringComparison.Ordinal)) ? parts : [text.Trim()];
        }
    }
}
