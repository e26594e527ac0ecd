using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Constructs;
using ImageProcessing.Infrastructure;
using ImageProcessing.Infrastructure.Configuration;

namespace ImageProcessing.Tests.Infrastructure;

/// <summary>
/// One synthesis of the app with the given context, as the CDK app does it: the pipeline's stack and the account
/// baseline. A temporary directory stands in for the Lambda package: these tests look at the templates, not the code.
/// </summary>
public class SynthesizedTemplate : IDisposable
{
    private readonly string packageDirectory;

    public SynthesizedTemplate(IReadOnlyDictionary<string, object>? context = null)
    {
        packageDirectory = Directory.CreateTempSubdirectory("lambda-package-").FullName;
        File.WriteAllText(Path.Combine(packageDirectory, "ImageProcessing.Function.dll"), "stand-in");
        var merged = new Dictionary<string, object>(context ?? new Dictionary<string, object>())
        {
            [ContextKeys.LambdaPackage] = packageDirectory,
        };
        var app = new App(new AppProps { Context = CdkFeatureFlags.With(merged) });
        var settings = StackSettings.FromContext(app.Node);
        Baseline = new BaselineStack(app, settings.BaselineStackName, settings);
        Stack = new ImageProcessingStack(app, settings.StackName, settings);
        Template = Template.FromStack(Stack);
        Json = JsonNode.Parse(JsonSerializer.Serialize(Template.ToJSON()))!.AsObject();
        BaselineJson = JsonNode.Parse(JsonSerializer.Serialize(Template.FromStack(Baseline).ToJSON()))!.AsObject();
    }

    public BaselineStack Baseline { get; }

    /// <summary>The baseline stack's template as JSON.</summary>
    public JsonObject BaselineJson { get; }

    public IEnumerable<(string LogicalId, JsonObject Resource)> BaselineResources(string type) =>
        (BaselineJson["Resources"]?.AsObject() ?? [])
            .Where(entry => (string?)entry.Value!["Type"] == type)
            .Select(entry => (entry.Key, entry.Value!.AsObject()));

    public string BaselineLogicalId(IConstruct construct) =>
        Baseline.GetLogicalId((CfnElement)(construct as CfnElement ?? construct.Node.DefaultChild!));

    public ImageProcessingStack Stack { get; }
    public Template Template { get; }

    /// <summary>The template as JSON, for checks the assertion API cannot express.</summary>
    public JsonObject Json { get; }

    public IEnumerable<(string LogicalId, JsonObject Resource)> Resources(string type) =>
        Json["Resources"]!.AsObject()
            .Where(entry => (string?)entry.Value!["Type"] == type)
            .Select(entry => (entry.Key, entry.Value!.AsObject()));

    public (string LogicalId, JsonObject Resource) One(string type) => Assert.Single(Resources(type));

    public string LogicalId(IConstruct construct) =>
        Stack.GetLogicalId((CfnElement)(construct as CfnElement ?? construct.Node.DefaultChild!));

    public void Dispose()
    {
        Directory.Delete(packageDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The stack as deployed with no context: every default on.</summary>
public sealed class DefaultTemplate : SynthesizedTemplate;
