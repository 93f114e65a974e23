import csv
from datetime import date

from eventwire.article import Article
from eventwire.errors import READ_BAD_CSV, READ_BAD_DATE, READ_BINARY, READ_NO_TEXT


def _write_csv(path, rows, delimiter=","):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)


def test_columns_are_read_and_rows_report_their_first_line(tmp_path, read_all):
    path = tmp_path / "articles.csv"
    _write_csv(path, [
        ["ID", " text ", "date", "title", "url", "source", "language", "extra"],
        ["c1", "Police said two were hurt.\nSecond paragraph.", "2024-04-01", "T1", "https://x.test", "Wire", "en", "z"],
        ["", "No id.", "", "", "", "", "", ""],
    ])
    articles, problems = read_all(path)
    assert problems == []
    first, second = articles
    assert first.id == "c1"
    assert first.text == "Police said two were hurt.\nSecond paragraph."
    assert (first.published, first.title, first.url, first.source, first.language) == (
        date(2024, 4, 1), "T1", "https://x.test", "Wire", "en")
    assert first.origin == f"{path}:2"
    assert second.origin == f"{path}:4"  # the quoted field of row 1 spans lines 2-3
    assert second.id == Article.text_id("No id.")
    assert second.published is None and second.date_note == "no date in input"


def test_published_column_and_semicolon_delimiter(tmp_path, read_all):
    path = tmp_path / "semi.csv"
    _write_csv(path, [["text", "published"], ["Talks, at last; in Doha.", "2025-01-09T10:00:00Z"]], delimiter=";")
    [article], problems = read_all(path)
    assert problems == []
    assert article.text == "Talks, at last; in Doha."
    assert article.published == date(2025, 1, 9)


def test_large_fields_are_read(tmp_path, read_all):
    big = "Shelling continued. " * 20000  # 400,000 characters: above csv's default field limit
    path = tmp_path / "big.csv"
    _write_csv(path, [["text"], [big], ["small"]])
    articles, problems = read_all(path)
    assert problems == []
    assert [len(a.text) for a in articles] == [len(big), 5]


def test_no_text_column_is_reported(tmp_path, read_all):
    path = tmp_path / "wrong.csv"
    _write_csv(path, [["body", "date"], ["Some text", "2024-01-01"]])
    articles, problems = read_all(path)
    assert articles == []
    assert [(p.origin, p.code) for p in problems] == [(f"{path}:1", READ_BAD_CSV)]
    assert "'body'" in problems[0].message


def test_bad_rows_are_reported_and_the_rest_is_read(tmp_path, read_all):
    path = tmp_path / "mixed.csv"
    with open(path, "wb") as f:
        f.write(b"id,text,date\n")                          # 1
        f.write(b"g1,Good one.,2024-05-01\n")               # 2
        f.write(b"e1,,2024-05-01\n")                        # 3 empty text
        f.write(b"d1,Bad date.,2024-02-30\n")               # 4
        f.write(b"x1,Too,many,fields\n")                    # 5
        f.write(b"b1,bin\x00\x01\x02\x03ary,2024-05-01\n")  # 6
        f.write(b"\n")                                      # 7 blank: skipped
        f.write(b"g2,Good two.,2024-05-02\n")               # 8
    articles, problems = read_all(path)
    assert [(a.id, a.origin) for a in articles] == [("g1", f"{path}:2"), ("g2", f"{path}:8")]
    assert [(p.origin, p.code) for p in problems] == [
        (f"{path}:3", READ_NO_TEXT),
        (f"{path}:4", READ_BAD_DATE),
        (f"{path}:5", READ_BAD_CSV),
        (f"{path}:6", READ_BINARY),
    ]


def test_empty_csv_file(tmp_path, read_all):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    articles, problems = read_all(path)
    assert articles == [] and [p.code for p in problems] == [READ_NO_TEXT]
