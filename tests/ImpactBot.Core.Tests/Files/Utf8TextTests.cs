using ImpactBot.Core.Files;

namespace ImpactBot.Core.Tests.Files;

public sealed class Utf8TextTests
{
    [Test]
    public void Decode_LeadingByteOrderMark_IsDropped() =>
        Assert.That(Utf8Text.Decode([0xEF, 0xBB, 0xBF, .. "select 'é'"u8]), Is.EqualTo("select 'é'"));

    [Test]
    public void Decode_NoMarkOrMarkLaterInText_KeptAsIs()
    {
        Assert.That(Utf8Text.Decode("a"u8), Is.EqualTo("a"));
        Assert.That(Utf8Text.Decode([.. "a"u8, 0xEF, 0xBB, 0xBF]), Is.EqualTo("a\uFEFF"));
        Assert.That(Utf8Text.Decode([]), Is.EqualTo(""));
    }
}
