namespace SalesPipeline.Health;

/// <summary>What a <see cref="HealthFinding"/> is about.</summary>
public enum HealthSubject
{
    /// <summary>The pipeline as a whole (late-stage pile-up, coverage).</summary>
    Pipeline = 1,

    /// <summary>One stage (<see cref="HealthFinding.StageId"/>).</summary>
    Stage = 2,

    /// <summary>One deal (<see cref="HealthFinding.Deal"/>).</summary>
    Deal = 3,

    /// <summary>One lead (<see cref="HealthFinding.Lead"/>).</summary>
    Lead = 4,
}
