using ImpactBot.Core.Owners;

namespace ImpactBot.Dbt;

/// <summary>Fills the owner lists: meta.owner, then config.meta.owner, then the group's owner, then CODEOWNERS.</summary>
internal sealed class OwnerAssignment(OwnerResolver owners, IReadOnlyList<DbtGroup> groups, IReadOnlyDictionary<string, OwnerHints> hints)
{
    public DbtModel Assign(DbtModel model) =>
        model with { Owners = Node(model.UniqueId, model.Meta, model.Group, model.Path).Build() };

    public DbtSnapshot Assign(DbtSnapshot snapshot) =>
        snapshot with { Owners = Node(snapshot.UniqueId, snapshot.Meta, snapshot.Group, snapshot.Path).Build() };

    public DbtSeed Assign(DbtSeed seed) =>
        seed with { Owners = Node(seed.UniqueId, seed.Meta, seed.Group, seed.Path).Build() };

    public DbtSource Assign(DbtSource source) =>
        source with { Owners = owners.Start().AddMeta(source.Meta, OwnerSource.Meta, $"{source.Path}:{source.Line}").AddCodeOwners(source.Path).Build() };

    public DbtExposure Assign(DbtExposure exposure) =>
        exposure with
        {
            Owners = owners.Start()
                .AddPerson(exposure.OwnerName, exposure.OwnerEmail, OwnerSource.Exposure, $"{exposure.Path}:{exposure.Line}")
                .AddMeta(exposure.Meta, OwnerSource.Meta, $"{exposure.Path}:{exposure.Line}")
                .AddCodeOwners(exposure.Path)
                .Build(),
        };

    private OwnerResolver.Builder Node(string uniqueId, DbtMap meta, string? group, string path)
    {
        var builder = owners.Start();
        if (hints.TryGetValue(uniqueId, out var hint))
        {
            builder.AddMeta(hint.Meta, OwnerSource.Meta, hint.MetaOrigin).AddMeta(hint.ConfigMeta, OwnerSource.ConfigMeta, hint.ConfigOrigin);
        }
        else
        {
            builder.AddMeta(meta, OwnerSource.Meta, path);
        }

        if (group is not null && groups.FirstOrDefault(g => g.Name == group) is { } g)
        {
            builder.AddPerson(g.OwnerName, g.OwnerEmail, OwnerSource.Group, $"{g.Path}:{g.Line}");
        }

        return builder.AddCodeOwners(path);
    }
}
