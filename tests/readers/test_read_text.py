from datetime import date

from eventwire.article import Article
from eventwire.errors import READ_BAD_DATE, READ_BINARY, READ_NO_TEXT


def test_date_prefix_gives_published_and_the_rest_is_the_text(tmp_path, read_all):
    path = tmp_path / "story-one.txt"
    path.write_text("  date 2024-05-03\n\nSoldiers were killed on Friday.\nSecond line.\n", encoding="utf-8")
    [article], problems = read_all(path)
    assert problems == []
    assert article.id == "story-one"
    assert article.published == date(2024, 5, 3)
    assert article.date_note is None
    assert article.text == "Soldiers were killed on Friday.\nSecond line.\n"
    assert article.origin == str(path)


def test_date_on_the_same_line_as_the_text(tmp_path, read_all):
    path = tmp_path / "a.txt"
    path.write_text("date 2024-01-16 Iran's Guards said on Monday.", encoding="utf-8")
    [article], _ = read_all(path)
    assert article.published == date(2024, 1, 16)
    assert article.text == "Iran's Guards said on Monday."
    start = article.text.index("Monday")
    assert article.text[start:start + 6] == "Monday"


def test_no_date_keeps_the_whole_file_and_says_why(tmp_path, read_all):
    path = tmp_path / "undated.txt"
    content = "Police said three people were arrested in Lagos.\n"
    path.write_text(content, encoding="utf-8")
    [article], _ = read_all(path)
    assert article.published is None
    assert article.date_note == "no date in input"
    assert article.text == content


def test_a_date_later_in_the_text_is_not_a_prefix(tmp_path, read_all):
    path = tmp_path / "x.txt"
    path.write_text("Talks were held.\ndate 2024-01-01\n", encoding="utf-8")
    [article], _ = read_all(path)
    assert article.published is None
    assert article.text.startswith("Talks")


def test_date_argument_gives_and_overrides_the_date(tmp_path, read_all):
    dated = tmp_path / "dated.txt"
    dated.write_text("date 2024-05-03\nText one.", encoding="utf-8")
    undated = tmp_path / "undated.txt"
    undated.write_text("Text two.", encoding="utf-8")
    articles, problems = read_all([dated, undated], date=date(2025, 1, 2))
    assert problems == []
    assert [a.published for a in articles] == [date(2025, 1, 2)] * 2
    assert articles[0].text == "Text one."
    assert all(a.date_note is None for a in articles)


def test_impossible_dates_are_reported_and_the_next_file_is_read(tmp_path, read_all):
    (tmp_path / "a.txt").write_text("date 2024-02-30\nText.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("date 2024-13-01\nText.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("date 2024-02-29\nLeap day text.", encoding="utf-8")
    articles, problems = read_all(tmp_path)
    assert [(p.origin, p.code) for p in problems] == [
        (str(tmp_path / "a.txt"), READ_BAD_DATE),
        (str(tmp_path / "b.txt"), READ_BAD_DATE),
    ]
    assert "2024-02-30" in problems[0].message
    assert [a.published for a in articles] == [date(2024, 2, 29)]


def test_empty_and_date_only_files_have_no_text(tmp_path, read_all):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "dateonly.txt").write_text("date 2024-03-01\n", encoding="utf-8")
    articles, problems = read_all(tmp_path)
    assert articles == []
    assert sorted(p.origin for p in problems) == sorted(
        str(tmp_path / name) for name in ("empty.txt", "blank.txt", "dateonly.txt"))
    assert {p.code for p in problems} == {READ_NO_TEXT}


def test_binary_data_is_reported(tmp_path, read_all):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "noise.txt").write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 200, 201, 14, 15]) * 20)
    (tmp_path / "zgood.txt").write_text("date 2024-01-01\nGood text.", encoding="utf-8")
    articles, problems = read_all(tmp_path)
    assert [(p.origin, p.code) for p in problems] == [
        (str(tmp_path / "image.txt"), READ_BINARY), (str(tmp_path / "noise.txt"), READ_BINARY)]
    assert [a.text for a in articles] == ["Good text."]


def test_utf8_bom_crlf_and_cp1252_are_decoded(tmp_path, read_all):
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffdate 2024-06-01\r\nCaf\u00e9 owners protested.\r\nMore.".encode())
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("date 2024-06-02\nThe minister\u2019s caf\u00e9 visit.".encode("cp1252"))
    articles, problems = read_all([bom, legacy])
    assert problems == []
    assert articles[0].published == date(2024, 6, 1)
    assert articles[0].text == "Caf\u00e9 owners protested.\nMore."
    assert articles[1].text == "The minister\u2019s caf\u00e9 visit."


def test_stdin_text_gets_a_hash_id(read_all):
    import io

    [article], _ = read_all("-", stdin=io.StringIO("date 2024-07-07\nRebels attacked a convoy."))
    assert article.published == date(2024, 7, 7)
    assert article.id == Article.text_id("Rebels attacked a convoy.")
    assert article.origin == "<stdin>"
