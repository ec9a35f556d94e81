namespace Osaamismerkit.Catalogue;

public sealed record CriterionView(string Id, bool Required, string Text);
