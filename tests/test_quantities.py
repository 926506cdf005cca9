import pytest

from militancy.quantities import QuantityError, parse_quantity


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("25", (25, 25)),
        ("five", (5, 5)),
        ("1,500", (1500, 1500)),
        ("16+", (16, None)),
        ("100+", (100, None)),
        ("at least 250", (250, None)),
        ("more than 3,000", (3001, None)),
        ("nearly 400", (360, 400)),
        ("nearly 200", (180, 200)),
        ("about 50", (45, 55)),
        ("around 30", (27, 33)),
        ("approximately 2000", (1800, 2200)),
        ("between 11\u201350", (11, 50)),
        ("1,500 \u2013 2,000", (1500, 2000)),
        ("12 - 18", (12, 18)),
        ("dozens", (24, 99)),
        ("several", (3, 9)),
        ("unknown", (None, None)),
        (None, (None, None)),
    ],
)
def test_rule(phrase: str | None, expected: tuple[int | None, int | None]) -> None:
    assert parse_quantity(phrase) == expected


@pytest.mark.parametrize("phrase", ["half of them", "50\u201311", "many"])
def test_phrases_outside_the_rule_are_refused(phrase: str) -> None:
    with pytest.raises(QuantityError):
        parse_quantity(phrase)
