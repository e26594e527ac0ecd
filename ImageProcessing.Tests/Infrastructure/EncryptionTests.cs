using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using ImageProcessing.Infrastructure.Configuration;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class EncryptionTests(DefaultTemplate stack)
{
    [Theory]
    [InlineData("data")]
    [InlineData("alerts")]
    public void Each_key_rotates_and_is_retained(string which)
    {
        var key = stack.Json["Resources"]![stack.LogicalId(Key(which))]!;

        Assert.True((bool)key["Properties"]!["EnableKeyRotation"]!);
        Assert.Equal("Retain", (string?)key["DeletionPolicy"]);
    }

    [Theory]
    [InlineData("alias/imgpipe-image-processing")]
    [InlineData("alias/imgpipe-image-processing-alerts")]
    public void The_keys_have_aliases_from_the_pipeline_definition(string alias)
    {
        stack.Template.HasResourceProperties("AWS::KMS::Alias", new Dictionary<string, object>
        {
            ["AliasName"] = alias,
            ["TargetKeyId"] = Match.AnyValue(),
        });
    }

    [Theory]
    [InlineData("data", new[] { "s3.amazonaws.com", "logs." })]
    [InlineData("alerts", new[] { "cloudwatch.amazonaws.com", "events.amazonaws.com", "cloudtrail.amazonaws.com" })]
    public void Each_key_names_only_this_account_and_the_services_that_deliver_with_it(string which, string[] expected)
    {
        var statements = KeyStatements(which);
        Assert.All(statements.Where(s => (string?)s["Effect"] == "Allow"),
            statement => Assert.DoesNotContain("\"*\"", statement["Principal"]!.ToJsonString(), StringComparison.Ordinal));
        var services = statements
            .Select(statement => statement["Principal"] is JsonObject principal ? principal["Service"] : null)
            .Where(service => service is not null)
            .SelectMany(service => service is JsonArray array ? array.Select(s => s!.ToJsonString()) : [service!.ToJsonString()])
            .ToList();

        foreach (var service in expected)
        {
            Assert.Contains(services, s => s.Contains(service, StringComparison.Ordinal));
        }

        // Alarms and EventBridge deliver only with the alerts key: disabling the data key cannot silence them.
        Assert.Equal(which == "alerts", services.Any(s => s.Contains("events.amazonaws.com", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("data")]
    [InlineData("alerts")]
    public void Every_service_statement_is_limited_to_this_account(string which)
    {
        var serviceStatements = KeyStatements(which)
            .Where(statement => statement["Principal"] is JsonObject principal && principal["Service"] is not null)
            .ToList();

        Assert.NotEmpty(serviceStatements);
        Assert.All(serviceStatements.Where(s => (string?)s["Sid"] != "AllowCloudTrailToDescribeKey"), statement =>
        {
            var conditions = statement["Condition"]!.ToJsonString();
            Assert.True(conditions.Contains("aws:SourceAccount", StringComparison.Ordinal) || conditions.Contains("AWS::AccountId", StringComparison.Ordinal), conditions);
        });
    }

    [Theory]
    [InlineData("data")]
    [InlineData("alerts")]
    public void The_account_root_statement_is_the_only_aws_principal_allowed(string which)
    {
        var awsPrincipals = KeyStatements(which)
            .Where(statement => (string?)statement["Effect"] == "Allow")
            .Select(statement => statement["Principal"] is JsonObject principal ? principal["AWS"] : null)
            .Where(p => p is not null)
            .ToList();

        var root = Assert.Single(awsPrincipals);
        Assert.Contains(":root", root!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("AWS::AccountId", root.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data")]
    [InlineData("alerts")]
    public void Grants_are_denied_unless_an_aws_service_creates_them_for_a_resource(string which)
    {
        var deny = Assert.Single(KeyStatements(which), statement => (string?)statement["Sid"] == "DenyGrantsExceptForAwsServices");

        Assert.Equal("Deny", (string?)deny["Effect"]);
        Assert.Equal("kms:CreateGrant", (string?)deny["Action"]);
        Assert.Equal("false", (string?)deny["Condition"]!["BoolIfExists"]!["kms:GrantIsForAWSResource"]);
        Assert.Equal("false", (string?)deny["Condition"]!["BoolIfExists"]!["aws:PrincipalIsAWSService"]);
    }

    [Fact]
    public void Without_a_key_administrator_no_principal_is_locked_out() =>
        Assert.DoesNotContain(KeyStatements("data").Concat(KeyStatements("alerts")), s => (string?)s["Sid"] == "ReserveKeyAdministrationToTheKeyAdministrator");

    [Fact]
    public void With_a_key_administrator_only_it_and_the_deployment_role_may_disable_delete_or_repolicy_either_key()
    {
        using var withAdmin = new SynthesizedTemplate(new Dictionary<string, object> { [ContextKeys.KeyAdminRoleArn] = "arn:aws:iam::123456789012:role/KeyAdmin" });
        foreach (var key in new[] { withAdmin.Stack.Encryption.Key, withAdmin.Stack.Encryption.AlertsKey })
        {
            var deny = withAdmin.Json["Resources"]![withAdmin.LogicalId(key)]!["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray()
                .Single(s => (string?)s!["Sid"] == "ReserveKeyAdministrationToTheKeyAdministrator")!;

            Assert.Equal("Deny", (string?)deny["Effect"]);
            Assert.Equal(["kms:DisableKey", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"], deny["Action"].Strings().Order(StringComparer.Ordinal));
            var exempt = deny["Condition"]!["ArnNotLike"]!["aws:PrincipalArn"]!.ToJsonString();
            Assert.Contains("arn:aws:iam::123456789012:role/KeyAdmin", exempt, StringComparison.Ordinal);
            Assert.Contains("cfn-exec-role", exempt, StringComparison.Ordinal);
        }
    }

    private Amazon.CDK.AWS.KMS.Key Key(string which) => which == "data" ? stack.Stack.Encryption.Key : stack.Stack.Encryption.AlertsKey;

    private List<JsonObject> KeyStatements(string which) =>
        [.. stack.Json["Resources"]![stack.LogicalId(Key(which))]!["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray().Select(s => s!.AsObject())];
}
