using Osaamismerkit.Catalogue;

namespace Osaamismerkit.Reports;

/// <summary>Tracks as the reports see them: codes, and the competence areas and badges that belong to each.</summary>
public static class Tracks
{
    public static readonly IReadOnlyList<Track> All = [Track.Citizen, Track.WorkLife];

    public static string Code(Track track) => track == Track.WorkLife ? "worklife" : "citizen";

    public static Track? Parse(string? code) => code switch
    {
        "citizen" => Track.Citizen,
        "worklife" => Track.WorkLife,
        _ => null,
    };

    /// <summary>
    /// The DigComp areas a track's basic-level skills align to (every competence of every level-2 skill badge),
    /// read from the catalogue so that a change of the catalogue changes the reports with it.
    /// </summary>
    public static IReadOnlyList<int> Areas(Catalogue.BadgeCatalogue catalogue, Track track) => catalogue.Badges
        .Where(b => b.Track == track && b.Kind == BadgeKind.Skill && b.IsBasicLevel)
        .SelectMany(b => b.Alignment.Select(a => a.Area))
        .Distinct()
        .Order()
        .ToList();

    public static IReadOnlyList<string> BadgeIds(Catalogue.BadgeCatalogue catalogue, Track track) =>
        catalogue.Badges.Where(b => b.Track == track).Select(b => b.Id).ToList();

    /// <summary>The track's basic-level milestone (e.g. citizen-basic-level), if the catalogue has one.</summary>
    public static string? BasicMilestone(Catalogue.BadgeCatalogue catalogue, Track track) =>
        catalogue.Badges.FirstOrDefault(b => b.Track == track && b.Kind == BadgeKind.Milestone && b.IsBasicLevel)?.Id;
}
