using System.Collections.Immutable;
using Entente.Coding.Actors;

namespace Entente.Coding.Tests.Actors;

public class ActorResolverTests
{
    private static readonly ActorResolver Resolver = ActorResolver.Default;

    private static string Describe(ActorMention m)
        => $"{m.Text}={m.Code ?? "-"}/{m.Country ?? "-"}/{m.Kind}/{m.ResolvedBy}";

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string?, string> Cases => new()
    {
        // states by name, variants and transliterations
        { "Russia and Pakistan signed a deal.", null, "Russia=RUS/RUS/State/Name; Pakistan=PAK/PAK/State/Name" },
        { "Kiev and Kyiv are the same city, and Türkiye is Turkey.", null, "Kiev=UKRGOV/UKR/State/Metonym; Kyiv=UKRGOV/UKR/State/Metonym; Türkiye=TUR/TUR/State/Name; Turkey=TUR/TUR/State/Name" },
        { "Burma, now Myanmar, met Ivory Coast and Côte d'Ivoire.", null, "Burma=MMR/MMR/State/Name; Myanmar=MMR/MMR/State/Name; Ivory Coast=CIV/CIV/State/Name; Côte d'Ivoire=CIV/CIV/State/Name" },
        // case: the country, not the pronoun
        { "The US warned us about it.", null, "US=USA/USA/State/Name" },
        { "The U.S. and the UK agreed.", null, "U.S.=USA/USA/State/Name; UK=GBR/GBR/State/Name" },
        // metonyms and seats of power
        { "The Kremlin rejected the claim.", null, "Kremlin=RUSGOV/RUS/State/Metonym" },
        { "The Pentagon and the White House disagreed.", null, "Pentagon=USAMIL/USA/State/Metonym; White House=USAGOV/USA/State/Metonym" },
        { "Rawalpindi overruled Islamabad.", null, "Rawalpindi=PAKMIL/PAK/State/Metonym; Islamabad=PAKGOV/PAK/State/Metonym" },
        { "Downing Street and Zhongnanhai exchanged notes; South Block stayed silent.", null, "Downing Street=GBRGOV/GBR/State/Metonym; Zhongnanhai=CHNGOV/CHN/State/Metonym; South Block=INDGOV/IND/State/Metonym" },
        { "Foggy Bottom issued a travel warning.", null, "Foggy Bottom=USAGOV/USA/State/Metonym" },
        // a capital in a location phrase is a place
        { "Talks were held in Moscow.", null, "Moscow=-/RUS/Location/City" },
        // sectors
        { "Pakistan's army moved north.", null, "Pakistan's army=PAKMIL/PAK/Organisation/Name" },
        { "The foreign minister of Pakistan arrived.", null, "foreign minister of Pakistan=PAKGOV/PAK/Person/Name" },
        { "A Pakistani company DMI Associates signed with Warsaw.", null, "Pakistani company DMI Associates=PAKBUS/PAK/Organisation/Demonym; Warsaw=POLGOV/POL/State/Metonym" },
        { "The Polish firm Omida won.", null, "Polish firm Omida=POLBUS/POL/Organisation/Demonym" },
        { "Pakistani and Polish companies agreed.", null, "Pakistani=PAKBUS/PAK/Organisation/Demonym; Polish companies=POLBUS/POL/Organisation/Demonym" },
        { "Chinese state media reported it.", null, "Chinese state media=CHNMED/CHN/Organisation/Demonym" },
        { "The Indian Air Force scrambled jets.", null, "Indian Air Force=INDMIL/IND/Organisation/Demonym" },
        { "DMI Associates, a Pakistani company, signed the deal.", null, "DMI Associates, a Pakistani company=PAKBUS/PAK/Organisation/Demonym" },
        { "Analysts, a Polish firm said, expect growth.", null, "Polish firm=POLBUS/POL/Organisation/Demonym" },
        // affiliation by city
        { "Millennium Technologies (Karachi) and Omida Sea and Air (Gdynia) agreed.", null, "Millennium Technologies (Karachi)=PAKBUS/PAK/Organisation/City; Omida Sea and Air (Gdynia)=POLBUS/POL/Organisation/City" },
        // a city alone is a place, not a state acting
        { "Christchurch mourned the victims.", null, "Christchurch=-/NZL/Location/City" },
        // international organisations
        { "NATO and the EU met the IMF and the UN Security Council.", null, "NATO=IGOWSTNAT/-/Igo/Name; EU=IGOEUREEC/-/Igo/Name; IMF=IGOUNODEVIMF/-/Igo/Name; UN Security Council=IGOUNO/-/Igo/Name" },
        // traps
        { "Tensions rose in the South China Sea.", null, "South China Sea=-/-/Location/Name" },
        { "Michael Jordan visited Jordan.", null, "Jordan=JOR/JOR/State/Name" },
        { "Chad Smith played drums; Chad closed its border.", null, "Chad=TCD/TCD/State/Name" },
        { "They ate roast Turkey at Thanksgiving.", null, "" },
        { "Georgia's governor met Republicans in Atlanta.", null, "Georgia=-/USA/Location/Name; Atlanta=-/USA/Location/City" },
        { "Georgia and Russia fought in 2008.", null, "Georgia=GEO/GEO/State/Name; Russia=RUS/RUS/State/Name" },
        { "Washington imposed sanctions.", null, "Washington=USAGOV/USA/State/Metonym" },
        { "Washington state passed a law.", null, "Washington=-/USA/Location/Name" },
        // unknown names stay unknown
        { "Zorblax Industries met Quux.", null, "" },
        // compound actors
        { "India and Pakistan clashed.", null, "India=IND/IND/State/Name; Pakistan=PAK/PAK/State/Name" },
        // office holders by date
        { "Sergey Lavrov met the press.", "2021-04-06", "Sergey Lavrov=RUSGOV/RUS/Person/Office" },
        { "The then President Donald Trump had tweeted on January 1, 2018.", "2023-05-01", "Donald Trump=USAGOV/USA/Person/Office" },
        { "Donald Trump spoke to reporters.", "2023-05-01", "Donald Trump=USA/USA/Person/Office" },
        { "Donald Trump spoke to reporters.", "2025-03-01", "Donald Trump=USAGOV/USA/Person/Office" },
        { "The Joe Biden administration continued the suspension.", "2023-05-01", "Joe Biden administration=USAGOV/USA/State/Office" },
        { "Biden's administration imposed tariffs.", "2024-07-01", "Biden's administration=USAGOV/USA/State/Office" },
        { "Jens Stoltenberg warned Moscow.", "2019-02-01", "Jens Stoltenberg=IGOWSTNAT/-/Person/Office; Moscow=RUSGOV/RUS/State/Metonym" },
        { "Russian Foreign Minister Sergey Lavrov visited India and Pakistan.", "2021-04-06", "Russian Foreign Minister Sergey Lavrov=RUSGOV/RUS/Person/Demonym; India=IND/IND/State/Name; Pakistan=PAK/PAK/State/Name" },
        { "Antonio Guterres addressed the Assembly.", null, "Antonio Guterres=IGOUNO/-/Person/Office" },
        { "Theresa May spoke.", null, "Theresa May=GBRGOV/GBR/Person/Office" },
        { "Michel Aoun spoke.", null, "Michel Aoun=LBN/LBN/Person/Office" },
        // conservative coreference
        { "Moscow is enhancing ties with Pakistan, but the latter is not dependable.", null, "Moscow=RUSGOV/RUS/State/Metonym; Pakistan=PAK/PAK/State/Name; the latter=PAK/PAK/State/Coreference" },
        { "India and Russia met; the former asked for oil.", null, "India=IND/IND/State/Name; Russia=RUS/RUS/State/Name; the former=IND/IND/State/Coreference" },
        { "India, Russia and China met; the latter asked for oil.", null, "India=IND/IND/State/Name; Russia=RUS/RUS/State/Name; China=CHN/CHN/State/Name" },
        { "Poland said the country would send tanks.", null, "Poland=POL/POL/State/Name; the country=POL/POL/State/Coreference" },
        { "Poland and Germany said the country would send tanks.", null, "Poland=POL/POL/State/Name; Germany=DEU/DEU/State/Name" },
        // demonyms alone
        // office holders after 2015 added by hand (people.tsv)
        { "Rodrigo Duterte cursed.", "2019-06-01", "Rodrigo Duterte=PHLGOV/PHL/Person/Office" },
        { "Rodrigo Duterte cursed.", "2023-06-01", "Rodrigo Duterte=PHL/PHL/Person/Office" },
        { "Ferdinand Marcos Jr flew in.", "2023-06-01", "Ferdinand Marcos Jr=PHLGOV/PHL/Person/Office" },
        { "Pedro Sánchez and Pedro Sanchez spoke.", "2023-06-01", "Pedro Sánchez=ESPGOV/ESP/Person/Office; Pedro Sanchez=ESPGOV/ESP/Person/Office" },
        { "Jake Sullivan flew in.", "2023-06-01", "Jake Sullivan=USAGOV/USA/Person/Office" },
        { "Jake Sullivan flew in.", "2025-06-01", "Jake Sullivan=USA/USA/Person/Office" },
        { "Choe Son Hui flew in.", "2023-06-01", "Choe Son Hui=PRKGOV/PRK/Person/Office" },
        // armed groups, with dated codes where their role changed
        { "The Taliban entered the city.", "2019-06-01", "Taliban=AFGREB/AFG/Organisation/Name" },
        { "The Taliban entered the city.", "2023-06-01", "Taliban=AFGGOV/AFG/Organisation/Name" },
        { "ISIL and Daesh are one group.", "2016-06-01", "ISIL=IRQREB/IRQ/Organisation/Name; Daesh=IRQREB/IRQ/Organisation/Name" },
        { "HTS fighters advanced.", "2020-06-01", "HTS=SYRREB/SYR/Organisation/Name" },
        { "HTS fighters advanced.", "2025-06-01", "HTS=SYRGOV/SYR/Organisation/Name" },
        { "The Rapid Support Forces advanced.", "2023-06-01", "Rapid Support Forces=SDNREB/SDN/Organisation/Name" },
        { "Wagner and al-Shabaab were named.", null, "Wagner=RUSMIL/RUS/Organisation/Name; al-Shabaab=SOMREB/SOM/Organisation/Name" },
        { "The Emirati side welcomed the Pakistani decision.", null, "Emirati=ARE/ARE/State/Demonym; Pakistani=PAK/PAK/State/Demonym" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mentions_resolve_to_code_country_kind_and_evidence(string text, string? date, string expected)
    {
        // Given a sentence and the date of its events
        // When the resolver reads it
        var mentions = Resolver.Resolve(text, Date(date));

        // Then every mention is found with its code, country, kind and evidence
        Assert.Equal(expected, string.Join("; ", mentions.Select(Describe)));
    }

    [Fact]
    public void Offsets_slice_the_mention_text_from_the_document()
    {
        // Given a text with actors after the first sentence
        var text = "Hello there. The Kremlin said Pakistan's army was ready.";

        // When resolved
        var mentions = Resolver.Resolve(text);

        // Then each mention's offsets slice its text
        Assert.NotEmpty(mentions);
        Assert.All(mentions, m => Assert.Equal(m.Text, text[m.Start..m.End]));
    }

    [Fact]
    public void The_latter_can_refer_to_a_state_of_the_previous_sentence()
    {
        // Given two sentences, the second referring back with "the latter"
        var text = "Moscow enhanced its ties with Pakistan. Still, the latter is not dependable.";

        // When resolved
        var mention = Resolver.Resolve(text).Last();

        // Then "the latter" is Pakistan, by coreference
        Assert.Equal(("the latter", "PAK", ResolvedBy.Coreference), (mention.Text, mention.Country, mention.ResolvedBy));
    }

    [Fact]
    public void Pronouns_resolve_to_the_nearest_compatible_actor_and_prefer_a_subject()
    {
        // Given pronouns after states, after a person, and after an actor inside a "by" phrase
        var text = "Chile faces a dry winter. It asked Peru for water. Pedro Sánchez said he would help. As Serbia was criticised by Croatia, it closed the border.";

        // When resolved with pronouns
        var mentions = Resolver.ResolveWithPronouns(Entente.Nlp.Tokenization.Segmenter.Default.Segment(text), new DateOnly(2023, 6, 1));

        // Then "It" is Chile, "he" Sánchez's government, and the last "it" Serbia (the subject), all by coreference
        var pronouns = mentions.Where(m => m.ResolvedBy == ResolvedBy.Coreference).Select(m => $"{m.Text}={m.Code}").ToList();
        Assert.Equal(["It=CHL", "he=ESPGOV", "it=SRB"], pronouns);
        Assert.All(mentions, m => Assert.Equal(m.Text, text[m.Start..m.End]));
    }

    [Fact]
    public void A_pronoun_with_no_antecedent_nearby_stays_unresolved()
    {
        var text = "Chile voted. It rained. It rained. It rained. It rained.";
        var mentions = Resolver.ResolveWithPronouns(Entente.Nlp.Tokenization.Segmenter.Default.Segment(text));
        // the two sentences after Chile resolve; the third and fourth are too far back
        var resolved = mentions.Where(m => m.ResolvedBy == ResolvedBy.Coreference).Select(m => m.Start).ToList();
        Assert.Equal([text.IndexOf("It rained", StringComparison.Ordinal), text.IndexOf("It rained", 20, StringComparison.Ordinal)], resolved);
    }

    [Fact]
    public void Unknown_names_produce_no_mention_at_all()
    {
        // Given a text of names the knowledge base does not hold
        // When resolved
        var mentions = Resolver.Resolve("Zorblax and Quuxia signed the Flimflam Accord with Blorp Holdings.");

        // Then nothing is guessed
        Assert.Empty(mentions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\0\0\u0001binary")]
    [InlineData("((((( ]]]]  \u201c\u201d")]
    public void Empty_or_odd_input_yields_no_mention_and_no_exception(string text)
    {
        // Given empty, blank, binary or punctuation-only text
        // When resolved
        var mentions = Resolver.Resolve(text);

        // Then nothing is found and nothing throws
        Assert.Empty(mentions);
    }

    [Fact]
    public void An_office_holder_converted_from_Phoenix_resolves_by_date()
    {
        // Given a minister known only from the Phoenix dictionary, in office in 2010
        // When a sentence of 2010 names him
        var mention = Assert.Single(Resolver.Resolve("Hamid Karzai met the envoy.", new DateOnly(2010, 6, 1)));

        // Then he is the Afghan government
        Assert.Equal(("AFGGOV", "AFG", ActorKind.Person), (mention.Code, mention.Country, mention.Kind));
    }

    [Fact]
    public void The_resolver_is_a_stage_over_documents_with_a_date()
    {
        // Given a segmented document and its date
        var document = new ActorDocument(Entente.Nlp.Tokenization.Segmenter.Default.Segment("Sergey Lavrov met Wang Yi."), new DateOnly(2021, 3, 22));

        // When the stage processes it
        var resolution = Resolver.Process(document);

        // Then both ministers are their governments
        Assert.Equal(["RUSGOV", "CHNGOV"], resolution.Mentions.Select(m => m.Code));
        Assert.Equal("actors", Resolver.Name);
    }

    [Fact]
    public void An_analysed_document_resolves_like_its_text()
    {
        // Given a document as the NLP pipeline hands it on (forms and offsets; tags and heads unused so far)
        var text = "The Kremlin rejected the claim.";
        var tokens = Entente.Nlp.Tokenization.Segmenter.Default.Segment(text).Sentences[0].Tokens
            .Select((t, i) => new Entente.Nlp.Text.AnalyzedToken(i + 1, t.Text, t.Start, t.End, "X", "X", t.Text, 0, "dep"))
            .ToImmutableArray();
        var document = new Entente.Nlp.Text.AnalyzedDocument(text, [new Entente.Nlp.Text.AnalyzedSentence(0, 0, text.Length, text, tokens)], []);

        // When resolved
        var mentions = Resolver.Resolve(document);

        // Then the mentions are those of the plain text
        Assert.Equal(Resolver.Resolve(text).ToList(), mentions.ToList());
    }
}
