using Entente.Nlp.Conllu;

namespace Entente.Nlp.Tests.Parsing;

/// <summary>A tiny hand-written UD treebank in news style, for oracle and training tests.</summary>
internal static class NewsTreebank
{
    public const string Text = """
        # sent_id = news-1
        # text = The minister announced new sanctions against Iran.
        1	The	the	DET	DT	_	2	det	_	_
        2	minister	minister	NOUN	NN	_	3	nsubj	_	_
        3	announced	announce	VERB	VBD	_	0	root	_	_
        4	new	new	ADJ	JJ	_	5	amod	_	_
        5	sanctions	sanction	NOUN	NNS	_	3	obj	_	_
        6	against	against	ADP	IN	_	7	case	_	_
        7	Iran	Iran	PROPN	NNP	_	5	nmod	_	SpaceAfter=No
        8	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = news-2
        # text = France will send humanitarian aid to Syria on Monday.
        1	France	France	PROPN	NNP	_	3	nsubj	_	_
        2	will	will	AUX	MD	_	3	aux	_	_
        3	send	send	VERB	VB	_	0	root	_	_
        4	humanitarian	humanitarian	ADJ	JJ	_	5	amod	_	_
        5	aid	aid	NOUN	NN	_	3	obj	_	_
        6	to	to	ADP	IN	_	7	case	_	_
        7	Syria	Syria	PROPN	NNP	_	3	obl	_	_
        8	on	on	ADP	IN	_	9	case	_	_
        9	Monday	Monday	PROPN	NNP	_	3	obl	_	SpaceAfter=No
        10	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = news-3
        # text = The talks between the two states collapsed after the president's visit.
        1	The	the	DET	DT	_	2	det	_	_
        2	talks	talk	NOUN	NNS	_	7	nsubj	_	_
        3	between	between	ADP	IN	_	6	case	_	_
        4	the	the	DET	DT	_	6	det	_	_
        5	two	two	NUM	CD	_	6	nummod	_	_
        6	states	state	NOUN	NNS	_	2	nmod	_	_
        7	collapsed	collapse	VERB	VBD	_	0	root	_	_
        8	after	after	ADP	IN	_	12	case	_	_
        9	the	the	DET	DT	_	10	det	_	_
        10	president	president	NOUN	NN	_	12	nmod:poss	_	SpaceAfter=No
        11	's	's	PART	POS	_	10	case	_	_
        12	visit	visit	NOUN	NN	_	7	obl	_	SpaceAfter=No
        13	.	.	PUNCT	.	_	7	punct	_	_

        # sent_id = news-4
        # text = Russia denied that its troops had crossed the border.
        1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
        2	denied	deny	VERB	VBD	_	0	root	_	_
        3	that	that	SCONJ	IN	_	7	mark	_	_
        4	its	its	PRON	PRP$	_	5	nmod:poss	_	_
        5	troops	troop	NOUN	NNS	_	7	nsubj	_	_
        6	had	have	AUX	VBD	_	7	aux	_	_
        7	crossed	cross	VERB	VBN	_	2	ccomp	_	_
        8	the	the	DET	DT	_	9	det	_	_
        9	border	border	NOUN	NN	_	7	obj	_	SpaceAfter=No
        10	.	.	PUNCT	.	_	2	punct	_	_

        # sent_id = news-5
        # text = Germany and Japan pledged $5 million in aid, officials said.
        1	Germany	Germany	PROPN	NNP	_	4	nsubj	_	_
        2	and	and	CCONJ	CC	_	3	cc	_	_
        3	Japan	Japan	PROPN	NNP	_	1	conj	_	_
        4	pledged	pledge	VERB	VBD	_	0	root	_	_
        5	$	$	SYM	$	_	4	obj	_	SpaceAfter=No
        6	5	5	NUM	CD	_	7	compound	_	_
        7	million	million	NUM	CD	_	5	nummod	_	_
        8	in	in	ADP	IN	_	9	case	_	_
        9	aid	aid	NOUN	NN	_	4	obl	_	SpaceAfter=No
        10	,	,	PUNCT	,	_	12	punct	_	_
        11	officials	official	NOUN	NNS	_	12	nsubj	_	_
        12	said	say	VERB	VBD	_	4	parataxis	_	SpaceAfter=No
        13	.	.	PUNCT	.	_	4	punct	_	_

        # sent_id = news-6
        # text = The United Nations condemned the attack.
        1	The	the	DET	DT	_	3	det	_	_
        2	United	United	PROPN	NNP	_	3	compound	_	_
        3	Nations	Nations	PROPN	NNPS	_	4	nsubj	_	_
        4	condemned	condemn	VERB	VBD	_	0	root	_	_
        5	the	the	DET	DT	_	6	det	_	_
        6	attack	attack	NOUN	NN	_	4	obj	_	SpaceAfter=No
        7	.	.	PUNCT	.	_	4	punct	_	_

        # sent_id = news-7
        # text = Sanctions were lifted.
        1	Sanctions	sanction	NOUN	NNS	_	3	nsubj:pass	_	_
        2	were	be	AUX	VBD	_	3	aux:pass	_	_
        3	lifted	lift	VERB	VBN	_	0	root	_	SpaceAfter=No
        4	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = news-8
        # text = Ministers met.
        1	Ministers	minister	NOUN	NNS	_	2	nsubj	_	_
        2	met	meet	VERB	VBD	_	0	root	_	SpaceAfter=No
        3	.	.	PUNCT	.	_	2	punct	_	_

        """;

    /// <summary>Non-projective: the relative clause "that threatened the talks" hangs from "report" across "appeared".</summary>
    public const string NonProjective = """
        # sent_id = news-np-1
        # text = A report appeared yesterday that threatened the talks.
        1	A	a	DET	DT	_	2	det	_	_
        2	report	report	NOUN	NN	_	3	nsubj	_	_
        3	appeared	appear	VERB	VBD	_	0	root	_	_
        4	yesterday	yesterday	NOUN	NN	_	3	obl:tmod	_	_
        5	that	that	PRON	WDT	_	6	nsubj	_	_
        6	threatened	threaten	VERB	VBD	_	2	acl:relcl	_	_
        7	the	the	DET	DT	_	8	det	_	_
        8	talks	talk	NOUN	NNS	_	6	obj	_	SpaceAfter=No
        9	.	.	PUNCT	.	_	3	punct	_	_

        """;

    public static IReadOnlyList<ConlluSentence> Sentences { get; } = Read(Text);

    public static IReadOnlyList<ConlluSentence> Read(string text) =>
        ConlluReader.Read(new StringReader(text), "news.conllu").ToList();
}
