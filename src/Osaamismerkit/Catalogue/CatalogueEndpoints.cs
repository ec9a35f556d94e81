using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Catalogue;

public static class CatalogueEndpoints
{
    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        // The catalogue is public information: anyone may read what a badge requires.
        var api = app.MapGroup("/api/catalogue").WithTags("Catalogue").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        api.MapGet("/badges", ListBadges).WithName("ListBadges");
        api.MapGet("/badges/{id}", GetBadge).WithName("GetBadge");
        api.MapGet("/digcomp", GetDigComp).WithName("GetDigComp");

        var images = app.MapGroup("/badges").WithTags("Catalogue").AllowAnonymous().RequireCors(OpenBadges.PublicCors.Policy).RequireRateLimiting(RateLimits.Public);
        images.MapGet("/{id}/image.png", (string id, BadgeImages artwork, HttpContext context) => Image(artwork.Png(id), "image/png", context)).WithName("BadgeImagePng");
        images.MapGet("/{id}/image.svg", (string id, BadgeImages artwork, HttpContext context) => Image(artwork.Svg(id), "image/svg+xml", context)).WithName("BadgeImageSvg");
        return app;
    }

    private static Results<Ok<IReadOnlyList<BadgeView>>, ValidationProblem> ListBadges(
        HttpContext context, BadgeCatalogue catalogue, PublicUrls urls, IStringLocalizer<Messages> text,
        string? track = null, string? area = null, string? level = null, string? kind = null)
    {
        var errors = new FieldErrors();
        Track? trackFilter = track switch
        {
            null or "" => null,
            "citizen" => Track.Citizen,
            "worklife" => Track.WorkLife,
            _ => Invalid<Track>(errors, "track", text["UnknownTrack"]),
        };
        BadgeKind? kindFilter = kind switch
        {
            null or "" => null,
            "skill" => BadgeKind.Skill,
            "milestone" => BadgeKind.Milestone,
            _ => Invalid<BadgeKind>(errors, "kind", text["UnknownKind"]),
        };
        var areaFilter = IntInRange(area, 1, 5, errors, "area", text["UnknownArea"]);
        var levelFilter = IntInRange(level, 1, 4, errors, "level", text["UnknownLevel"]);
        if (errors.Any)
        {
            return Problems.Validation(text, errors.ToDictionary());
        }

        var language = Languages.Of(context);
        IReadOnlyList<BadgeView> badges = catalogue.Badges
            .Where(b => trackFilter is null || b.Track == trackFilter)
            .Where(b => kindFilter is null || b.Kind == kindFilter)
            .Where(b => areaFilter is null || b.Alignment.Any(a => a.Area == areaFilter))
            .Where(b => levelFilter is null || b.Level == levelFilter)
            .Select(b => BadgeViews.Of(b, catalogue, language, urls.Absolute))
            .ToList();
        return TypedResults.Ok(badges);
    }

    private static Results<Ok<BadgeView>, ProblemHttpResult> GetBadge(
        string id, HttpContext context, BadgeCatalogue catalogue, PublicUrls urls, IStringLocalizer<Messages> text)
    {
        var badge = catalogue.Find(id);
        return badge is null
            ? Problems.NotFound(text, text["BadgeNotFound", id])
            : TypedResults.Ok(BadgeViews.Of(badge, catalogue, Languages.Of(context), urls.Absolute));
    }

    private static Ok<DigCompView> GetDigComp(HttpContext context, BadgeCatalogue catalogue)
    {
        var language = Languages.Of(context);
        var digComp = catalogue.DigComp;
        return TypedResults.Ok(new DigCompView(
            digComp.Framework,
            digComp.TargetUrl,
            digComp.Areas.Select(a => new DigCompAreaView(
                a.Number,
                a.Name.In(language),
                a.Competences.Select(c => new DigCompCompetenceView(c.Code, c.Name.In(language))).ToList())).ToList(),
            digComp.ProficiencyLevels.Select(l => new ProficiencyLevelView(l.Level, l.Name.In(language), l.Description.In(language))).ToList()));
    }

    private static Results<FileContentHttpResult, NotFound> Image(byte[]? bytes, string contentType, HttpContext context)
    {
        if (bytes is null)
        {
            return TypedResults.NotFound();
        }

        // Artwork is derived from the definition, so it changes only with a new deployment.
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(bytes, contentType);
    }

    private static T? Invalid<T>(FieldErrors errors, string field, string message)
        where T : struct
    {
        errors.Add(field, message);
        return null;
    }

    private static int? IntInRange(string? value, int min, int max, FieldErrors errors, string field, string message)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        errors.Add(field, message);
        return null;
    }
}
