using ImpactBot.Cli.Git;
using ImpactBot.Core.Files;
using ImpactBot.Testing.Git;

namespace ImpactBot.Cli.Tests.Git;

public sealed class GitTreeFileSourceTests
{
    [Test]
    public async Task Prefetch_ManyFiles_ReadsTheSameTextsAsSingleReads()
    {
        using var repo = TempGitRepo.Create();
        for (var i = 0; i < 300; i++)
        {
            repo.Write($"models/m{i:000}.sql", $"select {i} as id, 'é{i}' as name\n");
        }

        repo.Write("models/empty.sql", "");
        var commit = repo.Commit("models");
        var git = new GitRepository(repo.Path);
        using var single = await git.OpenTreeAsync(commit, CancellationToken.None);
        using var prefetched = await git.OpenTreeAsync(commit, CancellationToken.None);

        ((IFileSource)prefetched).Prefetch(prefetched.Paths);

        Assert.That(prefetched.Paths, Has.Count.EqualTo(301));
        foreach (var path in single.Paths)
        {
            Assert.That(prefetched.ReadText(path), Is.EqualTo(single.ReadText(path)), path);
        }

        Assert.That(prefetched.ReadText("models/m042.sql"), Is.EqualTo("select 42 as id, 'é42' as name\n"));
        Assert.That(prefetched.ReadText("models/empty.sql"), Is.EqualTo(""));
    }

    [Test]
    public async Task Prefetch_BinaryAndUnknownPaths_ReadAsNull()
    {
        using var repo = TempGitRepo.Create();
        repo.Write("models/a.sql", "select 1 as a");
        repo.WriteBytes("models/blob.sql", [0x50, 0x4B, 0x00, 0x01, 0x02]);
        var commit = repo.Commit("binary");
        using var files = await new GitRepository(repo.Path).OpenTreeAsync(commit, CancellationToken.None);

        ((IFileSource)files).Prefetch(["models/a.sql", "models/blob.sql", "models/missing.sql"]);

        Assert.Multiple(() =>
        {
            Assert.That(files.ReadText("models/a.sql"), Is.EqualTo("select 1 as a"));
            Assert.That(files.ReadText("models/blob.sql"), Is.Null);
            Assert.That(files.ReadText("models/missing.sql"), Is.Null);
        });
    }
    [Test]
    public async Task ReadText_Utf8ByteOrderMark_IsDroppedInSingleAndPrefetchedReads()
    {
        using var repo = TempGitRepo.Create();
        repo.WriteBytes("db/a.sql", [0xEF, 0xBB, 0xBF, .. "CREATE VIEW dbo.a AS SELECT 1 AS x"u8]);
        repo.WriteBytes("db/b.sql", [0xEF, 0xBB, 0xBF, .. "CREATE VIEW dbo.b AS SELECT 2 AS y"u8]);
        var commit = repo.Commit("ssdt files with a BOM");
        using var files = await new GitRepository(repo.Path).OpenTreeAsync(commit, CancellationToken.None);

        var single = files.ReadText("db/a.sql");
        files.Prefetch(["db/a.sql", "db/b.sql"]);

        Assert.That(single, Is.EqualTo("CREATE VIEW dbo.a AS SELECT 1 AS x"));
        Assert.That(files.ReadText("db/b.sql"), Is.EqualTo("CREATE VIEW dbo.b AS SELECT 2 AS y"));
    }
}
