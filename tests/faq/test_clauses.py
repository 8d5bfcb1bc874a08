import pytest

from corefact.facts import extract_facts
from corefact.faq.clauses import clause_questions
from corefact.faq.keyfacts import fact_questions

from ..conftest import parsed_text


def questions(text):
    p = parsed_text(text + " The report was published later.")
    facts = extract_facts(p)
    qs = clause_questions(p, p.sents[0], facts) + fact_questions(p, facts)
    return {c.question: c.answer.text for c in qs}


def test_object_question_with_do_support():
    qs = questions("The mayor urged the council to delay the vote.")
    assert qs["What did the mayor urge the council to do?"] == "delay the vote"


def test_subject_question_for_a_person():
    qs = questions("Chancellor Anna Weber announced the new tax on Monday.")
    assert qs["Who announced the new tax on Monday?"] == "Chancellor Anna Weber"


def test_when_question_from_a_date():
    qs = questions("The agency opened the new office on Monday.")
    assert qs["When did the agency open the new office?"] == "Monday"


def test_how_many_subject_and_object():
    qs = questions("More than 4,200 residents have been evacuated from the valley since Monday.")
    assert qs["How many residents have been evacuated from the valley since Monday?"] == "More than 4,200"
    qs = questions("The company cut 1,200 jobs in its consumer division.")
    assert qs["How many jobs did the company cut in its consumer division?"] == "1,200"


def test_no_how_many_question_without_a_finite_verb_with_what_was_said_left_out_or_for_one():
    for text in (
        "The attack left 40 dead, with 200 people wounded.",
        "Two firms said in a statement that the talks had ended.",
        "Five former England managers warn that the league is losing its young players.",
        "One scientist is hoping to find the cure this year.",
    ):
        assert not [q for q in questions(text) if q.startswith("How many")], text


def test_modal_auxiliary_is_inverted():
    qs = questions("The council will close the bridge in June.")
    assert qs["What will the council close in June?"] == "the bridge"


def test_why_question():
    qs = questions("The airline cancelled 40 flights because the pilots went on strike.")
    assert qs["Why did the airline cancel 40 flights?"] == "because the pilots went on strike"


def test_pronoun_subject_is_resolved_only_from_a_named_previous_subject():
    p = parsed_text("Minister Maria Okafor visited the camp on Friday. She promised new tents for the families.")
    facts = extract_facts(p)
    qs = {c.question for c in clause_questions(p, p.sents[1], facts)}
    assert "What did Maria Okafor promise for the families?" in qs


def test_an_object_named_earlier_as_a_person_is_asked_with_who():
    # the parser tags the bare surname a common noun and hangs 'for writing...' on it
    p = parsed_text("Tom Townsend scored on Tuesday. Keane initially angered Townsend for writing in his Sunday Echo column. Fans cheered.")
    qs = {c.question: c.answer.text for c in clause_questions(p, p.sents[1], extract_facts(p))}
    assert qs["Who did Keane anger for writing in his Sunday Echo column?"] == "Townsend"
    assert "What did Keane anger?" not in qs


def test_due_to_with_an_infinitive_is_no_cause():
    # the BBC text this came from has a slip ("is to due to be"), which the parser reads as "is to, due to"
    assert not any(q.startswith("Why") for q in questions("The new bridge is to due to be completed in March."))
    assert questions("The match was called off due to heavy snow.")["Why was the match called off?"] == "due to heavy snow"


def test_a_relative_pronoun_is_asked_about_only_when_its_noun_is_certain():
    # the noun right before it stands in ('the earthquake, which has claimed...'); a date, two
    # nouns joined by 'and', or a noun that is not next to it gives no question at all
    quake = questions("The quake struck on Saturday, which has claimed more than 4,000 lives.")
    assert not any("claimed" in q for q in quake)
    assert quake["When did the quake strike?"] == "Saturday"  # the answer without the clause
    owners = questions("The club is run by John Magnier and JP McManus, who own 29% of its shares.")
    assert not any("own" in q for q in owners)
    assert owners["Who is the club run by?"] == "John Magnier and JP McManus"


