using System.Reflection;

namespace ImageProcessing.Tests.Conventions;

/// <summary>Every test class names its kind, so <c>dotnet test --filter Category=KIND</c> runs each kind alone.</summary>
[Trait("Category", "unit")]
public sealed class TestCategoryTests
{
    /// <summary>The kinds the README lists; a new kind is added there and here together.</summary>
    private static readonly string[] Kinds = ["unit", "integration", "e2e", "infrastructure", "load", "docs", "package"];

    [Fact]
    public void Every_test_class_carries_one_known_category()
    {
        var offenders = typeof(TestCategoryTests).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttributes<FactAttribute>(inherit: true).Any()))
            .Select(type => (type.FullName, Categories: Categories(type)))
            .Where(test => test.Categories.Count != 1 || !Kinds.Contains(test.Categories[0]))
            .Select(test => $"{test.FullName}: [{string.Join(", ", test.Categories)}]")
            .ToList();

        Assert.True(offenders.Count == 0, "test classes without exactly one known Category trait:\n" + string.Join('\n', offenders));
    }

    private static List<string> Categories(Type type) =>
        [.. type.GetCustomAttributesData()
            .Where(attribute => attribute.AttributeType == typeof(TraitAttribute)
                && attribute.ConstructorArguments[0].Value is "Category")
            .Select(attribute => (string)attribute.ConstructorArguments[1].Value!)];
}
