using System.Text.Json.Nodes;
using Osaamismerkit.Credentials.LinkedData;

namespace Osaamismerkit.Tests.Credentials.LinkedData;

/// <summary>The test data beside these tests: the W3C vectors, the rdf-canon suite and the corpus.</summary>
internal static class LinkedDataFiles
{
    public const string ExamplesContextUrl = "https://www.w3.org/ns/credentials/examples/v2";

    public static string Folder(string name) =>
        Path.Combine(RdfcCheck.RepositoryRoot(), "tests", "Osaamismerkit.Tests", "Credentials", "LinkedData", name);

    public static string Read(string folder, string file) => File.ReadAllText(Path.Combine(Folder(folder), file));

    public static JsonObject ReadJson(string folder, string file) => JsonNode.Parse(Read(folder, file))!.AsObject();

    public static string ExamplesContextFile => Path.Combine(Folder("Vectors"), "credentials-examples-v2.jsonld");

    /// <summary>The service's contexts plus the W3C examples context, which only the test vectors use.</summary>
    public static JsonLdCanonicalizer CanonicalizerWithExamples() =>
        new(BundledContexts.Embedded.With(new Dictionary<string, string> { [ExamplesContextUrl] = File.ReadAllText(ExamplesContextFile) }));
}
