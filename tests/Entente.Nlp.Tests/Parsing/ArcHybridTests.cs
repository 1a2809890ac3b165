using Entente.Nlp.Parsing;

namespace Entente.Nlp.Tests.Parsing;

public class ArcHybridTests
{
    private const int Labels = 3;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(40)]
    public void Any_sequence_of_legal_transitions_ends_in_a_single_rooted_tree(int n)
    {
        var rng = new Random(n);
        for (int run = 0; run < 200; run++)
        {
            // Given a fresh configuration
            var st = new ParserState(n);
            st.Reset(n);
            int steps = 0;

            // When random legal transitions are applied until none is left
            while (!st.IsTerminal)
            {
                var legal = Enumerable.Range(0, ParserState.ActionCount(Labels)).Where(st.IsLegal).ToArray();
                Assert.NotEmpty(legal);
                st.Apply(legal[rng.Next(legal.Length)]);
                steps++;
            }

            // Then every word has a head, exactly one hangs from the root, and there are no cycles
            Assert.Equal(2 * n, steps);
            AssertWellFormed(st.Head.AsSpan(1, n).ToArray());
        }
    }

    [Fact]
    public void Static_oracle_reproduces_every_projective_gold_tree()
    {
        var labels = ParserTrainer.CollectLabels(NewsTreebank.Sentences);
        var ids = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        foreach (var s in NewsTreebank.Sentences)
        {
            // Given the oracle transition sequence of a gold tree
            var ex = ParserTrainer.ToExample(s, ids)!;
            var seq = ParserTrainer.OracleSequence(ex, ParserState.ActionCount(labels.Count));

            // When it is replayed
            var st = new ParserState(ex.Context.N);
            st.Reset(ex.Context.N);
            foreach (var a in seq)
            {
                Assert.True(st.IsLegal(a));
                st.Apply(a);
            }

            // Then it builds exactly the gold tree, labels included
            Assert.True(st.IsTerminal);
            for (int i = 1; i <= ex.Context.N; i++)
            {
                Assert.Equal(s.Words[i - 1].Head, st.Head[i]);
                Assert.Equal(s.Words[i - 1].DepRel, labels[st.Label[i]]);
            }
        }
    }

    [Fact]
    public void Dynamic_oracle_recovers_the_best_reachable_tree_after_a_mistake()
    {
        var labels = ParserTrainer.CollectLabels(NewsTreebank.Sentences);
        var ids = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        int actions = ParserState.ActionCount(labels.Count);
        var rng = new Random(7);
        foreach (var s in NewsTreebank.Sentences)
        {
            var ex = ParserTrainer.ToExample(s, ids)!;
            int n = ex.Context.N;
            for (int run = 0; run < 20; run++)
            {
                // Given a configuration reached by some random (possibly wrong) transitions
                var st = new ParserState(n);
                st.Reset(n);
                var costs = new int[actions];
                int lost = 0;
                for (int k = rng.Next(n); k > 0 && !st.IsTerminal; k--)
                {
                    st.Costs(ex.GoldHead, ex.GoldLabel, costs);
                    var legal = Enumerable.Range(0, actions).Where(st.IsLegal).ToArray();
                    int a = legal[rng.Next(legal.Length)];
                    lost += costs[a];
                    st.Apply(a);
                }

                // When the oracle's zero-cost transitions are followed from there
                while (!st.IsTerminal)
                {
                    int min = st.Costs(ex.GoldHead, ex.GoldLabel, costs);
                    Assert.Equal(0, min);
                    st.Apply(Array.IndexOf(costs, 0));
                }

                // Then the labelled errors equal the summed costs of the random transitions
                int errors = 0;
                for (int i = 1; i <= n; i++)
                {
                    errors += st.Head[i] != ex.GoldHead[i] || st.Label[i] != ex.GoldLabel[i] ? 1 : 0;
                }

                Assert.Equal(lost, errors);
            }
        }
    }

    internal static void AssertWellFormed(int[] heads)
    {
        int n = heads.Length;
        Assert.Equal(1, heads.Count(h => h == 0));
        foreach (var h in heads)
        {
            Assert.InRange(h, 0, n);
        }

        for (int i = 1; i <= n; i++)
        {
            int x = i, guard = 0;
            while (x != 0)
            {
                x = heads[x - 1];
                Assert.True(++guard <= n, $"cycle through word {i}");
            }
        }
    }
}
