using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class EncryptionTests(DefaultTemplate stack)
{
    [Fact]
    public void The_key_rotates_and_is_retained()
    {
        var (_, key) = stack.One("AWS::KMS::Key");
        Assert.True((bool)key["Properties"]!["EnableKeyRotation"]!);
        Assert.Equal("Retain", (string?)key["DeletionPolicy"]);
    }

    [Fact]
    public void The_key_has_an_alias_from_the_pipeline_definition()
    {
        stack.Template.HasResourceProperties("AWS::KMS::Alias", new Dictionary<string, object>
        {
            ["AliasName"] = "alias/imgpipe-image-processing",
            ["TargetKeyId"] = Match.AnyValue(),
        });
    }

    [Fact]
    public void The_key_policy_names_only_this_account_and_the_services_that_deliver_for_it()
    {
        var principals = KeyStatements()
            .Where(statement => (string?)statement["Effect"] == "Allow")
            .Select(statement => statement["Principal"]!.ToJsonString())
            .ToList();

        Assert.All(principals, principal => Assert.DoesNotContain("\"*\"", principal, StringComparison.Ordinal));
        var services = KeyStatements()
            .Select(statement => statement["Principal"] is JsonObject principal ? principal["Service"] : null)
            .Where(service => service is not null)
            .SelectMany(service => service is JsonArray array ? array.Select(s => s!.ToJsonString()) : [service!.ToJsonString()])
            .ToList();
        Assert.Contains(services, s => s.Contains("s3.amazonaws.com", StringComparison.Ordinal));
        Assert.Contains(services, s => s.Contains("cloudtrail.amazonaws.com", StringComparison.Ordinal));
        Assert.Contains(services, s => s.Contains("logs.", StringComparison.Ordinal));
        Assert.Contains(services, s => s.Contains("cloudwatch.amazonaws.com", StringComparison.Ordinal));
        Assert.Contains(services, s => s.Contains("events.amazonaws.com", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_service_statement_is_limited_to_this_account()
    {
        var serviceStatements = KeyStatements()
            .Where(statement => statement["Principal"] is JsonObject principal && principal["Service"] is not null)
            .ToList();

        Assert.NotEmpty(serviceStatements);
        Assert.All(serviceStatements.Where(s => (string?)s["Sid"] != "AllowCloudTrailToDescribeKey"), statement =>
        {
            var conditions = statement["Condition"]!.ToJsonString();
            Assert.True(conditions.Contains("aws:SourceAccount", StringComparison.Ordinal) || conditions.Contains("AWS::AccountId", StringComparison.Ordinal), conditions);
        });
    }

    [Fact]
    public void The_account_root_statement_is_the_only_aws_principal_allowed()
    {
        var awsPrincipals = KeyStatements()
            .Where(statement => (string?)statement["Effect"] == "Allow")
            .Select(statement => statement["Principal"] is JsonObject principal ? principal["AWS"] : null)
            .Where(p => p is not null)
            .ToList();

        var root = Assert.Single(awsPrincipals);
        Assert.Contains(":root", root!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("AWS::AccountId", root.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Grants_are_denied_unless_an_aws_service_creates_them_for_a_resource()
    {
        var deny = Assert.Single(KeyStatements(), statement => (string?)statement["Sid"] == "DenyGrantsExceptForAwsServices");

        Assert.Equal("Deny", (string?)deny["Effect"]);
        Assert.Equal("kms:CreateGrant", (string?)deny["Action"]);
        Assert.Equal("false", (string?)deny["Condition"]!["BoolIfExists"]!["kms:GrantIsForAWSResource"]);
        Assert.Equal("false", (string?)deny["Condition"]!["BoolIfExists"]!["aws:PrincipalIsAWSService"]);
    }

    private IEnumerable<JsonObject> KeyStatements() =>
        stack.One("AWS::KMS::Key").Resource["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray().Select(s => s!.AsObject());
}
