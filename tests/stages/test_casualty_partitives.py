"""A number that counts part of a group of things ("41 of the 67 drones") is not a count of people."""

from __future__ import annotations

import pytest

from eventwire.stages.casualties import count_casualties


@pytest.mark.parametrize("text,killed,injured", [
    ("The air force said it had shot down 41 of the 67 drones launched overnight.", None, None),
    ("Troops shot down two of the five helicopters.", None, None),
    ("Police said three of the victims were shot and two of them died.", 2, 1),
    ("Gunmen shot five of the passengers on the bus.", None, 5),
])
def test_a_part_of_things_is_not_people(nlp, text, killed, injured):
    k, i, reason = count_casualties(nlp(text)[:])
    assert (k, i) == (killed, injured), reason
