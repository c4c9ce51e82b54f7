namespace HybridLlm.ProprietaryAdapter.Tests.Support;

/// <summary>Tests that share the one real redis-server of this assembly (see <see cref="HybridLlm.Testing.Fakes.RedisServerFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<HybridLlm.Testing.Fakes.RedisServerFixture>
{
    public const string Name = "redis";
}
