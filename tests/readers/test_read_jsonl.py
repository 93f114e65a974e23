import json
from datetime import date

from eventwire.article import Article
from eventwire.errors import READ_BAD_DATE, READ_BAD_JSON, READ_BINARY, READ_NO_TEXT


def _line(**fields):
    return json.dumps(fields) + "\n"


def test_fields_are_read(tmp_path, read_all):
    path = tmp_path / "wire.jsonl"
    path.write_text(
        _line(id="a1", text="Troops withdrew from Kherson.", date="2024-03-05", title="T", url="https://x.test/1",
              source="Wire", language="en")
        + _line(text="No id here.", published="2024-03-06T23:30:00-05:00"),
        encoding="utf-8")
    articles, problems = read_all(path)
    assert problems == []
    first, second = articles
    assert (first.id, first.text, first.published, first.title, first.url, first.source, first.language) == (
        "a1", "Troops withdrew from Kherson.", date(2024, 3, 5), "T", "https://x.test/1", "Wire", "en")
    assert first.origin == f"{path}:1"
    assert second.id == Article.text_id("No id here.")
    assert second.published == date(2024, 3, 6)  # the date as written, not converted to UTC
    assert second.origin == f"{path}:2"


def test_text_is_kept_exactly(tmp_path, read_all):
    text = "  Line one.\r\nLine two with \u00e9 and \"quotes\".  "
    path = tmp_path / "x.ndjson"
    path.write_text(_line(text=text), encoding="utf-8")
    [article], _ = read_all(path)
    assert article.text == text


def test_missing_date_is_noted_and_override_wins(tmp_path, read_all):
    path = tmp_path / "x.jsonl"
    path.write_text(_line(text="A.") + _line(text="B.", date="2024-02-30"), encoding="utf-8")
    articles, problems = read_all(path)
    assert articles[0].published is None and articles[0].date_note == "no date in input"
    assert [p.code for p in problems] == [READ_BAD_DATE]
    articles, problems = read_all(path, date=date(2024, 1, 1))
    assert problems == []
    assert [a.published for a in articles] == [date(2024, 1, 1)] * 2


def test_bad_lines_are_reported_with_line_numbers_and_the_rest_is_read(tmp_path, read_all):
    path = tmp_path / "mixed.jsonl"
    with open(path, "wb") as f:
        f.write(_line(id="ok1", text="First good article.").encode())      # 1
        f.write(b"{not json\n")                                              # 2
        f.write(b"\n")                                                       # 3 blank: skipped
        f.write(b"[1, 2]\n")                                                 # 4
        f.write(_line(id="nt", title="no text").encode())                    # 5
        f.write(_line(id="et", text="   ").encode())                         # 6
        f.write(_line(id="bd", text="x", date="2024-13-01").encode())        # 7
        f.write(b'{"text": "bin\x00ary"}\n')                                 # 8
        f.write(_line(id="num", text=42).encode())                           # 9
        f.write(_line(id="ok2", text="Second good article.").encode())     # 10
    articles, problems = read_all(path)
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert articles[1].origin == f"{path}:10"
    assert [(p.origin, p.code) for p in problems] == [
        (f"{path}:2", READ_BAD_JSON),
        (f"{path}:4", READ_BAD_JSON),
        (f"{path}:5", READ_NO_TEXT),
        (f"{path}:6", READ_NO_TEXT),
        (f"{path}:7", READ_BAD_DATE),
        (f"{path}:8", READ_BINARY),
        (f"{path}:9", READ_NO_TEXT),
    ]
    assert "2024-13-01" in problems[4].message


def test_a_legacy_encoded_line_is_decoded(tmp_path, read_all):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"text": "Caf\u00e9 attack in Kyiv"}\n'.encode("cp1252"))
    [article], problems = read_all(path)
    assert problems == []
    assert article.text == "Caf\u00e9 attack in Kyiv"


def test_utf16_file_with_bom(tmp_path, read_all):
    path = tmp_path / "wide.jsonl"
    path.write_bytes((_line(text="Talks in Geneva.") + _line(text="Second.")).encode("utf-16"))
    articles, problems = read_all(path)
    assert problems == []
    assert [a.text for a in articles] == ["Talks in Geneva.", "Second."]
    assert articles[1].origin == f"{path}:2"
