namespace Osaamismerkit.Verification;

public enum RecipientCheckOutcome
{
    Match,
    NoMatch,

    /// <summary>The badge names its holder by another kind of identity, so this one cannot match it.</summary>
    OtherKind,

    /// <summary>A telephone number: never compared, because no badge names its holder by one (see RecipientCheck).</summary>
    TelephoneNotChecked,

    /// <summary>Neither an e-mail address, a telephone number nor a URL.</summary>
    Unrecognised,
}
