using System.Security.Cryptography;
using System.Text;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Config;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Snapshot;

namespace ImpactBot.Dbt.Tests.Snapshot;

/// <summary>
/// Damaged and crafted snapshot files: every one is an error value saying to rebuild (or a usable graph), never an
/// exception and never an allocation larger than the file asks for honestly.
/// </summary>
public sealed class SnapshotHostileFileTests
{
    private static readonly Lazy<byte[]> ShopSnapshot = new(() =>
    {
        var files = FixtureFiles.Load("dbt/shop");
        var graph = ProjectGraph.Build(files, "base", ImpactBotConfig.Default, ProjectOptions.Default, previous: null).Build.Graph;
        return Bytes(graph);
    });

    [Test]
    public void Read_Crafted40ByteFileWithHugeStringCount_IsAnErrorNotAnAllocation()
    {
        var file = Sealed(Header(engine: SnapshotFormat.EngineVersion, w => w.Write7BitEncodedInt(int.MaxValue)));
        Assert.That(file, Has.Length.LessThan(80));

        var read = SnapshotReader.Read(file);

        Assert.That(read.Graph, Is.Null);
        Assert.That(read.Error, Does.Contain("truncated or corrupt").And.Contain("snapshot build"));
    }

    [TestCase(int.MaxValue, 1)]
    [TestCase(1, int.MaxValue)]
    [TestCase(-5, 1)]
    public void Read_CraftedAssetAndChunkCounts_AreAnError(int assets, int chunks)
    {
        var file = Sealed(Header(SnapshotFormat.EngineVersion, w =>
        {
            w.Write7BitEncodedInt(1);
            w.Write("commit");
            w.Write7BitEncodedInt(1);
            w.Write7BitEncodedInt(assets);
            w.Write7BitEncodedInt(chunks);
            w.Write7BitEncodedInt(assets);
            w.Write7BitEncodedInt(int.MaxValue);
        }));

        var read = SnapshotReader.Read(file);

        Assert.That(read.Graph, Is.Null);
        Assert.That(read.Error, Does.Contain("truncated or corrupt"));
    }

    [Test]
    public void Read_NumberLongerThan32Bits_IsAnError()
    {
        var file = Sealed([.. Header(SnapshotFormat.EngineVersion, _ => { }), 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]);

        var read = SnapshotReader.Read(file);

        Assert.That(read.Error, Does.Contain("truncated or corrupt"));
    }

    [Test]
    public void Read_EveryTruncationOfARealSnapshot_IsAnError()
    {
        var bytes = ShopSnapshot.Value;

        for (var length = 0; length < bytes.Length; length++)
        {
            var read = SnapshotReader.Read(bytes[..length]);
            Assert.That(read.Graph, Is.Null, $"cut at {length} of {bytes.Length}");
            Assert.That(read.Error, Is.Not.Null.And.Contain("snapshot"), $"cut at {length}");
        }
    }

    [Test]
    public void Read_ABitFlippedInEveryByteOfARealSnapshot_IsCaughtByTheChecksum()
    {
        var bytes = ShopSnapshot.Value;

        // One bit per byte, a different one in each of eight neighbours: every byte and every bit position is hit.
        for (var i = 0; i < bytes.Length; i++)
        {
            var bit = (i * 8) + (i % 8);
            var damaged = (byte[])bytes.Clone();
            damaged[i] ^= (byte)(1 << (i % 8));
            var read = SnapshotReader.Read(damaged);
            Assert.That(read.Graph, Is.Null, $"bit {bit}");
            Assert.That(read.Error, Does.Contain("snapshot build"), $"bit {bit}");
        }
    }

    /// <summary>A crafted file carries a valid checksum: the decoder itself must hold against every damaged byte.</summary>
    [Test]
    public void Read_EveryByteOfARealSnapshotReplacedAndResealed_IsAnErrorOrAUsableGraph()
    {
        var body = ShopSnapshot.Value[..^SnapshotFormat.ChecksumLength];
        var graphs = 0;

        foreach (var value in new byte[] { 0x80, 0xFF })
        {
            for (var i = 0; i < body.Length; i++)
            {
                var damaged = (byte[])body.Clone();
                damaged[i] = value;
                var read = SnapshotReader.Read(Sealed(damaged));
                Assert.That(read.Graph is null != read.Error is null, Is.True, $"byte {i} = {value:X2}");
                if (read.Graph is { } graph)
                {
                    graphs++;
                    graph.PrepareConsumers();
                    Assert.That(graph.Assets.Select(a => graph.Find(a.Id)), Has.None.Null, $"byte {i} = {value:X2}");
                }
            }
        }

        Assert.That(graphs, Is.GreaterThan(0), "some edits (a hash's digit) leave a readable graph");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Read_RandomBytes_WithAndWithoutTheMagic_IsAnError(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var noise = new byte[random.Next(0, 4096)];
            random.NextBytes(noise);
            byte[] file = i % 2 == 0 ? noise : Sealed([.. Header(SnapshotFormat.EngineVersion, _ => { }), .. noise]);

            var read = SnapshotReader.Read(file);

            Assert.That(read.Graph, Is.Null, $"seed {seed}, file {i}");
            Assert.That(read.Error, Does.Contain("snapshot"), $"seed {seed}, file {i}");
        }
    }

    private static byte[] Header(string engine, Action<BinaryWriter> rest)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(SnapshotFormat.Magic);
            w.Write7BitEncodedInt(SnapshotFormat.Version);
            w.Write(engine);
            rest(w);
        }

        return stream.ToArray();
    }

    /// <summary>The bytes with a valid checksum appended, as a crafted file would carry.</summary>
    private static byte[] Sealed(byte[] body) => [.. body, .. SHA256.HashData(body)];

    private static byte[] Bytes(LineageGraph graph)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.Write(graph, stream);
        return stream.ToArray();
    }
}
