namespace Osaamismerkit.Catalogue;

public sealed record AlignmentView(string Framework, string Code, string Name, int Area, string AreaName, string TargetUrl);
