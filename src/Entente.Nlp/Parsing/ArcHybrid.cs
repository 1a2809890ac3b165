namespace Entente.Nlp.Parsing;

/// <summary>
/// A configuration of the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011):
/// a stack whose bottom is the artificial root 0, a buffer that is always the contiguous run of words
/// <see cref="Buffer"/>..N, and the arcs built so far, with the child bookkeeping the features need.
/// </summary>
/// <remarks>
/// Transitions: SHIFT pushes the first buffer word; LEFT-l pops s0 and makes it an l-dependent of b0;
/// RIGHT-l pops s0 and makes it an l-dependent of s1. RIGHT onto the root is allowed only when the
/// buffer is empty and s0 is the last word on the stack, so every terminal configuration is a
/// well-formed tree with exactly one word under the root.
/// </remarks>
internal sealed class ParserState
{
    public const int Shift = 0;

    private int[] _stack = [];

    public ParserState(int capacity)
    {
        Allocate(capacity);
    }

    /// <summary>Number of words (token indices 1..N; 0 is the root).</summary>
    public int N { get; private set; }

    public int StackCount { get; private set; }

    /// <summary>Index of the first buffer word; N+1 when the buffer is empty.</summary>
    public int Buffer { get; private set; }

    public int[] Head { get; private set; } = [];

    public int[] Label { get; private set; } = [];

    /// <summary>Leftmost and second-leftmost left child (0 = none).</summary>
    public int[] Lc1 { get; private set; } = [];

    public int[] Lc2 { get; private set; } = [];

    /// <summary>Rightmost and second-rightmost right child (0 = none).</summary>
    public int[] Rc1 { get; private set; } = [];

    public int[] Rc2 { get; private set; } = [];

    public int[] NumLeft { get; private set; } = [];

    public int[] NumRight { get; private set; } = [];

    /// <summary>Bit set of the labels of the left / right children (label ids above 63 share bit 63).</summary>
    public ulong[] LeftLabels { get; private set; } = [];

    public ulong[] RightLabels { get; private set; } = [];

    public bool IsTerminal => StackCount == 1 && Buffer > N;

    public static int Left(int label) => 1 + (2 * label);

    public static int Right(int label) => 2 + (2 * label);

    public static bool IsLeft(int action) => (action & 1) == 1;

    public static int LabelOf(int action) => (action - 1) >> 1;

    public static int ActionCount(int labels) => 1 + (2 * labels);

    /// <summary>The i-th stack element from the top (0 = s0), or -1.</summary>
    public int StackAt(int i) => i < StackCount ? _stack[StackCount - 1 - i] : -1;

    /// <summary>The i-th buffer word (0 = b0), or -1.</summary>
    public int BufferAt(int i) => Buffer + i <= N ? Buffer + i : -1;

    public bool CanShift => Buffer <= N;

    public bool CanLeft => StackCount >= 2 && Buffer <= N;

    public bool CanRight => StackCount > 2 || (StackCount == 2 && Buffer > N);

    public bool IsLegal(int action) => action == Shift ? CanShift : IsLeft(action) ? CanLeft : CanRight;

    public void Reset(int n)
    {
        if (Head.Length < n + 2)
        {
            Allocate(n);
        }

        N = n;
        Array.Clear(Head, 0, n + 2);
        Array.Clear(Label, 0, n + 2);
        Array.Clear(Lc1, 0, n + 2);
        Array.Clear(Lc2, 0, n + 2);
        Array.Clear(Rc1, 0, n + 2);
        Array.Clear(Rc2, 0, n + 2);
        Array.Clear(NumLeft, 0, n + 2);
        Array.Clear(NumRight, 0, n + 2);
        Array.Clear(LeftLabels, 0, n + 2);
        Array.Clear(RightLabels, 0, n + 2);
        for (int i = 0; i <= n; i++)
        {
            Head[i] = -1;
        }

        _stack[0] = 0;
        StackCount = 1;
        Buffer = 1;
    }

    public void CopyFrom(ParserState other)
    {
        if (Head.Length < other.N + 2)
        {
            Allocate(other.N);
        }

        int len = other.N + 2;
        N = other.N;
        StackCount = other.StackCount;
        Buffer = other.Buffer;
        Array.Copy(other._stack, _stack, other.StackCount);
        Array.Copy(other.Head, Head, len);
        Array.Copy(other.Label, Label, len);
        Array.Copy(other.Lc1, Lc1, len);
        Array.Copy(other.Lc2, Lc2, len);
        Array.Copy(other.Rc1, Rc1, len);
        Array.Copy(other.Rc2, Rc2, len);
        Array.Copy(other.NumLeft, NumLeft, len);
        Array.Copy(other.NumRight, NumRight, len);
        Array.Copy(other.LeftLabels, LeftLabels, len);
        Array.Copy(other.RightLabels, RightLabels, len);
    }

