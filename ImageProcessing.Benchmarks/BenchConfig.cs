using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;

namespace ImageProcessing.Benchmarks;

/// <summary>
/// Every benchmark reports allocated managed memory and its ratio to the ImageSharp baseline of its
/// category (one category per operation and input, so each ratio compares the same work).
/// </summary>
internal static class BenchConfig
{
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median)
        .AddColumn(CategoriesColumn.Default)
        .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
}
