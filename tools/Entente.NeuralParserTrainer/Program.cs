// Trains Entente's neural parser (a biaffine scorer over a two-layer BiLSTM, Dozat and Manning 2017) on a
// CoNLL-U treebank with TorchSharp on the CPU, and writes it in the format that
// src/Entente.Nlp/Parsing/NeuralParser.cs runs. Options: --train FILE (jackknifed tags) --dev FILE
// (predicted tags) --out FILE [--hidden 96] [--word 100] [--mincount 2] [--epochs 80] [--minutes 65]
// [--batch 2500] [--threads 2] [--seed 1] [--limit SENTENCES] (the defaults shown are the shipped model's settings).
// The best epoch on dev (UAS + LAS, greedy heads) is kept. Word, suffix and shape keys are NeuralParser's own.
using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;
using Entente.Nlp.Parsing;

var argsMap = new Dictionary<string, string>();
for (int a = 0; a + 1 < args.Length; a += 2) argsMap[args[a].TrimStart('-')] = args[a + 1];
string Arg(string k, string d) => argsMap.TryGetValue(k, out var v) ? v : d;
int hidden = int.Parse(Arg("hidden", "96"), CultureInfo.InvariantCulture);
int wordDim = int.Parse(Arg("word", "100"), CultureInfo.InvariantCulture);
int epochs = int.Parse(Arg("epochs", "80"), CultureInfo.InvariantCulture);
int minCount = int.Parse(Arg("mincount", "2"), CultureInfo.InvariantCulture);
int limit = int.Parse(Arg("limit", "0"), CultureInfo.InvariantCulture);
int batchTokens = int.Parse(Arg("batch", "2500"), CultureInfo.InvariantCulture);
int threads = int.Parse(Arg("threads", "2"), CultureInfo.InvariantCulture);
double maxMinutes = double.Parse(Arg("minutes", "65"), CultureInfo.InvariantCulture);
string outPath = argsMap.TryGetValue("out", out var o) ? o : throw new ArgumentException("--out FILE is required");
torch.set_num_threads(threads);
int seed = int.Parse(Arg("seed", "1"), CultureInfo.InvariantCulture);
torch.manual_seed(seed);
var rng = new Random(seed);

var train = Conll.Read(argsMap.TryGetValue("train", out var tr) ? tr : throw new ArgumentException("--train FILE is required"));
var dev = Conll.Read(argsMap.TryGetValue("dev", out var dv) ? dv : throw new ArgumentException("--dev FILE is required"));
if (limit > 0) train = train.Take(limit).ToList();
Console.WriteLine($"train {train.Count} dev {dev.Count}");

var vocab = Vocab.Build(train, minCount);
Console.WriteLine($"words {vocab.Words.Count} suffixes {vocab.Suffixes.Count} upos {vocab.Upos.Count} xpos {vocab.Xpos.Count} labels {vocab.Labels.Count}");
var net = new Net(vocab, wordDim, hidden);
var parameters = net.Parameters().ToList();
Console.WriteLine($"parameters {parameters.Sum(p => p.numel())}");
var opt = torch.optim.Adam(parameters, lr: 2e-3, beta1: 0.9, beta2: 0.9);
var trainEnc = train.Select(vocab.Encode).ToList();
var devEnc = dev.Select(vocab.Encode).ToList();
double best = 0;
var clock = Stopwatch.StartNew();
for (int epoch = 1; epoch <= epochs; epoch++)
{
    var sw = Stopwatch.StartNew();
    // batches of sentences of similar length, about batchTokens tokens each
    var order = Enumerable.Range(0, trainEnc.Count).OrderBy(i => trainEnc[i].Length + rng.NextDouble() * 3).ToList();
    var batches = new List<List<int>>();
    var cur = new List<int>(); int tokens = 0;
    foreach (var i in order)
    {
        cur.Add(i); tokens += trainEnc[i].Length;
        if (tokens >= batchTokens || cur.Count >= 100) { batches.Add(cur); cur = new(); tokens = 0; }
    }
    if (cur.Count > 0) batches.Add(cur);
    batches = batches.OrderBy(_ => rng.Next()).ToList();
    double lossSum = 0;
    net.Train(true);
    foreach (var b in batches)
    {
        using var scope = torch.NewDisposeScope();
        var batch = b.Select(i => trainEnc[i]).ToList();
        var loss = net.Loss(batch, rng);
        opt.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(parameters, 5.0);
        opt.step();
        lossSum += loss.item<float>();
    }
    net.Train(false);
    var (uas, las) = net.Evaluate(devEnc);
    Console.WriteLine($"epoch {epoch} loss {lossSum / batches.Count:F4} dev UAS {uas:F4} LAS {las:F4} ({sw.Elapsed.TotalSeconds:F0} s)");
    if (uas + las > best)
    {
        best = uas + las;
        net.Save(outPath, vocab);
        Console.WriteLine($"  saved {outPath}");
    }
    if (clock.Elapsed.TotalMinutes > maxMinutes) break;
}

