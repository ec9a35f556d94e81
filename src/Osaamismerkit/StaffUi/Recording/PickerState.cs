namespace Osaamismerkit.StaffUi.Recording;

public enum PickerState
{
    Available,
    InProgress,
    Held,
    NeedsPrerequisite,
}
