namespace Entente.Nlp.Parsing;

/// <summary>
/// A beam of parser configurations with their summed transition scores. Each step every item offers its
/// legal transitions; the best <c>width</c> candidates (ties: earlier item, lower action) become the next beam.
/// </summary>
internal sealed class Beam
{
    private readonly int _width;
    private ParserState[] _cur;
    private ParserState[] _next;
    private double[] _curScore;
    private double[] _nextScore;
    private readonly double[] _candScore;
    private readonly int[] _candItem;
    private readonly int[] _candAction;
    private int _candCount;

    public Beam(int n, int width, int actions)
    {
        _ = actions;
        _width = width;
        _cur = new ParserState[width];
        _next = new ParserState[width];
        for (int i = 0; i < width; i++)
        {
            _cur[i] = new ParserState(n);
            _next[i] = new ParserState(n);
        }

        _curScore = new double[width];
        _nextScore = new double[width];
        _candScore = new double[width];
        _candItem = new int[width];
        _candAction = new int[width];
        Parents = new int[width];
        Actions = new int[width];
        _cur[0].Reset(n);
        Count = 1;
    }

    public int Count { get; private set; }

    public ParserState[] Items => _cur;

    public double[] Scores => _curScore;

    /// <summary>After <see cref="EndStep"/>: for each new item, the index of the item it came from and the transition taken.</summary>
    public int[] Parents { get; }

    public int[] Actions { get; }

    public void BeginStep() => _candCount = 0;

    public void Offer(int item, ParserState st, ReadOnlySpan<float> scores)
    {
        double baseScore = _curScore[item];
        if (st.CanShift)
        {
            Insert(baseScore + scores[0], item, ParserState.Shift);
        }

        bool left = st.CanLeft, right = st.CanRight;
        for (int a = 1; a < scores.Length; a++)
        {
            if (ParserState.IsLeft(a) ? left : right)
            {
                Insert(baseScore + scores[a], item, a);
            }
        }
    }

    public void EndStep()
    {
        for (int j = 0; j < _candCount; j++)
        {
            var st = _next[j];
            st.CopyFrom(_cur[_candItem[j]]);
            st.Apply(_candAction[j]);
            _nextScore[j] = _candScore[j];
            Parents[j] = _candItem[j];
            Actions[j] = _candAction[j];
        }

        (_cur, _next) = (_next, _cur);
        (_curScore, _nextScore) = (_nextScore, _curScore);
        Count = _candCount;
    }

    private void Insert(double score, int item, int action)
    {
        int last = _candCount;
        if (last == _width)
        {
            if (!(score > _candScore[_width - 1]))
            {
                return;
            }

            last = _width - 1;
        }
        else
        {
            _candCount++;
        }

        int p = last;
        while (p > 0 && score > _candScore[p - 1])
        {
            _candScore[p] = _candScore[p - 1];
            _candItem[p] = _candItem[p - 1];
            _candAction[p] = _candAction[p - 1];
            p--;
        }

        _candScore[p] = score;
        _candItem[p] = item;
        _candAction[p] = action;
    }
}
