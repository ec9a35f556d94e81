namespace Osaamismerkit.Assessments;

public static class Outcomes
{
    public const string Passed = "passed";
    public const string NotYet = "not-yet";
}
