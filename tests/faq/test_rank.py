import pytest

from corefact.faq.rank import well_formed

# questions cut from their sentence at a bracket or a quotation, or copied with the CNN/DM text's
# torn apostrophes, are held back; whole ones are kept
QUESTIONS = {
    "What does the Brazil star take with Dani Alves (right?": False,
    "How many users called the video 'horrible?": False,
    "What did CNN) ISIS release?": False,
    "Who was spotted after the Gunners ' 2-1 win at St James ' Park?": False,
    "What did Hughes miss ’ s defeat to Toulon?": False,
    "Who will have to pay £46million to make the transfer permanent but?": False,
    "What did the firm's chief executive say?": True,
    "Who called the plan 'a farce'?": True,
    "What did the players' union reject?": True,
    "Who won the 100m final (the second in a row)?": True,
}


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_well_formed(question):
    assert well_formed(question) is QUESTIONS[question]
