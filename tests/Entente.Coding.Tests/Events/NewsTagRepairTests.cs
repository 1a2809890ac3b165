using Entente.Coding.Events;
using Entente.Nlp.Lemmatization;

namespace Entente.Coding.Tests.Events;

/// <summary>The news tag repairs on hand-tagged sentences: what each changes, and what it must leave alone.</summary>
public sealed class NewsTagRepairTests
{
    private static readonly NewsTagRepair Repair = new([("hand", "over"), ("call", "off")], Lemmatizer.Default);

    private static string Repaired(string sentence)
    {
        var pairs = sentence.Split(' ').Select(p => p.Split('/')).ToArray();
        var forms = pairs.Select(p => p[0]).ToArray();
        var xpos = pairs.Select(p => p[1]).ToArray();
        var upos = xpos.Select(Upos).ToArray();
        Repair.Repair(forms, upos, xpos);
        return string.Join(' ', forms.Select((f, i) => $"{f}/{xpos[i]}/{upos[i]}"));
    }

    private static string Upos(string xpos) => xpos switch
    {
        "NNP" or "NNPS" => "PROPN",
        "NN" or "NNS" => "NOUN",
        "JJ" => "ADJ",
        "DT" => "DET",
        "IN" or "RP" => "ADP",
        "RB" => "ADV",
        "." => "PUNCT",
        _ when xpos.StartsWith("VB", StringComparison.Ordinal) => "VERB",
        _ => "X",
    };

    [Fact]
    public void A_plural_noun_read_as_a_verb_right_after_a_verb_becomes_a_noun()
    {
        Assert.Equal(
            "Chile/NNP/PROPN exchanged/VBD/VERB hostages/NNS/NOUN with/IN/ADP Peru/NNP/PROPN ././PUNCT",
            Repaired("Chile/NNP exchanged/VBD hostages/VBZ with/IN Peru/NNP ./."));
    }

    [Theory]
    [InlineData("The/DT minister/NN resigns/VBZ ./.")]                            // after a noun: a verb
    [InlineData("Chile/NNP said/VBD Peru/NNP stalls/VBZ talks/NNS ./.")]          // a clause of its own
    [InlineData("Peru/NNP said/VBD Lima/NNP matters/VBZ more/RBR ./.")]
    public void A_present_tense_verb_in_its_place_is_left_alone(string sentence)
    {
        Assert.Contains("/VBZ/VERB", Repaired(sentence));
    }

    [Fact]
    public void An_adjective_ending_a_noun_phrase_before_a_participle_becomes_the_noun()
    {
        Assert.Equal(
            "Iran/NNP/PROPN freed/VBD/VERB an/DT/DET Australian/JJ/ADJ academic/NN/NOUN jailed/VBN/VERB in/IN/ADP Tehran/NNP/PROPN ././PUNCT",
            Repaired("Iran/NNP freed/VBD an/DT Australian/JJ academic/JJ jailed/VBN in/IN Tehran/NNP ./."));
    }

    [Theory]
    [InlineData("The/DT talks/NNS were/VBD hard/JJ fought/VBN ./.")]              // no determiner before the adjective
    [InlineData("Some/DT tired/JJ soldiers/NNS left/VBD ./.")]                      // the noun phrase has its noun
    public void An_adjective_with_its_noun_or_after_a_verb_is_left_alone(string sentence)
    {
        Assert.DoesNotContain("/NN/NOUN", Repaired(sentence));
    }

    [Fact]
    public void A_sentence_without_a_verb_gets_its_irregular_past_back_from_a_name()
    {
        Assert.Contains("rose/VBD/VERB", Repaired("Turkish/JJ exports/NNS to/IN Iraq/NNP rose/NNP sharply/RB ./."));
        Assert.Contains("rose/NN/NOUN", Repaired("Exports/NNS rose/VBD and/CC a/DT rose/NN bloomed/VBD ./."));
    }

    [Fact]
    public void A_hyphen_inside_a_designation_read_as_a_comma_becomes_a_hyphen()
    {
        Assert.Contains("-/HYPH/PUNCT", Repaired("Turkey/NNP sold/VBD Bayraktar/NNP TB/NNP -/, 2/CD drones/NNS ./."));
        Assert.Contains(",/,/X", Repaired("Turkey/NNP ,/, Iran/NNP and/CC Iraq/NNP met/VBD ./."));
    }

    [Fact]
    public void The_particle_of_a_known_phrasal_verb_before_its_object_becomes_a_particle()
    {
        Assert.Equal(
            "Kyiv/NNP/PROPN handed/VBD/VERB over/RP/ADP the/DT/DET prisoners/NNS/NOUN ././PUNCT",
            Repaired("Kyiv/NNP handed/VBD over/IN the/DT prisoners/NNS ./."));
        Assert.Contains("off/RP/ADP", Repaired("Athens/NNP calls/VBZ off/IN talks/NNS ./."));
    }

    [Theory]
    [InlineData("Jets/NNS flew/VBD over/IN Syria/NNP ./.")]                          // not a phrasal verb the patterns know
    [InlineData("Kyiv/NNP handed/VBD over/IN ./.")]                                  // no object after it
    [InlineData("Kyiv/NNP argued/VBD over/IN the/DT prisoners/NNS ./.")]
    public void A_preposition_is_left_alone(string sentence)
    {
        Assert.Contains("over/IN/ADP", Repaired(sentence));
    }
}