sealed record Token(string Form, string Upos, string Xpos, int Head, string Rel);

static class Conll
{
    public static List<Token[]> Read(string path)
    {
        var result = new List<Token[]>();
        var cur = new List<Token>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) { if (cur.Count > 0) result.Add(cur.ToArray()); cur.Clear(); continue; }
            if (line[0] == '#') continue;
            var f = line.Split('\t');
            if (f[0].Contains('-') || f[0].Contains('.')) continue;
            cur.Add(new Token(f[1], f[3], f[4], int.Parse(f[6], CultureInfo.InvariantCulture), f[7]));
        }
        if (cur.Count > 0) result.Add(cur.ToArray());
        return result;
    }
}

sealed class Enc
{
    public required long[] Words, Suffixes, Upos, Xpos, Shapes, Heads, Rels; // index 0 = ROOT
    public required int[] WordCounts;
    public int Length => Words.Length;
}

sealed class Vocab
{
    public const int Pad = 0, Root = 1, Unk = 2;
    public List<string> Words = new() { "<pad>", "<root>", "<unk>" }, Suffixes = new() { "<pad>", "<root>", "<unk>" },
        Upos = new() { "<pad>", "<root>", "<unk>" }, Xpos = new() { "<pad>", "<root>", "<unk>" }, Labels = new();
    public Dictionary<string, int> WordIdx = new(), SufIdx = new(), UposIdx = new(), XposIdx = new(), LabelIdx = new();
    public Dictionary<string, int> Counts = new();

    // the keys NeuralParser computes at run time, so that training and parsing cannot drift apart
    static string NormWord(string w) => NeuralParser.Normalize(w);
    static string Suffix(string w) => NeuralParser.SuffixKey(NeuralParser.Normalize(w));
    static int Shape(string w) => NeuralParser.Shape(w); // 1..12; 13 is the root token

