using HybridLlm.Classifier.Embeddings;
using Microsoft.Extensions.AI;

namespace HybridLlm.Classifier.Tests;

[Collection(ClassifierCollection.Name)]
public sealed class StaticEmbeddingTests(ClassifierFixture fixture)
{
    private static readonly Lazy<StaticEmbeddingTable> Shipped = new(() => StaticEmbeddingTable.Load(RepositoryFiles.ShippedStaticTable));

    [Fact]
    public async Task Generate_SimilarRequests_AreCloserThanUnrelatedOnes()
    {
        using var generator = new StaticEmbeddingGenerator(Shipped.Value, 512);

        var vectors = await generator.GenerateAsync([
            "How do I reverse a linked list in Python?",
            "Write Python code that inverts a singly linked list.",
            "Write a short poem about autumn leaves falling.",
        ]);

        var code = Cosine(vectors[0], vectors[1]);
        var poem = Cosine(vectors[0], vectors[2]);
        Assert.True(code > poem + 0.1, $"code/code {code:0.000} should clearly beat code/poem {poem:0.000}");
    }

    [Fact]
    public async Task Generate_GivesUnitVectorsOfTheTablesWidth_AndZeroForEmptyText()
    {
        using var generator = new StaticEmbeddingGenerator(Shipped.Value, 512);

        var vectors = await generator.GenerateAsync(["The cat sat on the mat.", "", "   "]);

        Assert.Equal(Shipped.Value.Dimensions, vectors[0].Vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vectors[0].Vector.ToArray().Sum(x => (double)x * x)), 4);
        Assert.All(vectors.Skip(1), v => Assert.All(v.Vector.ToArray(), x => Assert.Equal(0f, x)));
        Assert.Equal(StaticEmbeddingGenerator.ModelId, vectors[0].ModelId);
    }

    [Fact]
    public async Task Generate_WithEdges_PastedMaterialLeavesTheOpeningPartAlone()
    {
        using var generator = new StaticEmbeddingGenerator(Shipped.Value, 512, edgeTokens: 16);
        var width = Shipped.Value.Dimensions;
        const string instruction = "Summarise the following message in two short sentences for a busy manager who has no time to read all of it."; // over 16 pieces

        var vectors = await generator.GenerateAsync([
            $"{instruction}\n\nThe build failed again: the null pointer in the parser crashes when the config file is empty.",
            $"{instruction}\n\nDear team, the picnic moves to Saturday because of the rain; bring blankets and snacks.",
        ]);

        var a = vectors[0].Vector.ToArray();
        var b = vectors[1].Vector.ToArray();
        Assert.Equal(3 * width, a.Length);
        Assert.Equal(a[..width], b[..width]);
        Assert.NotEqual(a[width..(2 * width)], b[width..(2 * width)]);
        Assert.NotEqual(a[(2 * width)..], b[(2 * width)..]);
        Assert.All(new[] { a[..width], a[width..(2 * width)], a[(2 * width)..] }, part => Assert.Equal(1.0, Math.Sqrt(part.Sum(x => (double)x * x)), 4));
    }

    [Fact]
    public async Task Generate_WithEdges_ShortTextFillsEveryPartWithTheSameMean()
    {
        using var generator = new StaticEmbeddingGenerator(Shipped.Value, 512, edgeTokens: 16);
        var width = Shipped.Value.Dimensions;

        var vector = (await generator.GenerateAsync(["Hello there"]))[0].Vector.ToArray();

        Assert.Equal(vector[..width], vector[width..(2 * width)]);
        Assert.Equal(vector[..width], vector[(2 * width)..]);
    }

    [Fact]
    public async Task Generate_TextBeyondTheWindow_KeepsHeadAndTail()
    {
        using var generator = new StaticEmbeddingGenerator(Shipped.Value, 64);
        var middle = string.Join(' ', Enumerable.Repeat("banana", 400));
        var head = "Translate the following into French.";
        var tail = "Answer in one sentence.";

        var vectors = await generator.GenerateAsync([$"{head} {middle} {tail}", $"{head} {middle} Reply with a haiku about the sea instead."]);

        // The tails differ and the window still reads them, so the two long prompts must not collapse into one vector.
        Assert.True(Cosine(vectors[0], vectors[1]) < 0.999);
    }

    [Fact]
    public void ShippedTable_KeepsMiniLmsGeometry()
    {
        // Rows keep MiniLM's geometry: pieces whose transformer vectors are close stay close in the table.
        var miniLm = fixture.Get<MiniLmEmbeddingGenerator>();
        int[] ids = [2158, 2450, 3899, 4937]; // "man", "woman", "dog", "cat" in the uncased vocabulary
        var transformer = miniLm.EmbedIds([.. ids.Select(StaticEmbeddingDistiller.SinglePiece)], CancellationToken.None);
        var table = ids.Select(Shipped.Value.Row).ToArray();

        var close = Cosine(transformer[0], transformer[1]) > Cosine(transformer[0], transformer[3]);
        Assert.Equal(close, Cosine(table[0], table[1]) > Cosine(table[0], table[3]));
        Assert.True(Cosine(table[2], table[3]) > Cosine(table[2], table[0]), "dog should sit nearer cat than man");
    }

    [Fact]
    public void Table_RoundTripsThroughItsBytes_AndKeepsItsDigest()
    {
        var table = StaticEmbeddingTable.FromRows([[0.5f, -1f, 0.25f], [0f, 0f, 0f], [3f, 2f, -1f]]);

        var reread = StaticEmbeddingTable.Parse(table.ToBytes(), "memory");

        Assert.Equal(table.Sha256, reread.Sha256);
        Assert.Equal(3, reread.Rows);
        Assert.Equal(new[] { 0f, 0f, 0f }, reread.Row(1));
        var row = reread.Row(2);
        Assert.Equal(3f, row[0], 3);
        Assert.Equal(2f, row[1], 1);
        Assert.Equal(-1f, row[2], 1);
    }

    [Theory]
    [InlineData(0, "HLSE header")]
    [InlineData(1, "format version")]
    [InlineData(2, "bytes")]
    public void Parse_DamagedFile_IsRefusedWithTheProblem(int damage, string expected)
    {
        var bytes = StaticEmbeddingTable.FromRows([[1f, 2f], [3f, 4f]]).ToBytes();
        switch (damage)
        {
            case 0: bytes[0] = (byte)'X'; break;
            case 1: bytes[4] = 9; break;
            default: bytes = bytes[..^1]; break;
        }

        var ex = Assert.Throws<InvalidDataException>(() => StaticEmbeddingTable.Parse(bytes, "damaged.bin"));

        Assert.Contains("damaged.bin", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SymmetricEigen_DecomposesAMatrixExactly()
    {
        var random = new Random(5);
        const int n = 12;
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                m[i, j] = m[j, i] = random.NextDouble() - 0.5;
            }
        }

        var (values, vectors) = PrincipalComponents.SymmetricEigen(m);

        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                double product = 0;
                for (var j = 0; j < n; j++)
                {
                    product += m[i, j] * vectors[j, k];
                }

                Assert.Equal(values[k] * vectors[i, k], product, 9);
            }
        }
    }

    [Fact]
    public void Project_KeepsTheDirectionsOfGreatestVariance()
    {
        // Points spread along (1, 1, 0) with a little noise on the other axes: one component must carry nearly all of it.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 200).Select(_ =>
        {
            var t = (float)(random.NextDouble() * 10);
            return new[] { t + (float)(random.NextDouble() * 0.01), t, (float)(random.NextDouble() * 0.01) };
        }).ToArray();

        var projected = PrincipalComponents.Project(rows, 1);

        var spread = projected.Max(r => r[0]) - projected.Min(r => r[0]);
        Assert.InRange(spread, 10 * Math.Sqrt(2) * 0.9, 10 * Math.Sqrt(2) * 1.01);
    }

    private static double Cosine(Embedding<float> a, Embedding<float> b) => Cosine(a.Vector.ToArray(), b.Vector.ToArray());

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