def test_an_aside_on_an_object_is_in_neither_the_question_nor_the_answer():
    qs = questions("Some WTO members dislike Russia's energy price subsidies, which rivals say give its firms an edge.")
    assert qs["What do some WTO members dislike?"] == "Russia's energy price subsidies"


def test_no_do_support_for_a_present_plural_with_a_single_subject():
    # "a humpback whale that swam..." with "swam" tagged a present plural gave "How much do a whale swam?"
    from corefact.faq.grammar import inverted as _inverted

    cases = (
        ("A player play for the club.", "a player", None),
        ("The players play for the club.", "the players", "do the players play for the club"),
    )
    for text, subject, inverted in cases:
        verb = next(t for t in parsed_text(text + " Fans cheered.").doc if t.dep_ == "ROOT")
        assert _inverted(verb, subject, [], False, "for the club") == inverted


def test_a_capital_the_that_opens_the_sentence_is_lower_cased_unless_it_belongs_to_the_name():
    qs = questions("The Commerce Department said the trade deficit was 24.4% above the previous record.")
    assert "What did the Commerce Department say?" in qs
    qs = questions("The Washington Post reported the deal on Monday. A spokesman for The Washington Post confirmed it.")
    assert "What did The Washington Post report on Monday?" in qs


def test_no_question_from_a_clause_parsed_with_two_objects():
    # the small model takes the aside after the comma for a second object of 'lifted'
    qs = questions("The central bank of Norway raised interest rates 0.25% to 4.5%, its first upward step in over a year.")
    assert not [q for q in qs if "its first upward step" in q or qs[q] == "its first upward step"]


def test_no_who_is_question_for_a_role_whose_owner_is_a_pronoun():
    qs = questions("Porto Vale turned down the bid, and their president, Rui Sampaio, said the winger was not for sale.")
    assert "Who is Rui Sampaio?" not in qs
    qs = questions("Porto Vale turned down the bid, and club president Rui Sampaio said the winger was not for sale.")
    assert qs["Who is Rui Sampaio?"] == "club president"


@pytest.mark.parametrize(
    "sentence, question",
    [
        ("The claim was dismissed by a court in Texas.", "Who was the claim dismissed by?"),
        ("The plan was backed by campaigners in the town.", "Who was the plan backed by?"),
        ("The boy was rescued by his mother on Sunday.", "Who was the boy rescued by on Sunday?"),
        ("The smoke was carried by strong winds.", "What was the smoke carried by?"),
        ("Wenger has been impressed by the way the team has developed.", "What has Wenger been impressed by?"),
    ],
)
def test_a_by_question_asks_who_of_people_and_bodies_and_what_of_things(sentence, question):
    assert question in questions(sentence)


def test_an_abbreviation_that_opens_the_sentence_keeps_its_capitals():
    # the small model tags 'FA' a common noun: lower-casing its first letter gave 'fA chief'
    qs = questions("FA chief Greg Dyke bemoaned the lack of first-team chances for young players.")
    assert qs["What did FA chief Greg Dyke bemoan?"] == "the lack of first-team chances for young players"


def test_a_speaker_keeps_the_the_the_article_writes_before_its_name():
    qs = questions("\"The demand for tickets has been overwhelming since the draw,\" the Rugby Football Union said in a statement.")
    assert qs["What did the Rugby Football Union say?"] == "The demand for tickets has been overwhelming since the draw"
    qs = questions("\"The demand for tickets has been overwhelming since the draw,\" Rugby chief Ian Ritchie said.")
    assert "What did Ian Ritchie say?" in qs


def test_an_answer_that_opens_a_quotation_takes_its_closing_mark():
    from corefact.faq.generate import generate

    for text, question, answer in (
        ('Harbourline told the Gazette that reports of store closures were "rumour". The firm declined to comment.',
         "What did Harbourline tell the Gazette?", 'reports of store closures were "rumour"'),
        ("Managing director Ann Marsh said she expected the winger to be at Ashby Park for ' many years '. The club declined to comment.",
         "What did managing director Ann Marsh say?", "she expected the winger to be at Ashby Park for ' many years '"),
    ):
        p = parsed_text(text)
        got = {c.question: c.answer for c in generate(p, extract_facts(p), p.sents)}
        assert got[question].text == answer
        assert p.text[got[question].start:got[question].end] == answer


