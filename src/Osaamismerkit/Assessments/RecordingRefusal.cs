namespace Osaamismerkit.Assessments;

/// <summary>Why a valid assessment was not recorded.</summary>
public enum RecordingRefusal
{
    /// <summary>The client already holds the badge, valid.</summary>
    AlreadyHoldsBadge,

    /// <summary>A badge this one builds on is not held, valid.</summary>
    PrerequisiteMissing,

    /// <summary>The Idempotency-Key came before with a different request.</summary>
    IdempotencyKeyReused,
}
