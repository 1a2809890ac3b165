namespace Entente.Nlp.Learning;

/// <summary>
/// A multi-class averaged perceptron under training. Weights are sparse per feature (a feature
/// usually meets only a few classes), averaged lazily (Daumé's trick with timestamps).
/// Single-threaded and deterministic: the same updates in the same order give the same model bytes.
/// </summary>
public sealed class PerceptronTrainer
{
    private readonly Dictionary<ulong, Row> _rows = new();
    private int _time = 1;

    public PerceptronTrainer(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        Classes = classes;
    }

    public int Classes { get; }

    /// <summary>Number of update instances seen so far (the averaging clock).</summary>
    public int Time => _time;

    public int FeatureCount => _rows.Count;

    /// <summary>Adds the current (not averaged) weights of <paramref name="features"/> to <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            if (_rows.TryGetValue(f, out var row))
            {
                for (int i = 0; i < row.Count; i++)
                {
                    scores[row.Classes[i]] += row.Weights[i];
                }
            }
        }
    }

    /// <summary>Standard perceptron step: reward <paramref name="truth"/>, penalise <paramref name="guess"/>.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess)
        {
            return;
        }

        foreach (var f in features)
        {
            var row = GetRow(f);
            row.Add(truth, 1f, _time);
            row.Add(guess, -1f, _time);
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the weight of each feature for one class (for structured updates).</summary>
    public void Update(ReadOnlySpan<ulong> features, int cls, float delta)
    {
        foreach (var f in features)
        {
            GetRow(f).Add(cls, delta, _time);
        }
    }

    /// <summary>Advances the averaging clock: call once per training instance.</summary>
    public void Tick() => _time++;

    /// <summary>
    /// The averaged model, weights rounded to half precision. Weights whose magnitude is at most <paramref name="prune"/> are dropped,
    /// and features left without weights disappear.
    /// </summary>
    public PerceptronModel ToModel(IReadOnlyList<string> classNames, float prune = 0f)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count != Classes)
        {
            throw new ArgumentException($"expected {Classes} class names, got {classNames.Count}", nameof(classNames));
        }

        var keys = _rows.Keys.ToArray();
        Array.Sort(keys);
        var outKeys = new List<ulong>(keys.Length);
        var starts = new List<int>(keys.Length + 1);
        var cls = new List<ushort>();
        var ws = new List<float>();
        double t = _time;
        var tmpC = new List<(ushort C, float W)>();
        foreach (var k in keys)
        {
            var row = _rows[k];
            tmpC.Clear();
            for (int i = 0; i < row.Count; i++)
            {
                double total = row.Totals[i] + ((_time - row.Stamps[i]) * (double)row.Weights[i]);
                // rounded as the saved model stores it, so that the model scored in training is the one saved
                float avg = (float)PerceptronModel.ToHalf((float)(total / t));
                if (Math.Abs(avg) > prune && avg != 0f)
                {
                    tmpC.Add(((ushort)row.Classes[i], avg));
                }
            }

            if (tmpC.Count == 0)
            {
                continue;
            }

            tmpC.Sort((a, b) => a.C.CompareTo(b.C));
            outKeys.Add(k);
            starts.Add(cls.Count);
            foreach (var (c, w) in tmpC)
            {
                cls.Add(c);
                ws.Add(w);
            }
        }

        starts.Add(cls.Count);
        return PerceptronModel.FromRows(classNames.ToArray(), outKeys.ToArray(), starts.ToArray(), cls.ToArray(), ws.ToArray());
    }

    private Row GetRow(ulong f)
    {
        if (!_rows.TryGetValue(f, out var row))
        {
            row = new Row();
            _rows.Add(f, row);
        }

        return row;
    }

    private sealed class Row
    {
        public int Count;
        public int[] Classes = new int[2];
        public float[] Weights = new float[2];
        public double[] Totals = new double[2];
        public int[] Stamps = new int[2];

        public void Add(int cls, float delta, int time)
        {
            int i = 0;
            while (i < Count && Classes[i] != cls)
            {
                i++;
            }

            if (i == Count)
            {
                if (Count == Classes.Length)
                {
                    int n = Count * 2;
                    Array.Resize(ref Classes, n);
                    Array.Resize(ref Weights, n);
                    Array.Resize(ref Totals, n);
                    Array.Resize(ref Stamps, n);
                }

                Classes[i] = cls;
                Weights[i] = 0f;
                Totals[i] = 0d;
                Stamps[i] = time;
                Count++;
            }

            Totals[i] += (time - Stamps[i]) * (double)Weights[i];
            Stamps[i] = time;
            Weights[i] += delta;
        }
    }
}
