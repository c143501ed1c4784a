using System.Runtime.CompilerServices;

namespace ImpactBot.Dbt.Tests;

/// <summary>
/// Compares output with a golden file kept beside the test's source (in <c>Golden/</c>). Set IMPACTBOT_UPDATE_GOLDEN=1 to
/// rewrite the files from what the code produces, then review the diff.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(testFile)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("IMPACTBOT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run the test with IMPACTBOT_UPDATE_GOLDEN=1 to write it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)), $"output differs from {path}; if the change is intended, rerun with IMPACTBOT_UPDATE_GOLDEN=1 and review the diff");
    }
}
