using System.Diagnostics;
using System.Text;
using ImpactBot.Core.Files;

namespace ImpactBot.Cli.Git;

/// <summary>
/// The files of one commit, read on demand through a single long-lived `git cat-file --batch`, so reading thousands of
/// models costs one process, not thousands. Binary blobs (a NUL in the first 8 KB) read as null.
/// </summary>
public sealed class GitTreeFileSource : IFileSource, IDisposable
{
    private readonly GitRepository _repository;
    private readonly Dictionary<string, string> _blobs;
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
        if (!_blobs.TryGetValue(path, out var blob))
        {
            return null;
        }

        lock (_gate)
        {
            if (_batch is null)
            {
                _batch = _repository.StartBatch();

                // The pipe is unbuffered: without this every header byte would be a system call.
                _batchOutput = new BufferedStream(_batch.StandardOutput.BaseStream, 1 << 16);
            }

            _batch.StandardInput.Write(blob + "\n");
            _batch.StandardInput.Flush();
            var stream = _batchOutput!;
            var header = ReadLine(stream);
            var parts = header.Split(' ');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var size))
            {
                return null;
            }

            var bytes = new byte[size];
            stream.ReadExactly(bytes);
            stream.ReadByte();
            return Array.IndexOf(bytes, (byte)0, 0, Math.Min(size, 8192)) >= 0 ? null : Encoding.UTF8.GetString(bytes);
        }
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
