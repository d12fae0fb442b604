using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;

// usage: JudgementsApi.ClientGenerator <openapi.yaml> <output.cs> <namespace>
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: JudgementsApi.ClientGenerator <openapi.yaml> <output.cs> <namespace>");
    return 2;
}

var document = await OpenApiYamlDocument.FromFileAsync(args[0]);
var settings = new CSharpClientGeneratorSettings
{
    ClassName = "JudgementsClient",
    GenerateClientInterfaces = false,
    InjectHttpClient = true,
    UseBaseUrl = false,
    CSharpGeneratorSettings =
    {
        Namespace = args[2],
        JsonLibrary = CSharpJsonLibrary.SystemTextJson,
        GenerateNullableReferenceTypes = true,
    },
};
var code = new CSharpClientGenerator(document, settings).GenerateFile();
// NSwag names an enum member's JSON value with [EnumMember], which System.Text.Json's JsonStringEnumConverter
// ignores (it would read "west-midlands" as no member): name it for System.Text.Json too.
code = System.Text.RegularExpressions.Regex.Replace(code, @"\[System\.Runtime\.Serialization\.EnumMember\(Value = (@""(?:[^""]|"""")*"")\)\]",
    "$0 [System.Text.Json.Serialization.JsonStringEnumMemberName($1)]");
// and read every enum as its names wherever it is (a map's values have no property to carry the converter).
code = code.Replace("\n    public enum ", "\n    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]\n    public enum ");
var output = Path.GetFullPath(args[1]);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
// Rewrite only on change, so an unchanged document does not force a recompile.
if (!File.Exists(output) || File.ReadAllText(output) != code) File.WriteAllText(output, code);
return 0;
