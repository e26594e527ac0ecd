using System.Reflection;
using System.Text.Json.Nodes;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class FunctionTests(DefaultTemplate stack)
{
    private JsonObject Function => stack.One("AWS::Lambda::Function").Resource.Properties();

    [Fact]
    public void It_runs_on_dotnet10_on_arm64_with_the_definitions_handler()
    {
        Assert.Equal("dotnet10", (string?)Function["Runtime"]);
        Assert.Equal(["arm64"], Function["Architectures"].Strings());
        Assert.Equal(PipelineDefinition.Handler, (string?)Function["Handler"]);
    }

    [Fact]
    public void Memory_and_timeout_default_to_the_pipeline_definition()
    {
        Assert.Equal(PipelineDefinition.FunctionMemoryMegabytes, (int)Function["MemorySize"]!);
        Assert.Equal(PipelineDefinition.FunctionTimeoutSeconds, (int)Function["Timeout"]!);
    }

    [Fact]
    public void Reserved_concurrency_caps_the_function_by_default() =>
        Assert.Equal(5, (int)Function["ReservedConcurrentExecutions"]!);

    [Fact]
    public void The_environment_is_encrypted_with_the_pipeline_key() =>
        Assert.True(Function["KmsKeyArn"].RefersTo(stack.LogicalId(stack.Stack.Encryption.Key)));

    [Fact]
    public void Recursive_loops_are_stopped() => Assert.Equal("Terminate", (string?)Function["RecursiveLoop"]);

    [Fact]
    public void Tracing_is_active() => Assert.Equal("Active", (string?)Function["TracingConfig"]!["Mode"]);

    [Fact]
    public void The_function_logs_to_its_own_encrypted_log_group_kept_30_days()
    {
        var logGroupId = stack.LogicalId(stack.Stack.Function.LogGroup);
        var logGroup = stack.Json["Resources"]![logGroupId]!.AsObject().Properties();

        Assert.True(Function["LoggingConfig"]!["LogGroup"].RefersTo(logGroupId));
        Assert.Equal(30, (int)logGroup["RetentionInDays"]!);
        Assert.True(logGroup["KmsKeyId"].RefersTo(stack.LogicalId(stack.Stack.Encryption.Key)));
    }

    [Fact]
    public void Every_variable_of_the_configuration_contract_is_set()
    {
        var variables = Function["Environment"]!["Variables"]!.AsObject();
        var contract = typeof(PipelineDefinition.EnvironmentVariables)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)
            // Optional by contract: the built-in rules apply when it is unset.
            .Where(name => name != PipelineDefinition.EnvironmentVariables.RulesJson);

        Assert.All(contract, name => Assert.True(variables.ContainsKey(name), name));
        Assert.Equal("2", (string?)variables["MALLOC_ARENA_MAX"]);
        Assert.Equal("1", (string?)variables["VIPS_CONCURRENCY"]);
        Assert.Equal(PipelineDefinition.InputPrefix, (string?)variables[PipelineDefinition.EnvironmentVariables.InputPrefix]);
        Assert.Equal("30", (string?)variables[PipelineDefinition.EnvironmentVariables.ProcessingBudgetSeconds]); // half the 60 s timeout
        Assert.True(variables[PipelineDefinition.EnvironmentVariables.KmsKeyId].RefersTo(stack.LogicalId(stack.Stack.Encryption.Key)));
        Assert.True(variables[PipelineDefinition.EnvironmentVariables.ImagesBucket].RefersTo(stack.LogicalId(stack.Stack.Storage.ImagesBucket)));
    }

    [Fact]
    public void The_queue_feeds_the_function_with_partial_batch_failures_and_a_concurrency_cap()
    {
        var mapping = stack.One("AWS::Lambda::EventSourceMapping").Resource.Properties();

        Assert.True(mapping["EventSourceArn"].RefersTo(stack.LogicalId(stack.Stack.Messaging.UploadQueue)));
        Assert.Equal(["ReportBatchItemFailures"], mapping["FunctionResponseTypes"].Strings());
        Assert.Equal(PipelineDefinition.BatchSize, (int)mapping["BatchSize"]!);
        Assert.Equal(5, (int)mapping["ScalingConfig"]!["MaximumConcurrency"]!);
    }
}
