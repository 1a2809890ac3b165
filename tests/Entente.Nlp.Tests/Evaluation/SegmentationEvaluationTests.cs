using Entente.Nlp.Conllu;
using Entente.Nlp.Evaluation;
using Entente.Nlp.Tokenization;

namespace Entente.Nlp.Tests.Evaluation;

public sealed class SegmentationEvaluationTests
{
    // Hand-written in the EWT style (not taken from EWT). Two documents; the first has two paragraphs.
    // Gold conventions the default segmenter gets wrong on purpose:
    //  - "MoU" is followed by "signed" in a separate gold sentence starting lowercase with no final period before it
    //    (the segmenter predicts one sentence where gold has two);
    //  - "Mark-II" is one gold word here, where the tokenizer gives "Mark" "-" "II".
    private const string Sample = """
        # newdoc id = doc-a
        # sent_id = a-1
        # newpar id = a-p1
        # text = Pakistan's envoy didn't attend.
        1-2	Pakistan's	_	_	_	_	_	_	_	_
        1	Pakistan	Pakistan	PROPN	NNP	_	3	nmod:poss	_	_
        2	's	's	PART	POS	_	1	case	_	_
        3	envoy	envoy	NOUN	NN	_	6	nsubj	_	_
        4-5	didn't	_	_	_	_	_	_	_	_
        4	did	do	AUX	VBD	_	6	aux	_	_
        5	n't	not	PART	RB	_	6	advmod	_	_
        6	attend	attend	VERB	VB	_	0	root	_	SpaceAfter=No
        7	.	.	PUNCT	.	_	6	punct	_	_

        # sent_id = a-2
        # text = Moscow objected.
        1	Moscow	Moscow	PROPN	NNP	_	2	nsubj	_	_
        2	objected	object	VERB	VBD	_	0	root	_	SpaceAfter=No
        3	.	.	PUNCT	.	_	2	punct	_	_

        # sent_id = a-3
        # newpar id = a-p2
        # text = Sanctions update
        1	Sanctions	sanction	NOUN	NNS	_	2	compound	_	_
        2	update	update	NOUN	NN	_	0	root	_	_

        # newdoc id = doc-b
        # sent_id = b-1
        # newpar id = b-p1
        # text = The Anza Mark-II deal was an MoU
        1	The	the	DET	DT	_	4	det	_	_
        2	Anza	Anza	PROPN	NNP	_	4	compound	_	_
        3	Mark-II	Mark-II	PROPN	NNP	_	4	compound	_	_
        4	deal	deal	NOUN	NN	_	7	nsubj	_	_
        5	was	be	AUX	VBD	_	7	cop	_	_
        6	an	a	DET	DT	_	7	det	_	_
        7	MoU	MoU	NOUN	NN	_	0	root	_	_

        # sent_id = b-2
        # text = signed in Warsaw.
        1	signed	sign	VERB	VBN	_	0	root	_	_
        2	in	in	ADP	IN	_	3	case	_	_
        3	Warsaw	Warsaw	PROPN	NNP	_	1	obl	_	SpaceAfter=No
        4	.	.	PUNCT	.	_	1	punct	_	_

        """;

    [Fact]
    public void Evaluation_scores_tokens_and_sentence_ends_against_the_rebuilt_documents()
    {
        var treebank = ConlluReader.Read(new StringReader(Sample), "sample.conllu").ToList();

        var scores = SegmentationEvaluation.Evaluate(treebank, Segmenter.Default);

        // Gold: 7 + 3 + 2 + 7 + 4 = 23 words. Predicted: the same except "Mark-II" → 3 tokens (25 predicted, 22 correct).
        Assert.Equal(2, scores.Documents);
        Assert.Equal(23, scores.GoldTokens);
        Assert.Equal(25, scores.PredictedTokens);
        Assert.Equal(22.0 / 25, scores.TokenPrecision, 6);
        Assert.Equal(22.0 / 23, scores.TokenRecall, 6);
        Assert.Equal(2 * (22.0 / 25) * (22.0 / 23) / ((22.0 / 25) + (22.0 / 23)), scores.TokenF1, 6);

        // Gold: 5 sentences. Predicted: a-1, a-2, a-3 (paragraph break) and b-1 + b-2 as one: 4, of which 4 end right.
        Assert.Equal(5, scores.GoldSentences);
        Assert.Equal(4, scores.PredictedSentences);
        Assert.Equal(1.0, scores.SentencePrecision, 6);
        Assert.Equal(0.8, scores.SentenceRecall, 6);
        Assert.Equal(2 * 0.8 / 1.8, scores.SentenceF1, 6);
    }

    [Fact]
    public void A_perfect_segmentation_scores_one()
    {
        var treebank = ConlluReader.Read(new StringReader(Sample), "sample.conllu").Take(3).ToList();

        var scores = SegmentationEvaluation.Evaluate(treebank, Segmenter.Default);

        Assert.Equal(1.0, scores.TokenF1, 6);
        Assert.Equal(1.0, scores.SentenceF1, 6);
    }
}
