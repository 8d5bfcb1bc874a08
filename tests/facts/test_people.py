from corefact.facts.people import extract_organisations, extract_people, extract_places


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
