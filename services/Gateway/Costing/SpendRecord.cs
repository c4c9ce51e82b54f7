namespace HybridLlm.Gateway.Costing;

/// <summary>One served request as the spend report counts it; <paramref name="ServedAt"/> picks the day it counts on.</summary>
public readonly record struct SpendRecord(
    string TenantId, string Route, double CostUsd, double AllApiCostUsd, long InputTokens, long OutputTokens, DateTimeOffset ServedAt);
