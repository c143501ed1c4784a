using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Platform;
using ImpactBot.Core.Publishing;

namespace ImpactBot.Core.Tests.Publishing;

/// <summary>Who may acknowledge an item, how edits and /impact ack are recorded, and what the comment shows.</summary>
public sealed class AcknowledgementTests
{
    private static readonly ChecklistItem CrmItem = new("5750cd0d7a35", false, Severity.Breaking) { Owners = ["@acme/crm"] };

    private static ImmutableDictionary<string, ImmutableArray<string>> Map(string team, params string[] logins) =>
        ImpactBotConfig.Default.Teams.Add(team, [.. logins]);

    [Test]
    public async Task Check_TeamMemberThroughTheApi_Counts()
    {
        var platform = new InMemoryReviewPlatform();
        platform.TeamMembers["@acme/crm"] = ["ana"];

        var rules = new AcknowledgementRules(platform, AcknowledgePolicy.Owners);

        Assert.That(await rules.CheckAsync("ana", CrmItem, byCommand: false, CancellationToken.None), Is.Null);
        Assert.That(await rules.CheckAsync("bob", CrmItem, byCommand: false, CancellationToken.None), Is.EqualTo(AckRefusal.NotOwner));
    }

    [Test]
    public async Task Check_TeamsUnreadable_FallsBackToTheMapAndSaysSoForOthers()
    {
        var platform = new InMemoryReviewPlatform();
        platform.UnreadableTeams.Add("@acme/crm");
        var rules = new AcknowledgementRules(platform, AcknowledgePolicy.OwnersOrMaintainers, Map("@acme/other", "bob"));
        var mapped = new AcknowledgementRules(platform, AcknowledgePolicy.OwnersOrMaintainers, Map("@ACME/crm", "ana"));

        Assert.That(await rules.CheckAsync("ana", CrmItem, byCommand: false, CancellationToken.None), Is.EqualTo(AckRefusal.TeamUnreadable));
        Assert.That(await mapped.CheckAsync("ana", CrmItem, byCommand: false, CancellationToken.None), Is.Null, "listed in teams: (handles compare case-insensitively)");
        Assert.That(await mapped.CheckAsync("bob", CrmItem, byCommand: false, CancellationToken.None), Is.EqualTo(AckRefusal.NotOwnerOrMaintainer), "the map answers for the team: bob is not listed");
    }

    [Test]
    public async Task Check_SameAccountAndTeamTwice_AsksThePlatformOnce()
    {
        var platform = new InMemoryReviewPlatform();
        var rules = new AcknowledgementRules(platform, AcknowledgePolicy.OwnersOrMaintainers);

        await rules.CheckAsync("bob", CrmItem, byCommand: false, CancellationToken.None);
        await rules.CheckAsync("bob", CrmItem with { Id = "other" }, byCommand: false, CancellationToken.None);

        Assert.That(platform.Calls, Is.EqualTo(new[] { "access bob", "team @acme/crm bob" }));
    }

    [TestCase(AcknowledgePolicy.OwnersOrMaintainers, null)]
    [TestCase(AcknowledgePolicy.Owners, AckRefusal.NotOwner)]
    public async Task Check_Maintainer_CountsUnlessOwnersOnly(AcknowledgePolicy policy, AckRefusal? expected)
    {
        var platform = new InMemoryReviewPlatform();
        platform.Access["lead"] = AccessLevel.Maintain;

        var refusal = await new AcknowledgementRules(platform, policy).CheckAsync("lead", CrmItem, byCommand: false, CancellationToken.None);

        Assert.That(refusal, Is.EqualTo(expected));
    }

    [Test]
    public async Task Check_OwnersPolicyItemWithoutOwners_AMaintainerMayAcknowledge()
    {
        var platform = new InMemoryReviewPlatform();
        platform.Access["lead"] = AccessLevel.Maintain;

        var refusal = await new AcknowledgementRules(platform, AcknowledgePolicy.Owners).CheckAsync("lead", CrmItem with { Owners = [] }, byCommand: false, CancellationToken.None);

        Assert.That(refusal, Is.Null);
    }

