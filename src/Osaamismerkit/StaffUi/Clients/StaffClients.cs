using System.Globalization;
using System.Security.Claims;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Staff;

namespace Osaamismerkit.StaffUi.Clients;

/// <summary>
/// The instructor's clients for the pages: units to choose from, name search, and adding a client through the API's
/// own <see cref="ClientWriter"/>.
/// </summary>
public sealed class StaffClients(Database database, ContactLookupKey lookupKey, ClientWriter writer)
{
    public async Task<IReadOnlyList<StaffUnit>> UnitsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return user.IsAdmin()
            ? await UnitQueries.AllAsync(connection, cancellationToken)
            : await UnitQueries.OfStaffAsync(connection, user.SubjectId(), cancellationToken);
    }

    public async Task<IReadOnlyList<Municipality>> MunicipalitiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await MunicipalityQueries.AllAsync(connection, cancellationToken);
    }

    /// <summary>
    /// Clients of the instructor's units whose name contains every word typed, ignoring case and accents, so "hamalainen"
    /// finds Hämäläinen. In memory: a unit has tens of clients, and SQLite's LIKE folds case only for ASCII. A whole
    /// e-mail address or phone number finds its client through the keyed hash (ContactSearch) instead.
    /// </summary>
    public async Task<IReadOnlyList<ClientListItem>> SearchAsync(ClaimsPrincipal user, string? query, CancellationToken cancellationToken)
    {
        var unitIds = (await UnitsOfAsync(user, cancellationToken)).Select(u => u.Id).ToArray();
        if (unitIds.Length == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var contact = ContactSearch.Of(query, lookupKey);
        var rows = await ClientQueries.ListItemsOfUnitsAsync(connection, unitIds, contact, cancellationToken);
        var words = contact is null ? TextSearch.Words(query) : [];
        return rows
            .Where(r => TextSearch.MatchesAll(words, r.DisplayName))
            .OrderBy(r => r.DisplayName, StringComparer.Create(CultureInfo.GetCultureInfo("fi"), ignoreCase: true))
            .ToList();
    }

    /// <summary>Adds a client to one of the instructor's units, as the API does.</summary>
    public Task<ClientWrite> CreateAsync(ClaimsPrincipal user, ClientRequest request, CancellationToken cancellationToken) =>
        writer.CreateAsync(request, user, cancellationToken);
}
