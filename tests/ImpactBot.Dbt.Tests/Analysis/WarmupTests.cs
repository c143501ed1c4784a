using ImpactBot.Dbt.Analysis;

namespace ImpactBot.Dbt.Tests.Analysis;

public sealed class WarmupTests
{
    [Test]
    public void Run_ExercisesEveryEngineWithoutThrowing()
    {
        // It runs unobserved beside git: a throw there would go unnoticed, so it must not throw at all.
        Assert.DoesNotThrow(Warmup.Run);
    }
}