def test_a_word_the_article_capitalises_inside_a_sentence_keeps_its_capital():
    from corefact.faq.generate import generate

    p = parsed_text("The striker scored with a late header. Rovers manager Tom Harte saw his side claim victory in the local derby. Port Wendle Rovers won the cup.")
    asked = [c.question for c in generate(p, extract_facts(p), p.sents)]
    assert "What did Rovers manager Tom Harte see?" in asked, asked


def test_a_be_to_plan_of_someone_who_acts_is_asked_with_its_infinitive():
    qs = questions("The minister and her deputy are to visit the flooded valley on Friday.")
    assert qs["What are the minister and her deputy to visit on Friday?"] == "the flooded valley"
    assert qs["When are the minister and her deputy to visit the flooded valley?"] == "Friday"


def test_a_be_to_that_says_what_a_thing_is_is_no_plan():
    qs = questions("The plan was to build a second dam on the river.")
    assert not any(q.startswith("What was the plan to") for q in qs)


def test_a_second_verb_after_and_shares_the_first_ones_subject():
    qs = questions("Councillor Ada Pell arrived in Leeds on Monday and opened the new library.")
    assert qs["What did Councillor Ada Pell open?"] == "the new library"


def test_an_and_that_joins_the_next_clause_ends_neither_question_nor_answer():
    qs = questions("Ada Pell won the first set and coach Tom Harte did the rest of the talking.")
    assert qs["Who won the first set?"] == "Ada Pell"
    assert qs["What did Ada Pell win?"] == "the first set"
    assert not any(q.endswith(" and?") or a.endswith(" and") for q, a in qs.items())



def test_a_long_question_leaves_out_the_phrases_it_can_do_without():
    # the relative clause on 'the mining company' and the 'for' phrase of the clause go
    qs = questions("Officials in the valley reversed a 2019 grant of land to the mining company that had polluted the river for most of the last decade.")
    assert qs["Who reversed a 2019 grant of land to the mining company?"] == "Officials in the valley"


def test_a_clause_that_restricts_what_the_question_says_stays():
    qs = questions("Senator Ruth Hale has vowed to vote against any budget bill that does not include new money for flood defences in the coastal towns of the north.")
    assert "Who has vowed to vote against any budget bill?" not in qs
    assert not any(q.startswith("Who has vowed") and "that does not include" not in q for q in qs), qs


def test_a_trimmed_question_still_names_what_it_asks_about():
    qs = questions("Investors made the comments during a tense meeting with the board at the annual meeting in the city of Leeds on Monday afternoon.")
    assert "Who made the comments?" not in qs
    assert not any(len(q.split()) > 24 for q in qs), qs


def test_no_who_question_of_a_clause_whose_content_is_left_out():
    qs = questions("Analysts warned on Thursday that the bank would raise rates.")
    assert "Who warned on Thursday?" not in qs
    assert qs["When did analysts warn?"] == "Thursday"


def test_no_when_question_that_already_holds_a_time():
    qs = questions("Teacher Kaitlyn Granado was arrested on Monday for the second time since January.")
    assert not any(q.startswith("When") for q in qs), qs


def test_who_takes_a_singular_verb():
    assert "Who has vowed to end the new policy on immigration?" in questions("Lawmakers have vowed to end the new policy on immigration.")
    qs = questions("Lawmakers urge the administration to end its new policy on immigration.")
    assert not any(q.startswith("Who urge") for q in qs), qs


def test_a_subject_in_scare_quotes_is_asked_about():
    # the guard against a subject the parse finds inside a quotation ('"Kim ... heading to New
    # York," Trump wrote') takes quotations of three words or more only, as the key facts do
    qs = questions('"Harbour Works" will open the new pier on Friday.')
    assert qs["When will Harbour Works open the new pier?"] == "Friday", qs


