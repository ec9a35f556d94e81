namespace Osaamismerkit.Catalogue;

/// <summary>Where a framework file's codes were taken from, and whether they were checked against that source.</summary>
public sealed record FrameworkSource(string Publication, string CodesFrom, string ObtainedVia, bool Verified, string VerifiedOn, string Note);
