using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Clients;

/// <summary>Field-by-field checks of a client request; returns the normalised values when valid.</summary>
public static class ClientValidation
{
    public const int MaxNameLength = 100;

    public static (string Name, string? Email, string? Phone, string Language)? Validate(
        ClientRequest request, IStringLocalizer<Messages> text, FieldErrors errors)
    {
        var name = request.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("displayName", text["DisplayNameRequired"]);
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("displayName", text["DisplayNameTooLong", MaxNameLength]);
        }

        var email = ContactDetails.NormalizeEmail(request.Email);
        if (!string.IsNullOrWhiteSpace(request.Email) && email is null)
        {
            errors.Add("email", text["EmailInvalid"]);
        }

        var phone = ContactDetails.NormalizePhone(request.Phone);
        if (!string.IsNullOrWhiteSpace(request.Phone) && phone is null)
        {
            errors.Add("phone", text["PhoneInvalid"]);
        }

        var language = string.IsNullOrWhiteSpace(request.PreferredLanguage) ? Languages.Default : request.PreferredLanguage.Trim();
        if (!Languages.IsSupported(language))
        {
            errors.Add("preferredLanguage", text["LanguageUnsupported"]);
        }

        if (string.IsNullOrWhiteSpace(request.UnitId))
        {
            errors.Add("unitId", text["UnitRequired"]);
        }

        PersonalDataCheck.CheckStored("displayName", request.DisplayName, errors, text);
        PersonalDataCheck.CheckStored("email", request.Email, errors, text);
        PersonalDataCheck.CheckStored("phone", request.Phone, errors, text, isPhoneNumber: phone is not null);

        return errors.Any ? null : (name!, email, phone, language);
    }
}
