import pytest

from corefact.facts.people import extract_organisations, extract_people, extract_places

from ..conftest import parsed_text


def test_people_with_roles_merged(flood):
    people = {p.name: p for p in extract_people(flood)}
    okafor = people["Maria Okafor"]
    assert okafor.role == "Nigerian Finance Minister"
    assert okafor.affiliation == "at the University of Lagos"
    assert len(okafor.mentions) == 2  # "Maria Okafor" and "Okafor"
    assert "Okafor" not in people
    assert people["Tunde Bakare"].role == "Emergency agency director"
    for p in people.values():
        for m in p.mentions:
            assert flood.text[m.start:m.end] == m.text


def test_organisations_and_places(chipmaker):
    orgs = {e.name: e for e in extract_organisations(chipmaker)}
    places = {e.name for e in extract_places(chipmaker)}
    assert "Economy Minister" not in orgs  # a title
    assert len(orgs["Halvern Semiconductor"].mentions) >= 2  # "Halvern" merged in
    assert {"Dresden", "New York"} <= places


def test_people_link_to_their_quotes(flood):
    from corefact.facts import extract_facts

    facts = extract_facts(flood)
    okafor = next(p for p in facts.people if p.name == "Maria Okafor")
    assert okafor.quotes and all(facts.quotes[i].speaker == "Maria Okafor" for i in okafor.quotes)


def test_role_in_apposition_before_the_name():
    p = parsed_text("The lender's chief executive, Sofia Lind, said the changes would save money. Shares rose.")
    assert extract_people(p)[0].role == "chief executive"


# a role names a person: an honorific, a modifier or a thing the parse put before the name is none
ROLES = {
    "Fly-half Charlie Hodgson was dropped on Monday.": ("Charlie Hodgson", "Fly-half"),
    "Harbour Reform Caucus member Rep. Ann Marsh said no.": ("Ann Marsh", "Harbour Reform Caucus member"),
    "Mr Giles Bradshaw said the law was unclear.": ("Giles Bradshaw", None),
    "Former Ben Carter arrived late on Monday.": ("Ben Carter", None),
    "Glamorous pictures of Mark Hargreaves were shown on Monday.": ("Mark Hargreaves", None),
    "Pop star Ella Henderson sang on Monday.": ("Ella Henderson", "Pop star"),
}


@pytest.mark.parametrize("text", sorted(ROLES))
def test_a_role_names_a_person(text):
    name, role = ROLES[text]
    person = next(p for p in extract_people(parsed_text(text + " The talks went on.")) if p.name == name)
    assert person.role == role


def test_the_whole_of_a_hyphenated_role(transfer):
    people = {p.name: p for p in extract_people(transfer)}
    assert people["Tomas Reis"].role == "21-year-old winger"


def test_a_name_after_town_of_is_a_place_not_a_person(flood):
    # the tagger calls "Abeokuta" in "the town of Abeokuta" a person
    assert "Abeokuta" not in {p.name for p in extract_people(flood)}
    assert "Abeokuta" in {p.name for p in extract_places(flood)}


def test_a_lone_first_name_is_the_one_person_named_in_full_with_it(transfer):
    people = {p.name: p for p in extract_people(transfer)}
    assert "Tomas" not in people  # "an offer for Tomas" is Tomas Reis
    assert any(transfer.text[m.start:m.end] == "Tomas" for m in people["Tomas Reis"].mentions)
    two = {p.name for p in extract_people(parsed_text("Tom Reed and Tom Hall signed on Monday. Tom said he was happy. Fans cheered."))}
    assert {"Tom Reed", "Tom Hall"} <= two  # with two of that first name, neither takes it


def test_a_name_the_tagger_cut_in_two_is_one_person():
    # the English pipeline tags "Aung San" alone where the full name is written, "Suu Kyi" later
    text = (
        "Myanmar's military government has barred opposition leader Aung San Suu Kyi from travelling outside the "
        "capital, officials said Tuesday.\n\nSuu Kyi, who won the Nobel Peace Prize in 1991, had planned to visit "
        "supporters in the north. Her party said the ban was illegal.\n\nA spokesman for the party said Suu Kyi "
        "would challenge the order in court."
    )
    parsed = parsed_text(text)
    people = {p.name: p for p in extract_people(parsed)}
    assert set(people) == {"Aung San Suu Kyi"}
    person = people["Aung San Suu Kyi"]
    assert person.role == "opposition leader"
    assert [text[m.start:m.end] for m in person.mentions] == ["Aung San Suu Kyi", "Suu Kyi", "Suu Kyi"]


def test_two_names_run_together_stay_two_people():
    text = (
        "The film's costumes go on sale next week in Dallas, the auction house said on Monday.\n\nLena Marsh, who "
        "played the eldest daughter, wore the blue gown in the opening scene. Owen Pryce, her screen father, wore the "
        "grey coat.\n\nPictured: the stars as the family Owen Pryce Lena Marsh (right), and the director on set. The "
        "collection is expected to fetch more than $200,000."
    )
    people = {p.name: len(p.mentions) for p in extract_people(parsed_text(text))}
    assert people == {"Lena Marsh": 2, "Owen Pryce": 2}


def test_a_title_tagged_as_a_name_is_not_joined_to_the_name():
    text = (
        "Church leaders have criticised the film, the archbishop's office said on Friday.\n\nThe Bishop of Kelston, "
        "the Rt Rev Dr Simon Hale, described the film as \"a careless reading of history\". Hale said he would not see it."
    )
    people = {p.name: len(p.mentions) for p in extract_people(parsed_text(text))}
    assert people == {"Simon Hale": 2}


@pytest.mark.parametrize(
    "text,name,role",
    [
        ("US Secretary of State John Roe promised $5m in aid. The money arrives next week.", "John Roe", "US Secretary of State"),
        ("UK Foreign Secretary Jane Doe said the government would send supplies. The ship left on Monday.", "Jane Doe", "UK Foreign Secretary"),
    ],
)
def test_a_title_with_of_before_the_name_is_the_role(text, name, role):
    people = {p.name: p for p in extract_people(parsed_text(text))}
    assert people[name].role == role
