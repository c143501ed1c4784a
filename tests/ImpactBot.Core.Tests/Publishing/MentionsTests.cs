using ImpactBot.Core.Publishing;

namespace ImpactBot.Core.Tests.Publishing;

public sealed class MentionsTests
{
    [Test]
    public void SuppressRepeated_MentionedBefore_QuotesOnlyRepeats() =>
        Assert.That(
            Mentions.SuppressRepeated("Owners: @ana, @org/data-team and @new.", "cc @ana `@org/data-team`"),
            Is.EqualTo("Owners: `@ana`, `@org/data-team` and @new."));

    [Test]
    public void SuppressRepeated_HiddenCommentsAndEmails_Untouched()
    {
        const string body = "mail ana@example.com <!-- impactbot:item=x owners=@ana --> `@ana` done";

        Assert.That(Mentions.SuppressRepeated(body, "@ana"), Is.EqualTo(body));
    }

    [Test]
    public void SuppressRepeated_NoPreviousBody_KeepsMentions() =>
        Assert.That(Mentions.SuppressRepeated("@ana", null), Is.EqualTo("@ana"));

    [Test]
    public void Find_Body_IgnoresHiddenComments() =>
        Assert.That(Mentions.Find("@a `@b` <!-- @c -->"), Is.EquivalentTo(new[] { "a", "b" }));
}
