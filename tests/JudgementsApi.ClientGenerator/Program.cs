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
var output = Path.GetFullPath(args[1]);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
// Rewrite only on change, so an unchanged document does not force a recompile.
if (!File.Exists(output) || File.ReadAllText(output) != code) File.WriteAllText(output, code);
return 0;