    /// <summary>Applies a transition; the caller guarantees it is legal.</summary>
    public void Apply(int action)
    {
        if (action == Shift)
        {
            _stack[StackCount++] = Buffer++;
            return;
        }

        int d = _stack[--StackCount];
        int h = IsLeft(action) ? Buffer : _stack[StackCount - 1];
        AddArc(h, d, LabelOf(action));
    }

    /// <summary>
    /// Costs of all transitions under the dynamic oracle of Goldberg and Nivre (2013): the number of gold
    /// arcs still reachable now that the transition makes unreachable (a wrong label on a gold arc costs 1).
    /// Illegal transitions get <see cref="int.MaxValue"/>. Returns the minimum cost.
    /// </summary>
    public int Costs(ReadOnlySpan<int> goldHead, ReadOnlySpan<int> goldLabel, Span<int> costs)
    {
        int b = Buffer;
        int s0 = StackAt(0), s1 = StackAt(1);

        // s0's dependents still in the buffer: lost by LEFT and RIGHT alike.
        int s0BufferDeps = 0;
        if (StackCount >= 2)
        {
            for (int k = b; k <= N; k++)
            {
                if (goldHead[k] == s0)
                {
                    s0BufferDeps++;
                }
            }
        }

        int shiftCost = int.MaxValue, leftCost = int.MaxValue, rightCost = int.MaxValue;
        if (CanShift)
        {
            shiftCost = 0;
            int gh = goldHead[b];
            for (int i = 0; i < StackCount; i++)
            {
                int k = _stack[i];
                if (goldHead[k] == b && k != 0)
                {
                    shiftCost++;
                }

                if (gh == k && i < StackCount - 1)
                {
                    shiftCost++;
                }
            }
        }

        if (CanLeft)
        {
            int gh = goldHead[s0];
            leftCost = s0BufferDeps + (gh != b && (gh == s1 || gh > b) ? 1 : 0);
        }

        if (CanRight)
        {
            int gh = goldHead[s0];
            rightCost = s0BufferDeps + (gh >= b ? 1 : 0);
        }

        costs[Shift] = shiftCost;
        int min = shiftCost;
        int labels = (costs.Length - 1) / 2;
        int gl = s0 > 0 ? goldLabel[s0] : -1;
        bool leftGold = s0 > 0 && goldHead[s0] == b;
        bool rightGold = s0 > 0 && goldHead[s0] == s1;
        for (int l = 0; l < labels; l++)
        {
            int lc = leftCost == int.MaxValue ? int.MaxValue : leftCost + (leftGold && l != gl ? 1 : 0);
            int rc = rightCost == int.MaxValue ? int.MaxValue : rightCost + (rightGold && l != gl ? 1 : 0);
            costs[Left(l)] = lc;
            costs[Right(l)] = rc;
            min = Math.Min(min, Math.Min(lc, rc));
        }

        return min;
    }

    private void AddArc(int h, int d, int label)
    {
        Head[d] = h;
        Label[d] = label;
        ulong bit = 1UL << Math.Min(label, 63);
        if (d < h)
        {
            NumLeft[h]++;
            LeftLabels[h] |= bit;
            if (Lc1[h] == 0 || d < Lc1[h])
            {
                Lc2[h] = Lc1[h];
                Lc1[h] = d;
            }
            else if (Lc2[h] == 0 || d < Lc2[h])
            {
                Lc2[h] = d;
            }
        }
        else
        {
            NumRight[h]++;
            RightLabels[h] |= bit;
            if (Rc1[h] == 0 || d > Rc1[h])
            {
                Rc2[h] = Rc1[h];
                Rc1[h] = d;
            }
            else if (Rc2[h] == 0 || d > Rc2[h])
            {
                Rc2[h] = d;
            }
        }
    }

    private void Allocate(int n)
    {
        int len = n + 2;
        _stack = new int[len];
        Head = new int[len];
        Label = new int[len];
        Lc1 = new int[len];
        Lc2 = new int[len];
        Rc1 = new int[len];
        Rc2 = new int[len];
        NumLeft = new int[len];
        NumRight = new int[len];
        LeftLabels = new ulong[len];
        RightLabels = new ulong[len];
    }
}
