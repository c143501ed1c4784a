using ImpactBot.Core.Config;
using System.Collections.Immutable;
using ImpactBot.Dbt;
using ImpactBot.Core.Owners;

namespace ImpactBot.Dbt.Tests;

public sealed class OwnerResolverTests
{
    private static readonly ImmutableDictionary<string, string> Aliases = ImmutableDictionary.CreateRange(
        StringComparer.OrdinalIgnoreCase,
        [new KeyValuePair<string, string>("jane@acme.com", "@jane"), new KeyValuePair<string, string>("Finance Team", "@acme/finance")]);

    private static DbtMap Meta(DbtValue owner) => new([new("owner", owner)]);

    [Test]
    public void Display_MapsAliasCaseInsensitivelyAndKeepsUnmappedEmail()
    {
        var resolver = new OwnerResolver(Aliases, null);

        Assert.That(resolver.Display("JANE@acme.com"), Is.EqualTo("@jane"));
        Assert.That(resolver.Display("sam@acme.com"), Is.EqualTo("sam@acme.com"));
        Assert.That(resolver.Display("@already"), Is.EqualTo("@already"));
        Assert.That(resolver.Display("Finance Team <money@acme.com>"), Is.EqualTo("@acme/finance"));
    }

    [Test]
    public void AddMeta_StringListAndCommaSeparatedOwners()
    {
        var owners = new OwnerResolver(Aliases, null).Start()
            .AddMeta(Meta(new DbtList([new DbtScalar("jane@acme.com"), new DbtScalar("@bob")])), OwnerSource.Meta, "a.yml:1")
            .AddMeta(Meta(new DbtScalar("x@acme.com, @y")), OwnerSource.ConfigMeta, "a.yml:2")
            .AddMeta(Meta(new DbtScalar("Doe, Jane")), OwnerSource.Meta, "a.yml:3")
            .Build();

        Assert.That(owners.Select(o => o.Display), Is.EqualTo(new[] { "@jane", "@bob", "x@acme.com", "@y", "Doe, Jane" }));
    }

    [Test]
    public void Build_DeduplicatesByDisplayKeepingFirstSource()
    {
        var owners = new OwnerResolver(Aliases, null).Start()
            .Add("jane@acme.com", OwnerSource.Meta, "m")
            .Add("@JANE", OwnerSource.CodeOwners, "CODEOWNERS:1")
            .Build();

        Assert.That(owners.Single(), Is.EqualTo(new AssetOwner("@jane", "jane@acme.com", OwnerSource.Meta, "m")));
    }

    [Test]
    public void AddPerson_UnmappedNameAndEmailShowsBoth()
    {
        var owners = OwnerResolver.None.Start().AddPerson("Sam", "sam@acme.com", OwnerSource.Group, "g.yml:2").AddPerson(null, "solo@acme.com", OwnerSource.Exposure, "e").Build();

        Assert.That(owners.Select(o => o.Display), Is.EqualTo(new[] { "Sam <sam@acme.com>", "solo@acme.com" }));
        Assert.That(owners[0].IsHandle, Is.False);
    }

    [Test]
    public void AddCodeOwners_UsesMatchingRuleWithOrigin()
    {
        var codeOwners = CodeOwnersFile.Parse("* @all\nmodels/ jane@acme.com\n", ".github/CODEOWNERS");

        var owner = new OwnerResolver(Aliases, codeOwners).Start().AddCodeOwners("models/a.sql").Build().Single();

        Assert.That(owner, Is.EqualTo(new AssetOwner("@jane", "jane@acme.com", OwnerSource.CodeOwners, ".github/CODEOWNERS:2")));
    }

    [Test]
    public void AddMeta_OwnerMapWithNameAndEmail()
    {
        var meta = Meta(new DbtMap([new("name", new DbtScalar("Finance Team")), new("email", new DbtScalar("f@acme.com"))]));

        Assert.That(new OwnerResolver(Aliases, null).Start().AddMeta(meta, OwnerSource.Meta, "x").Build().Single().Display, Is.EqualTo("@acme/finance"));
    }

    [TestCase(CodeOwnersUse.Fallback, new[] { "@model-owner" })]
    [TestCase(CodeOwnersUse.Always, new[] { "@model-owner", "@all" })]
    [TestCase(CodeOwnersUse.Off, new[] { "@model-owner" })]
    public void AddCodeOwners_AssetWithADbtOwner_FollowsTheCodeOwnersSetting(CodeOwnersUse use, string[] expected)
    {
        var codeOwners = CodeOwnersFile.Parse("* @all\n", ".github/CODEOWNERS");

        var owners = new OwnerResolver(Aliases, codeOwners, use).Start().Add("@model-owner", OwnerSource.Meta, "m.yml:3").AddCodeOwners("models/a.sql").Build();

        Assert.That(owners.Select(o => o.Display), Is.EqualTo(expected));
    }

    [TestCase(CodeOwnersUse.Fallback, 1)]
    [TestCase(CodeOwnersUse.Off, 0)]
    public void AddCodeOwners_AssetWithoutADbtOwner_FallsBackUnlessOff(CodeOwnersUse use, int count)
    {
        var codeOwners = CodeOwnersFile.Parse("* @all\n", ".github/CODEOWNERS");

        Assert.That(new OwnerResolver(Aliases, codeOwners, use).Start().AddCodeOwners("models/a.sql").Build(), Has.Length.EqualTo(count));
    }
}