    [TestCase(AccessLevel.Write, null)]
    [TestCase(AccessLevel.Read, AckRefusal.NoWrite)]
    public async Task Check_AnyoneWithWriteCommand_NeedsWriteAccess(AccessLevel access, AckRefusal? expected)
    {
        var platform = new InMemoryReviewPlatform();
        platform.Access["dev"] = access;

        var refusal = await new AcknowledgementRules(platform, AcknowledgePolicy.AnyoneWithWrite).CheckAsync("dev", CrmItem, byCommand: true, CancellationToken.None);

        Assert.That(refusal, Is.EqualTo(expected));
    }

    [Test]
    public void ApplyEdit_EditorRewritesTheHiddenAcknowledger_TheRecordComesFromTheBodyBeforeTheEdit()
    {
        var before = "- [x] a <!-- impactbot:item=a severity=breaking owners=@ana by=@mallory via=tick -->";
        var forged = "- [x] a <!-- impactbot:item=a severity=breaking owners=@ana by=@ana via=tick -->";

        var recorded = Checklist.ApplyEdit(forged, before, "mallory", new Dictionary<string, AckRefusal>());

        Assert.That(Checklist.Parse(recorded).Single().AcknowledgedBy, Is.EqualTo("mallory"));
    }

    [Test]
    public void ApplyEdit_NewTickThatDoesNotCount_IsUntickedAndRecordedWithWhy()
    {
        var before = "- [ ] a <!-- impactbot:item=a severity=breaking owners=@acme/crm -->";
        var after = "- [x] a <!-- impactbot:item=a severity=breaking owners=@acme/crm -->";

        var body = AcknowledgementLog.Write(Checklist.ApplyEdit(after, before, "bob", new Dictionary<string, AckRefusal> { ["a"] = AckRefusal.NotOwnerOrMaintainer }));

        var item = Checklist.Parse(body).Single();
        Assert.That((item.Ticked, item.AcknowledgedBy, item.Refused), Is.EqualTo((false, (string?)null, new RefusedAck("bob", "tick", AckRefusal.NotOwnerOrMaintainer))));
        Assert.That(body, Does.Contain("- ⛔ `a` `@bob` ticked — did not count: not an owner of `@acme/crm`; ask a member or a maintainer"));
    }

    [Test]
    public void ApplyCommand_CountedAndRefused_TicksOneAndShowsBothWithTheCommandLink()
    {
        var body = "## r\n- [ ] a <!-- impactbot:item=aaaa1111 owners=@ana -->\n- [ ] b <!-- impactbot:item=bbbb2222 owners=@acme/crm -->\n\n<!-- impactbot:items breaking=2 values=0 schema=0 info=0 -->\n";

        var written = AcknowledgementLog.Write(Checklist.ApplyCommand(body, "ana", Checklist.ViaGitHubComment(77), new Dictionary<string, AckRefusal?> { ["aaaa1111"] = null, ["bbbb2222"] = AckRefusal.NotOwner }));

        Assert.That(written, Does.Contain("- [x] a <!-- impactbot:item=aaaa1111 owners=@ana by=@ana via=ic77 -->"));
        Assert.That(written, Does.Contain("- [ ] b <!-- impactbot:item=bbbb2222 owners=@acme/crm no=@ana:ic77:owner -->"));
        Assert.That(written, Does.Contain("- ✅ `aaaa111` `@ana` [/impact ack](#issuecomment-77)\n- ⛔ `bbbb222` `@ana` [/impact ack](#issuecomment-77) — did not count: not an owner of `@acme/crm`; ask a member\n<!-- impactbot:acks-end -->\n\n<!-- impactbot:items"));
        Assert.That(AcknowledgementLog.Write(written), Is.EqualTo(written), "rewriting the block is stable");
    }

