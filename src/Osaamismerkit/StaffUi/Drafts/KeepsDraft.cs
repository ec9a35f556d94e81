namespace Osaamismerkit.StaffUi.Drafts;

/// <summary>Endpoint metadata: when this form is posted after the sign-in has run out, keep it and bring it back after signing in.</summary>
public sealed class KeepsDraft;
