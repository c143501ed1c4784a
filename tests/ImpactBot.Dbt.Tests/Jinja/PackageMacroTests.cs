using ImpactBot.Core.Files;
using ImpactBot.Dbt.Jinja;

namespace ImpactBot.Dbt.Tests.Jinja;

/// <summary>
/// Installed packages (<c>dbt deps</c> output) and ImpactBot's built-in versions of well-known package macros. The
/// fixture's dbt_utils macros are real dbt-utils files (Apache-2.0, licence beside them).
/// </summary>
public sealed class PackageMacroTests
{
    private static DbtModel Model(DbtProject project, string name) => project.Models.Single(m => m.Name == name);

    private static string Squash(string sql) => string.Join(" ", sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The fixture with its dbt_packages/ folder taken out, as the working tree's packages are given to the reader.</summary>
    private static (InMemoryFileSource Project, InMemoryFileSource Packages) Split(params (string Path, string Text)[] extra)
    {
        var all = FixtureFiles.Load("dbt/packages", extra);
        var project = all.Paths.Where(p => !p.StartsWith("dbt_packages/", StringComparison.Ordinal)).Select(p => new KeyValuePair<string, string>(p, all.ReadText(p)!));
        var packages = all.Paths.Where(p => p.StartsWith("dbt_packages/", StringComparison.Ordinal)).Select(p => new KeyValuePair<string, string>(p["dbt_packages/".Length..], all.ReadText(p)!));
        return (new InMemoryFileSource(project), new InMemoryFileSource(packages));
    }

    [Test]
    public void CommittedPackages_AreReadFromDbtPackages()
    {
        var project = DbtProjectReader.Read(FixtureFiles.Load("dbt/packages"));

        var orders = Model(project, "orders");
        Assert.That(orders.RenderedSql, Does.Contain("md5(cast(concat(coalesce(cast(order_id as varchar), '_dbt_utils_surrogate_key_null_'), '-', coalesce(cast(customer_id"));
        Assert.That(Squash(orders.RenderedSql), Does.Contain("group by 1,2,3"));
        Assert.That(orders.RenderStatus, Is.EqualTo(RenderStatus.Complete), string.Join("\n", orders.Diagnostics));
    }

    [Test]
    public void WorkingTreePackages_GivenToTheReader_AreUsed()
    {
        var (files, packages) = Split();

        var orders = Model(DbtProjectReader.Read(files, new DbtReadOptions { Packages = packages }), "orders");

        Assert.That(Squash(orders.RenderedSql), Does.Contain("max( case when status = 'paid' then amount else null end ) as \"paid\""));
        Assert.That(orders.RenderStatus, Is.EqualTo(RenderStatus.Complete), string.Join("\n", orders.Diagnostics));
    }

    [Test]
    public void DispatchSearchOrder_LetsTheProjectOverrideAPackageImplementation()
    {
        var orders = Model(DbtProjectReader.Read(FixtureFiles.Load("dbt/packages")), "orders");

        Assert.That(orders.RenderedSql, Does.Contain("case when quantity = 0 then null else amount / quantity end as unit_price"));
    }

    [Test]
    public void ProjectRefOverride_CallingBuiltinsRef_KeepsEveryRelation()
    {
        var orders = Model(DbtProjectReader.Read(FixtureFiles.Load("dbt/packages")), "orders");

        Assert.That(orders.RenderedSql, Does.Contain("from __ref__.stg_orders"));
        Assert.That(orders.Refs.Select(r => r.Name), Is.EqualTo(new[] { "stg_orders" }));
    }

    [Test]
    public void UnqualifiedCallInsideAPackageMacro_ResolvesInThatPackageFirst()
    {
        var (files, _) = Split(("models/keyed.sql", "select {{ util.key('a') }} as k"));
        var packages = new InMemoryFileSource([
            new("util/dbt_project.yml", "name: util\n"),
            new("util/macros/key.sql", "{% macro key(c) %}{{ helper(c) }}{% endmacro %}{% macro helper(c) %}upper({{ c }}){% endmacro %}"),
        ]);

        var keyed = Model(DbtProjectReader.Read(files, new DbtReadOptions { Packages = packages }), "keyed");

        Assert.That(keyed.RenderedSql, Is.EqualTo("select upper(a) as k"));
    }

    [Test]
    public void EditedPackageMacro_ChangesTheModelsSqlAndThePackagesFingerprint()
    {
        var (files, packages) = Split();
        var edited = new InMemoryFileSource(packages.Paths.Select(p => new KeyValuePair<string, string>(
            p, p.EndsWith("safe_divide.sql", StringComparison.Ordinal) ? packages.ReadText(p)!.Replace("nullif", "nullifzero", StringComparison.Ordinal) : packages.ReadText(p)!)));
        var withOverride = files.Paths.Where(p => p != "macros/overrides.sql").Select(p => new KeyValuePair<string, string>(p, files.ReadText(p)!));
        var project = new InMemoryFileSource(withOverride);

        var before = DbtProjectReader.Read(project, new DbtReadOptions { Packages = packages });
        var after = DbtProjectReader.Read(project, new DbtReadOptions { Packages = edited });

        Assert.That(Model(before, "orders").RenderedSql, Does.Contain("nullif( ( quantity ), 0)"));
        Assert.That(Model(after, "orders").RenderedSql, Does.Contain("nullifzero( ( quantity ), 0)"));
        Assert.That(Model(after, "stg_orders").RenderedSql, Is.EqualTo(Model(before, "stg_orders").RenderedSql));
        Assert.That(after.PackagesFingerprint, Is.Not.EqualTo(before.PackagesFingerprint));
    }

    [Test]
    public void PackagesYml_IsInTheFingerprint()
    {
        var before = DbtProjectReader.Read(FixtureFiles.Load("dbt/packages"));
        var after = DbtProjectReader.Read(FixtureFiles.Load("dbt/packages", ("packages.yml", "packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.3.1\n")));

        Assert.That(after.PackagesFingerprint, Is.Not.EqualTo(before.PackagesFingerprint));
    }
}
