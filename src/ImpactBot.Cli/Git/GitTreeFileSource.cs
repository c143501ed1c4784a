using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using ImpactBot.Core.Files;

namespace ImpactBot.Cli.Git;

/// <summary>
/// The files of one commit, read through one long-lived `git cat-file --batch` process: many files at once with
/// <see cref="Prefetch"/> (streamed), single files on demand. Binary blobs (a NUL in the first 8 KB, unless a UTF-16 or
/// UTF-32 byte order mark starts them) read as null.
/// </summary>
public sealed class GitTreeFileSource : IFileSource, IDisposable
{
    private readonly GitRepository _repository;
    private readonly Dictionary<string, string> _blobs;
    private readonly ConcurrentDictionary<string, string?> _fetched = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Process? _batch;
    private BufferedStream? _batchOutput;

    internal GitTreeFileSource(GitRepository repository, Dictionary<string, string> blobs)
    {
        _repository = repository;
        _blobs = blobs;
        Paths = [.. blobs.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Paths { get; }

    public string? BlobId(string path) => _blobs.GetValueOrDefault(path);

    public string? ReadText(string path)
    {
        if (_fetched.TryGetValue(path, out var text))
        {
            return text;
        }

        if (!_blobs.TryGetValue(path, out var blob))
        {
            return null;
        }

        lock (_gate)
        {
            var (batch, output) = Batch();
            batch.StandardInput.Write(blob + "\n");
            batch.StandardInput.Flush();
            return ReadObject(output);
        }
    }

    /// <summary>
    /// Reads the files through the one `git cat-file --batch` process: ids are written on one thread while objects are
    /// read on this one, so thousands of files cost no round trip each and a handful no new process.
    /// </summary>
    public void Prefetch(IEnumerable<string> paths)
    {
        var wanted = paths.Where(p => !_fetched.ContainsKey(p) && _blobs.ContainsKey(p)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            var (batch, output) = Batch();
            var writer = Task.Run(() =>
            {
                // Buffered, unlike StandardInput (AutoFlush would make every id a system call); git's input stays open.
                using var input = new StreamWriter(batch.StandardInput.BaseStream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                foreach (var path in wanted)
                {
                    input.Write(_blobs[path]);
                    input.Write('\n');
                }
            });
            foreach (var path in wanted)
            {
                _fetched[path] = ReadObject(output);
            }

            writer.GetAwaiter().GetResult();
        }
    }

    /// <summary>The long-lived `git cat-file --batch` process, started on first use; call under the lock.</summary>
    private (Process Batch, BufferedStream Output) Batch()
    {
        if (_batch is null)
        {
            _batch = _repository.StartBatch();
            _batchOutput = new BufferedStream(_batch.StandardOutput.BaseStream, 1 << 16);
        }

        return (_batch, _batchOutput!);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_batch is not null)
            {
                _batch.StandardInput.Close();
                _batch.WaitForExit(5000);
                _batch.Dispose();
                _batch = null;
                _batchOutput?.Dispose();
                _batchOutput = null;
            }
        }
    }

    /// <summary>One "&lt;id&gt; blob &lt;size&gt;\n&lt;bytes&gt;\n" answer (or "&lt;id&gt; missing\n"), as text or null.</summary>
    private static string? ReadObject(Stream stream)
    {
        var header = ReadLine(stream);
        var parts = header.Split(' ');
        if (parts.Length < 3 || !int.TryParse(parts[2], out var size))
        {
            return null;
        }

        var bytes = new byte[size];
        stream.ReadExactly(bytes);
        stream.ReadByte();
        return Utf8Text.MarkedEncoding(bytes) is null && Array.IndexOf(bytes, (byte)0, 0, Math.Min(size, 8192)) >= 0 ? null : Utf8Text.Decode(bytes);
    }

    private static string ReadLine(Stream stream)
    {
        var sb = new StringBuilder();
        for (var b = stream.ReadByte(); b is >= 0 and not '\n'; b = stream.ReadByte())
        {
            sb.Append((char)b);
        }

        return sb.ToString();
    }
}
