namespace Osaamismerkit.Assessments;

public static class AssessmentServices
{
    public static IServiceCollection AddAssessments(this IServiceCollection services) =>
        services.AddScoped<AssessmentRecorder>().AddScoped<GroupRecorder>().AddScoped<AssessmentImport>();
}
