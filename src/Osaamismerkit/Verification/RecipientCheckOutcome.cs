namespace Osaamismerkit.Verification;

public enum RecipientCheckOutcome
{
    Match,
    NoMatch,
    NotEmailRecipient,
    InvalidEmail,
}