@pytest.mark.parametrize(
    "text, question, answer",
    [
        ("The council raised parking fees with the aim of cutting traffic in the town centre.", "Why did the council raise parking fees?", "with the aim of cutting traffic in the town centre"),
        ("The European Commission increased passenger compensation in a bid to deter airlines from overbooking flights.", "Why did the European Commission increase passenger compensation?", "in a bid to deter airlines from overbooking flights"),
        ("The company sold its factory in order to pay its debts.", "Why did the company sell its factory?", "in order to pay its debts"),
        ("Ministers froze fuel duty so that drivers would pay less.", "Why did ministers freeze fuel duty?", "so that drivers would pay less"),
    ],
)
def test_a_stated_purpose_answers_why(text, question, answer):
    assert questions(text)[question] == answer


def test_a_bare_infinitive_is_no_purpose():
    # it may tell what came of it: no 'Why did Ada Pell replace Tom Harte in January?'
    qs = questions("Ada Pell replaced Tom Harte in January to become the club's third coach this season.")
    assert not any(q.startswith("Why") for q in qs), qs


def test_a_long_subject_leaves_out_where_a_name_is_but_not_what_a_noun_needs():
    qs = questions("The Harbour Works Bill in the House of Commons and a companion bill in the Lords would give new powers to the port authority.")
    assert qs["What would the Harbour Works Bill and a companion bill in the Lords give to the port authority?"] == "new powers"
    # 'shares' needs its 'in ...': no 'When did shares fall?' (the clause after it is still asked)
    qs = questions("Shares in the Leeds construction firm Harte and Pell in the city of Leeds fell on Monday after the firm lost a contract.")
    assert "What did the firm lose?" in qs and not any("shares" in q.lower() for q in qs), qs
    # a name keeps its own words: 'the University of Leeds', not 'the University'
    qs = questions("The University of Leeds and the Harbour Trust in the city of York will open a new library on Friday.")
    assert qs["When will the University of Leeds and the Harbour Trust open a new library?"] == "Friday", qs


def test_someone_spoken_to_is_not_the_subject():
    qs = questions('"Councillor Pell, do not shut down the library," Mayor Tom Harte told reporters.')
    assert not any(a.startswith("Councillor Pell") and q.startswith("Who") for q, a in qs.items()), qs
    assert not any(q.startswith("What do") and "not shut" in q for q in qs), qs
    # a name with an aside is the subject
    assert questions("Ada Pell, the mayor, will close the library on Monday.")["Who will close the library on Monday?"] == "Ada Pell"


def test_a_long_statement_is_answered_by_its_main_clause():
    qs = questions(
        "While the new rule applies to every school in the county, those in the small coastal towns of the north and the hill villages "
        "of the east could be hit especially hard by the cuts to the bus service, parents say."
    )
    assert qs["What do parents say?"].startswith("those in the small coastal towns")


def test_he_is_not_the_previous_sentences_subject_when_another_person_speaks_before_it():
    from corefact.faq.generate import generate

    p = parsed_text("Mayor Ada Pell spoke to reporters on Monday. Talks stalled when Tom Harte tweeted that he would not sign the deal with the council.")
    asked = [c.question for c in generate(p, extract_facts(p), [p.sents[1]]) if c.evidence.index == 1]
    assert not any("Ada Pell" in q for q in asked), asked
    p = parsed_text("Mayor Ada Pell spoke to reporters on Monday. She will sign the deal with the council on Friday.")
    asked = [c.question for c in generate(p, extract_facts(p), [p.sents[1]]) if c.evidence.index == 1]
    assert "When will Ada Pell sign the deal with the council?" in asked, asked


def test_he_is_not_the_previous_sentences_subject_when_another_person_is_named_before_it():
    from corefact.faq.generate import generate

    # Tom Harte is the object here, and the likelier 'he'
    p = parsed_text("Mayor Ada Pell opened the bridge on Monday. The council thanked Tom Harte after he signed the deal.")
    asked = [c.question for c in generate(p, extract_facts(p), [p.sents[1]]) if c.evidence.index == 1]
    assert not any("Ada Pell" in q for q in asked), asked
    # but the name in an opening participle is not who the pronoun is: she was hosted
    for opening in ("Hosted by Tom Harte,", "At a meeting hosted by Tom Harte on Friday,"):
        p = parsed_text(f"Mayor Ada Pell opened the bridge on Monday. {opening} she said the deal was signed in June.")
        asked = [c.question for c in generate(p, extract_facts(p), [p.sents[1]]) if c.evidence.index == 1]
        assert "What did Ada Pell say?" in asked, (opening, asked)
    # nor when a person named by a common noun comes before it
    for second in ("Police arrested a man after he attacked a guard in June.", "Her deputy said he would sign the deal in June."):
        p = parsed_text(f"Mayor Ada Pell opened the bridge on Monday. {second}")
        asked = [c.question for c in generate(p, extract_facts(p), [p.sents[1]]) if c.evidence.index == 1]
        assert not any("Ada Pell" in q for q in asked), (second, asked)
    # a person who is the subject of the opening clause may be 'he'
    p = parsed_text("Mayor Ada Pell opened the bridge on Monday. After Tom Harte resigned, he said the deal was signed in June.")
    asked = [c.question for c in generate(p, extract_facts(p), [p.sents[1]]) if c.evidence.index == 1]
    assert not any("Ada Pell" in q for q in asked), asked