    public static Vocab Build(List<Token[]> train, int minCount)
    {
        var v = new Vocab();
        var sufCount = new Dictionary<string, int>();
        foreach (var s in train) foreach (var t in s)
        {
            var w = NormWord(t.Form);
            v.Counts[w] = v.Counts.GetValueOrDefault(w) + 1;
            var sf = Suffix(t.Form);
            sufCount[sf] = sufCount.GetValueOrDefault(sf) + 1;
            if (!v.UposIdx.ContainsKey(t.Upos)) { v.UposIdx[t.Upos] = v.Upos.Count; v.Upos.Add(t.Upos); }
            if (!v.XposIdx.ContainsKey(t.Xpos)) { v.XposIdx[t.Xpos] = v.Xpos.Count; v.Xpos.Add(t.Xpos); }
        }
        foreach (var (w, c) in v.Counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            if (c >= minCount) { v.WordIdx[w] = v.Words.Count; v.Words.Add(w); }
        foreach (var (w, c) in sufCount.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            if (c >= 2) { v.SufIdx[w] = v.Suffixes.Count; v.Suffixes.Add(w); }
        foreach (var l in train.SelectMany(s => s).Select(t => t.Rel).Distinct().Order(StringComparer.Ordinal))
        { v.LabelIdx[l] = v.Labels.Count; v.Labels.Add(l); }
        return v;
    }

    public Enc Encode(Token[] s)
    {
        int n = s.Length + 1;
        var e = new Enc
        {
            Words = new long[n], Suffixes = new long[n], Upos = new long[n], Xpos = new long[n], Shapes = new long[n],
            Heads = new long[n], Rels = new long[n], WordCounts = new int[n],
        };
        e.Words[0] = Root; e.Suffixes[0] = Root; e.Upos[0] = Root; e.Xpos[0] = Root; e.Shapes[0] = 13;
        for (int i = 0; i < s.Length; i++)
        {
            var t = s[i]; var w = NormWord(t.Form);
            e.Words[i + 1] = WordIdx.TryGetValue(w, out var wi) ? wi : Unk;
            e.WordCounts[i + 1] = Counts.GetValueOrDefault(w);
            e.Suffixes[i + 1] = SufIdx.TryGetValue(Suffix(t.Form), out var si) ? si : Unk;
            e.Upos[i + 1] = UposIdx.TryGetValue(t.Upos, out var ui) ? ui : Unk;
            e.Xpos[i + 1] = XposIdx.TryGetValue(t.Xpos, out var xi) ? xi : Unk;
            e.Shapes[i + 1] = Shape(t.Form);
            e.Heads[i + 1] = t.Head;
            e.Rels[i + 1] = LabelIdx.TryGetValue(t.Rel, out var li) ? li : 0;
        }
        return e;
    }
}

sealed class Net
{
    readonly nn.Module<Tensor, Tensor> wordEmb, sufEmb, uposEmb, xposEmb, shapeEmb;
    readonly TorchSharp.Modules.LSTM lstm1, lstm2;
    readonly nn.Module<Tensor, Tensor> arcDep, arcHead, labDep, labHead, labW1, labW2, labW3;
    readonly TorchSharp.Modules.Parameter arcU, arcB;
    readonly int hidden;
    bool training;
    const int ArcDim = 128, LabDim = 64;
    const double Drop = 0.33;

    public Net(Vocab v, int wordDim, int hidden)
    {
        this.hidden = hidden;
        wordEmb = nn.Embedding(v.Words.Count, wordDim);
        sufEmb = nn.Embedding(v.Suffixes.Count, 32);
        uposEmb = nn.Embedding(v.Upos.Count, 16);
        xposEmb = nn.Embedding(v.Xpos.Count, 32);
        shapeEmb = nn.Embedding(14, 8);
        int input = wordDim + 32 + 16 + 32 + 8;
        lstm1 = nn.LSTM(input, hidden, bidirectional: true, batchFirst: true);
        lstm2 = nn.LSTM(2 * hidden, hidden, bidirectional: true, batchFirst: true);
        arcDep = nn.Linear(2 * hidden, ArcDim); arcHead = nn.Linear(2 * hidden, ArcDim);
        labDep = nn.Linear(2 * hidden, LabDim); labHead = nn.Linear(2 * hidden, LabDim);
        labW1 = nn.Linear(LabDim, v.Labels.Count); labW2 = nn.Linear(LabDim, v.Labels.Count, hasBias: false);
        labW3 = nn.Linear(LabDim, v.Labels.Count, hasBias: false);
        arcU = nn.Parameter(torch.zeros(ArcDim, ArcDim));
        arcB = nn.Parameter(torch.zeros(ArcDim));
        using (torch.no_grad())
        {
            foreach (var e in new[] { wordEmb, sufEmb, uposEmb, xposEmb, shapeEmb })
                ((TorchSharp.Modules.Embedding)e).weight!.normal_(0, 0.3);
        }
    }

    public IEnumerable<TorchSharp.Modules.Parameter> Parameters()
    {
        foreach (var m in Modules()) foreach (var p in m.parameters()) yield return p;
        yield return arcU; yield return arcB;
    }

    IEnumerable<nn.Module> Modules() => new nn.Module[] { wordEmb, sufEmb, uposEmb, xposEmb, shapeEmb, lstm1, lstm2, arcDep, arcHead, labDep, labHead, labW1, labW2, labW3 };

    public void Train(bool on) { training = on; foreach (var m in Modules()) m.train(on); }

    static Tensor Pad(List<Enc> b, Func<Enc, long[]> f, int T)
    {
        var data = new long[b.Count * T];
        for (int i = 0; i < b.Count; i++) { var a = f(b[i]); Array.Copy(a, 0, data, i * T, a.Length); }
        return torch.tensor(data, new long[] { b.Count, T });
    }

    (Tensor H, Tensor mask, int T) Encode(List<Enc> b, Random? rng)
    {
        int T = b.Max(e => e.Length);
        var words = new long[b.Count * T];
        for (int i = 0; i < b.Count; i++)
            for (int j = 0; j < b[i].Length; j++)
            {
                long w = b[i].Words[j];
                if (rng != null && j > 0)
                {
                    double p = 0.25 / (0.25 + b[i].WordCounts[j]);
                    if (rng.NextDouble() < p) w = Vocab.Unk;
                }
                words[i * T + j] = w;
            }
        var x = torch.cat(new[]
        {
            wordEmb.call(torch.tensor(words, new long[] { b.Count, T })),
            sufEmb.call(Pad(b, e => e.Suffixes, T)),
            uposEmb.call(Pad(b, e => e.Upos, T)),
            xposEmb.call(Pad(b, e => e.Xpos, T)),
            shapeEmb.call(Pad(b, e => e.Shapes, T)),
        }, 2);
        x = F.dropout(x, Drop, training);
        var lengths = torch.tensor(b.Select(e => (long)e.Length).ToArray());
        var packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first: true, enforce_sorted: false);
        var (o1, _, _) = lstm1.call(packed);
        var (h1, _) = nn.utils.rnn.pad_packed_sequence(o1, batch_first: true, total_length: T);
        h1 = F.dropout(h1, Drop, training);
        var packed2 = nn.utils.rnn.pack_padded_sequence(h1, lengths, batch_first: true, enforce_sorted: false);
        var (o2, _, _) = lstm2.call(packed2);
        var (h2, _) = nn.utils.rnn.pad_packed_sequence(o2, batch_first: true, total_length: T);
        h2 = F.dropout(h2, Drop, training);
        var maskData = new bool[b.Count * T];
        for (int i = 0; i < b.Count; i++) for (int j = 0; j < b[i].Length; j++) maskData[i * T + j] = true;
        return (h2, torch.tensor(maskData, new long[] { b.Count, T }), T);
    }

    (Tensor arc, Tensor ld, Tensor lh) Scores(Tensor H, Tensor mask)
    {
        var d = F.dropout(F.leaky_relu(arcDep.call(H), 0.1), Drop, training);
        var h = F.dropout(F.leaky_relu(arcHead.call(H), 0.1), Drop, training);
        var s = torch.matmul(torch.matmul(d, arcU), h.transpose(1, 2)) + torch.matmul(h, arcB).unsqueeze(1); // [B, dep, head]
        s = s.masked_fill(mask.unsqueeze(1).logical_not(), -1e9);
        var ld = F.dropout(F.leaky_relu(labDep.call(H), 0.1), Drop, training);
        var lh = F.dropout(F.leaky_relu(labHead.call(H), 0.1), Drop, training);
        return (s, ld, lh);
    }

    Tensor LabelLogits(Tensor ld, Tensor lhSel) => labW1.call(ld) + labW2.call(lhSel) + labW3.call(ld * lhSel);

    public Tensor Loss(List<Enc> b, Random rng)
    {
        var (H, mask, T) = Encode(b, rng);
        var (s, ld, lh) = Scores(H, mask);
        var heads = Pad(b, e => e.Heads, T);
        var rels = Pad(b, e => e.Rels, T);
        var depMask = mask.clone(); depMask[TensorIndex.Colon, 0] = false;
        var sel = depMask.flatten();
        var arcLoss = F.cross_entropy(s.reshape(-1, T)[sel], heads.flatten()[sel]);
        var lhSel = torch.gather(lh, 1, heads.unsqueeze(2).expand(-1, -1, LabDim));
        var logits = LabelLogits(ld, lhSel);
        var labLoss = F.cross_entropy(logits.reshape(-1, logits.shape[2])[sel], rels.flatten()[sel]);
        return arcLoss + labLoss;
    }

    public (double uas, double las) Evaluate(List<Enc> data)
    {
        long total = 0, ua = 0, la = 0;
        using var _ = torch.no_grad();
        for (int start = 0; start < data.Count; start += 64)
        {
            using var scope = torch.NewDisposeScope();
            var b = data.Skip(start).Take(64).ToList();
            var (H, mask, T) = Encode(b, null);
            var (s, ld, lh) = Scores(H, mask);
            var pred = s.argmax(2);
            var lhSel = torch.gather(lh, 1, pred.unsqueeze(2).expand(-1, -1, LabDim));
            var lab = LabelLogits(ld, lhSel).argmax(2);
            var ph = pred.data<long>().ToArray(); var pl = lab.data<long>().ToArray();
            for (int i = 0; i < b.Count; i++)
                for (int j = 1; j < b[i].Length; j++)
                {
                    total++;
                    if (ph[i * T + j] == b[i].Heads[j]) { ua++; if (pl[i * T + j] == b[i].Rels[j]) la++; }
                }
        }
        return ((double)ua / total, (double)la / total);
    }

    public void Save(string path, Vocab v)
    {
        var tensors = new List<(string Name, int Rows, int Cols, float[] Data)>();
        void Add(string name, Tensor t)
        {
            var data = t.detach().contiguous().data<float>().ToArray();
            int rows = t.dim() == 1 ? 1 : (int)t.shape[0];
            tensors.Add((name, rows, data.Length / rows, data));
        }

        Add("word", ((TorchSharp.Modules.Embedding)wordEmb).weight!);
        Add("suffix", ((TorchSharp.Modules.Embedding)sufEmb).weight!);
        Add("upos", ((TorchSharp.Modules.Embedding)uposEmb).weight!);
        Add("xpos", ((TorchSharp.Modules.Embedding)xposEmb).weight!);
        Add("shape", ((TorchSharp.Modules.Embedding)shapeEmb).weight!);
        foreach (var (name, l) in new[] { ("l1", lstm1), ("l2", lstm2) })
            foreach (var (pn, p) in l.named_parameters()) Add(name + "." + pn, p);
        foreach (var (name, m) in new[] { ("arcDep", arcDep), ("arcHead", arcHead), ("labDep", labDep), ("labHead", labHead), ("labW1", labW1), ("labW2", labW2), ("labW3", labW3) })
            foreach (var (pn, p) in m.named_parameters()) Add(name + "." + pn, p);
        Add("arcU", arcU);
        Add("arcB", arcB);
        using var file = File.Create(path);
        NeuralParser.Write(file, new IReadOnlyList<string>[] { v.Words, v.Suffixes, v.Upos, v.Xpos, v.Labels }, tensors);
    }
}