    [Test]
    public async Task Session_AckAllByATeamMember_AcknowledgesOnlyTheTeamsItems()
    {
        var platform = new InMemoryReviewPlatform();
        platform.TeamMembers["@acme/crm"] = ["ana"];
        var report = platform.Seed("impact-bot", ReportMarker.Report + "\n- [ ] a <!-- impactbot:item=aaaa1111 severity=breaking owners=@acme/crm -->\n- [ ] b <!-- impactbot:item=bbbb2222 severity=breaking owners=@bob -->\n");
        var session = new ReviewSession(platform, new ReviewSessionOptions { Policy = new StatusPolicy(FailOn.Breaking, AcknowledgePolicy.OwnersOrMaintainers) });

        var outcome = await session.AcknowledgeByCommandAsync(new AckCommand([], All: true), "ana", Checklist.ViaGitLabNote(9), "abc", CancellationToken.None);

        var items = Checklist.Parse(platform.Comments.Single(c => c.Id == report.Id).Body);
        Assert.That(items.Select(i => (i.Id, i.Ticked, i.AcknowledgedBy)), Is.EqualTo(new[] { ("aaaa1111", true, (string?)"ana"), ("bbbb2222", false, null) }));
        Assert.That(items[1].Refused, Is.Null, "ack all records no refusals on items; the reply says why");
        Assert.That((outcome.Counted.Length, outcome.Refused.Length, outcome.Status!.State), Is.EqualTo((1, 1, StatusState.Failure)));
        Assert.That(outcome.Reply("ana"), Is.EqualTo("@ana `/impact ack`: acknowledged `aaaa111`. `bbbb222` did not count: not an owner of `@bob`; ask an owner or a maintainer."));
    }

    [TestCase(false, StatusState.Success)]
    [TestCase(true, StatusState.Failure)]
    public async Task Session_RecordedTeamAcknowledgementLaterUnreadable_StaysCountedButALostMembershipDoesNot(bool memberLeft, StatusState expected)
    {
        var platform = new InMemoryReviewPlatform();
        if (!memberLeft)
        {
            platform.UnreadableTeams.Add("@acme/crm");
        }

        platform.Seed("impact-bot", ReportMarker.Report + "\n- [x] a <!-- impactbot:item=aaaa1111 severity=breaking owners=@acme/crm by=@ana via=ic3 -->\n");
        var session = new ReviewSession(platform, new ReviewSessionOptions { Policy = new StatusPolicy(FailOn.Breaking, AcknowledgePolicy.OwnersOrMaintainers) });

        var outcome = await session.AcknowledgeByCommandAsync(new AckCommand([], All: true), "lead", Checklist.ViaGitHubComment(4), "abc", CancellationToken.None);

        Assert.That(outcome.Status!.State, Is.EqualTo(expected));
    }

    [TestCase("/impact ack 5750cd0 ccd7b9e", false, new[] { "5750cd0", "ccd7b9e" })]
    [TestCase("/impact ack `5750CD0`, ccd7b9e\nthanks", false, new[] { "5750cd0", "ccd7b9e" })]
    [TestCase("/IMPACT ack all", true, new string[0])]
    public void AckCommand_Parse_ReadsIdsOrAll(string body, bool all, string[] ids)
    {
        var (command, error) = AckCommand.Parse(body)!.Value;

        Assert.That(error, Is.Null);
        Assert.That((command!.All, command.Ids.ToArray()), Is.EqualTo((all, ids)));
    }

    [TestCase("/impact ack", "needs the ids")]
    [TestCase("/impact ack zz", "is not an item id")]
    public void AckCommand_Parse_BadArgumentsSayWhatToDo(string body, string expected) =>
        Assert.That(AckCommand.Parse(body)!.Value.Error, Does.Contain(expected));

    [TestCase("/impact")]
    [TestCase("/impact acknowledge")]
    [TestCase("please /impact ack all")]
    public void AckCommand_Parse_NotAnAckCommand_IsNull(string body) => Assert.That(AckCommand.Parse(body), Is.Null);
}