def test_what_someone_plans_or_decides_to_do():
    qs = questions("Before the summit, the county's new police chief also plans to hold face-to-face talks with the mayor of Leeds.")
    assert qs["What does the county's new police chief plan to do?"] == "hold face-to-face talks with the mayor of Leeds"
    qs = questions("Some councillors have vowed to vote against any budget that does not include money for the library.")
    assert qs["What have some councillors vowed to do?"] == "vote against any budget that does not include money for the library"
    # not of a verb that says nothing of intent, nor under a negation
    assert not any(q.endswith("to do?") for q in questions("The striker seems to have lost his form."))
    assert not any(q.endswith("to do?") for q in questions("The council decided not to reopen the bridge."))
    assert not any(q.endswith("to do?") for q in questions("The council did not plan to reopen the bridge."))


def test_no_question_of_a_clause_the_sentence_asks_about():
    # the sentence does not say that the council closed the bridge
    assert questions("Officials are still checking whether the council closed the bridge on Monday.") == {}
    assert questions("Police do not know how Tom Harte entered the building on Monday.") == {}
    # nor a clause joined to one, nor a condition's second verb
    assert questions("Inspectors are checking whether the council closed the bridge and reopened the road.") == {}
    assert questions("If the council closes the bridge and reopens the road, traffic will double.") == {}


def test_no_question_of_a_clause_someone_denies_or_does_not_say():
    assert questions("The mayor denied that the council had closed the bridge.") == {}
    assert not any("council" in q for q in questions("The mayor did not say that the council had closed the bridge.")), questions("The mayor did not say that the council had closed the bridge.")
    # what someone says is asked, every verb of it
    qs = questions("The mayor said the council had closed the bridge and reopened the road.")
    assert qs["What had the council closed?"] == "the bridge" and qs["What did the council reopen?"] == "the road", qs


def test_what_a_comma_sets_off_after_a_subject_stays_out_of_the_question():
    qs = questions("Tom Harte, formerly famous for the Carry On films, will open the new library on Friday.")
    assert "When will Tom Harte open the new library?" in qs, qs
    # a list is no aside
    assert "What will Smith, Jones and Brown open on Friday?" in questions("Smith, Jones and Brown will open the new library on Friday.")


def test_no_question_of_a_clause_with_two_subjects():
    # the parse splits 'co-sponsor' into two subjects of 'told'
    qs = questions("The House bill's Republican co-sponsor told VOA the sanctions are meant to give the council more leverage.")
    assert not any(q.startswith("What did") and q.endswith(" co tell VOA?") for q in qs), qs


def test_a_clause_of_what_has_not_happened_yet_is_not_asked():
    qs = questions("Staff will continue the strike until the management puts a better offer on the table.")
    assert not any("management" in q for q in qs), qs
    qs = questions("The council must approve the plan before the mayor can sign the deal with the port.")
    assert not any(q.startswith(("What can the mayor", "Who can sign")) for q in qs), qs
    # nor what a verb of intent's infinitive waits for ('vowed to fight on until...'), in the past too
    qs = questions("The union vowed to fight on until the council reversed its decision.")
    assert "What did the union vow to do?" in qs and not any("reverse" in q for q in qs), qs
    assert not any("reverse" in q for q in questions("The union refused to return to work until the council had reversed its decision."))
    # nor under a modal of the main clause, in the past too
    assert not any("raise" in q for q in questions("Staff would have stayed on strike until the firm raised pay for the night shift."))
    assert questions("Staff stayed on strike until the firm raised pay for the night shift.")["What did the firm raise?"] == "pay for the night shift"
    # in the past, it is stated
    assert questions("The union fought on until the council reversed its decision.") == {"What did the council reverse?": "its decision"}
    assert "What had the club decided to do?" in questions("The striker left for Spain once the club had decided to sell its ground in May.")


