namespace Osaamismerkit.Tests.Support;

/// <summary>A body whose length is not known up front, so it is sent chunked and the service must cap what it reads.</summary>
public sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
{
    public override bool CanSeek => false;
}
