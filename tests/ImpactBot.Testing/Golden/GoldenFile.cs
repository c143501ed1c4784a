using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ImpactBot.Testing.Golden;

/// <summary>
/// Pins an output contract to a file under the calling test project's <c>Golden/</c> folder. A difference fails with a
/// line diff; with <c>IMPACTBOT_UPDATE_GOLDEN=1</c> the file is rewritten instead (review the git diff, then commit).
/// </summary>
public static class GoldenFile
{
    public const string UpdateVariable = "IMPACTBOT_UPDATE_GOLDEN";

    /// <param name="name">Path below <c>Golden/</c>, e.g. <c>analyze/shop.md</c>.</param>
    public static void Verify(string actual, string name)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var path = Path.Combine(ProjectFolder(), "Golden", name);
        actual = Normalize(actual);
        var update = Environment.GetEnvironmentVariable(UpdateVariable) is "1" or "true";
        if (update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        if (!File.Exists(path))
        {
            throw new GoldenFileException($"Golden file {path} does not exist; run the test with {UpdateVariable}=1 to write it, then review and commit it.");
        }

        var expected = Normalize(File.ReadAllText(path));
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new GoldenFileException($"Output differs from {path} (- golden, + actual). If the change is intended, rerun with {UpdateVariable}=1 and commit the file.\n{Diff(expected, actual)}");
        }
    }

    /// <summary>A unified-style diff with two lines of context around each change.</summary>
    public static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = model.Lines;
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type is ChangeType.Inserted or ChangeType.Deleted)
            {
                for (var j = Math.Max(0, i - 2); j <= Math.Min(lines.Count - 1, i + 2); j++)
                {
                    keep[j] = true;
                }
            }
        }

        var sb = new StringBuilder();
        var skipped = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
            {
                skipped = true;
                continue;
            }

            if (skipped)
            {
                sb.Append("  …\n");
                skipped = false;
            }

            var mark = lines[i].Type switch
            {
                ChangeType.Inserted => '+',
                ChangeType.Deleted => '-',
                _ => ' ',
            };
            sb.Append(mark).Append(lines[i].Position is { } p && mark != '-' ? $"{p,5} " : "      ").Append(lines[i].Text).Append('\n');
        }

        return sb.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>
    /// The running test project's source folder, found above its output folder (bin/Release/net10.0). Not from the
    /// compiler's caller path: CI builds map source paths to <c>/_/</c> (ContinuousIntegrationBuild).
    /// </summary>
    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.csproj").Any())
            {
                return dir.FullName;
            }
        }

        throw new GoldenFileException($"No test project folder above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A golden file is missing or differs from the output.</summary>
public sealed class GoldenFileException(string message) : Exception(message);