def test_a_verb_without_a_tense_of_its_own_is_not_asked():
    qs = questions("The carmaker saw fourth quarter operating profits fall to 785m euros from 2.4bn euros in 2003.")
    assert not any(q.startswith(("When do", "When does")) for q in qs), qs
    qs = questions("The carmaker saw worldwide vehicle sales rise 8% to 4.7 million in 2004.")
    assert not any(q.startswith("By how much do") for q in qs), qs


def test_how_many_of_a_counted_whole_takes_no_clause_for_its_context():
    # not 'How many of the people died in the crash were children?', 'How many of the jobs could lose...'
    qs = questions("More than 40 people died in the crash, including 12 children.")
    assert qs["How many of the people were children?"] == "12", qs
    assert qs["Who died in the crash?"] == "More than 40 people", qs  # not the clause the parse hangs 'including' across
    assert questions("The firm could lose 300 jobs, including 40 apprentices.")["How many of the jobs were apprentices?"] == "40"


def test_how_many_of_a_counted_whole_reads_as_a_question():
    qs = questions("More than 40 people, including 12 children, have been involved in a crash on the coast road.")
    assert qs["How many of the people were children?"] == "12"


def test_rules_that_would_say_more_than_the_sentence():
    # a purpose noun that names no purpose
    assert not any(q.startswith("Why") for q in questions("The council ranked the schools in order of size on Monday."))
    assert not any(q.startswith("Why") for q in questions("Harbour Works won the contract for the pier with a bid of two million pounds."))
    # 'before' does not state that the bank approved the loan
    assert not any("bank" in q for q in questions("The company collapsed in March before the bank approved the rescue loan."))
    # a reported claim keeps its 'according to'
    qs = questions("The firm made a loss of two million pounds on its new ferry service last year, according to its rivals.")
    assert not any(q.startswith("When did the firm make") and "according to" not in q for q in qs), qs


def test_a_negated_question_keeps_every_phrase():
    # asked less, 'When did the council not approve the plan?' would say more than the sentence
    qs = questions("The council approved the plan for the harbour in March after a long meeting with his advisers.")
    assert "When did the council approve the plan for the harbour?" in qs, qs  # 'his' is left out
    qs = questions("The council did not approve the plan for the harbour in March after a long meeting with his advisers.")
    assert "When did the council not approve the plan for the harbour after a long meeting with his advisers?" in qs, qs


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Scientists failed to prove that antibiotics caused the illness.", "antibiotics cause?"),
        ("Scientists have yet to prove that antibiotics caused the illness.", "antibiotics cause?"),
        ("Police were unable to confirm that the council had closed the bridge.", "closed"),
        ("The mayor declined to confirm that the council had closed the bridge.", "closed"),
        ("It is unlikely that the council will close the bridge in June.", "close"),
        ("The mayor is not sure the council closed the bridge on Monday.", "close"),
        ("Nobody said that the council had closed the bridge.", "closed"),
        ("Nobody said that the council had closed the bridge.", "nobody"),
        ("Officials are checking whether the council closed the bridge after engineers found cracks in the frame.", "engineers"),
        ("The mayor denied that the council closed the bridge because engineers had found cracks in the frame.", "engineers"),
        ("The union was determined to fight on until the council reversed its decision.", "reverse"),
        ("The firm promised to pay staff once the council approved the plan.", "approve"),
        ("The firm was going to pay staff once the council approved the plan.", "approve"),
        ('"Absolutely not," Ada Pell told the council on Monday.', "not"),
    ],
)
def test_no_question_of_what_the_sentence_holds_open(text, absent):
    qs = questions(text)
    assert not any(absent in q.lower() for q in qs), qs
