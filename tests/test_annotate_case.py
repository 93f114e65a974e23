"""annotate.is_cased: whether a text's capitals say anything (names) or the text is in one case."""

from __future__ import annotations

import pytest

from eventwire.annotate import is_cased


@pytest.mark.parametrize("text,cased", [
    ("Police in Detroit said three people were hurt near Wayne State University on Tuesday.", True),
    ("police in detroit said three people were hurt near wayne state university on tuesday.", False),
    ("Police in detroit said three people were hurt. The victims were taken to a hospital in detroit.", False),
    ("POLICE IN DETROIT SAID THREE PEOPLE WERE HURT NEAR WAYNE STATE UNIVERSITY ON TUESDAY.", False),
    ("Police in Detroit said three people were hurt. WITNESSES SAY A CAR DROVE BY AND SOMEONE BEGAN TO SHOOT.",
     True),
])
def test_one_case_text_gives_no_case_cue(nlp, text, cased):
    assert is_cased(nlp(text)) is cased
