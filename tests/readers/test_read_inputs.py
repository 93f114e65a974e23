import io
import json
import tracemalloc
from datetime import date
from itertools import count, islice
from pathlib import Path

import pytest

from eventwire.article import Article, ReadProblem
from eventwire.errors import READ_BAD_JSON, READ_BINARY, READ_NO_TEXT, READ_UNREADABLE
from eventwire.readers import format_from_content, read

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_folders_are_read_recursively_in_sorted_order_skipping_hidden_and_other_files(tmp_path, read_all):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "deep" / "d.txt").write_text("D text.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("C text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "z.jsonl").write_text('{"id": "z1", "text": "Z text."}\n', encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".hidden" / "e.txt").write_text("hidden too", encoding="utf-8")
    (tmp_path / "README.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\x00\x00")
    articles, problems = read_all(tmp_path)
    assert problems == []
    assert [a.id for a in articles] == ["a", "c", "d", "z1"]
    assert [a.text for a in articles] == ["A text.", "C text.", "D text.", "Z text."]


def test_a_folder_linked_into_itself_is_walked_once(tmp_path, read_all):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    articles, problems = read_all(tmp_path)
    assert problems == []
    assert [a.text for a in articles] == ["A."]


def test_a_named_file_is_read_whatever_its_extension(tmp_path, read_all):
    path = tmp_path / "notes.md"
    path.write_text("date 2024-02-02\nA named file.", encoding="utf-8")
    [article], _ = read_all(path)
    assert article.text == "A named file." and article.published == date(2024, 2, 2)


@pytest.mark.parametrize(("content", "expected"), [
    ('\n  {"text": "x"}\n', "jsonl"),
    ('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0"><channel/></rss>', "feed"),
    ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
    ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', "feed"),
    ("\ufeff<!DOCTYPE html>\n<html><body></body></html>", "html"),
    ("<HTML><body>x</body></HTML>", "html"),
    ("date 2024-01-01 text", "text"),
    ("<b>bold</b> start of a plain story", "text"),
    ("Plain story { with braces }", "text"),
])
def test_format_from_content(content, expected):
    assert format_from_content(content) == expected


def test_files_without_extension_are_detected_by_content(tmp_path, read_all):
    (tmp_path / "a_lines").write_text('{"id": "j1", "text": "From JSON lines."}\n{"id": "j2", "text": "Two."}\n',
                                      encoding="utf-8")
    (tmp_path / "b_feed").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>I</title>'
        "<description>From a feed.</description></item></channel></rss>", encoding="utf-8")
    (tmp_path / "c_page").write_text(
        "<!DOCTYPE html><html><head><title>P</title></head><body><article><p>"
        + "From a web page about a protest in Karachi on Monday, police said. " * 8
        + "</p></article></body></html>", encoding="utf-8")
    (tmp_path / "d_text").write_text("date 2024-03-03\nFrom plain text.", encoding="utf-8")
    articles, problems = read_all(tmp_path)
    assert problems == []
    assert [a.id for a in articles[:2]] == ["j1", "j2"]
    assert articles[1].origin == f"{tmp_path / 'a_lines'}:2"
    assert articles[2].text == "From a feed." and articles[2].source == "F"
    assert articles[3].id == "c_page" and articles[3].text.startswith("From a web page")
    assert articles[4].id == "d_text" and articles[4].published == date(2024, 3, 3)


def test_missing_paths_are_reported_and_the_rest_is_read(tmp_path, read_all):
    good = tmp_path / "good.txt"
    good.write_text("Good.", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    missing_jsonl = tmp_path / "missing.jsonl"
    missing_csv = tmp_path / "missing.csv"
    articles, problems = read_all([missing, missing_jsonl, missing_csv, good])
    assert [a.text for a in articles] == ["Good."]
    assert [(p.origin, p.code) for p in problems] == [
        (str(missing), READ_UNREADABLE), (str(missing_jsonl), READ_UNREADABLE), (str(missing_csv), READ_UNREADABLE)]


def test_a_single_path_string_is_one_path(tmp_path):
    (tmp_path / "one.txt").write_text("One.", encoding="utf-8")
    [article] = list(read(str(tmp_path / "one.txt")))
    assert isinstance(article, Article) and article.text == "One."


def test_stdin_jsonl_with_bad_lines(read_all):
    stdin = io.StringIO('\n{"id": "s1", "text": "First.", "date": "2024-05-05"}\nnot json\n{"text": ""}\n'
                        '{"id": "s2", "text": "Second."}\n')
    articles, problems = read_all("-", stdin=stdin)
    assert [(a.id, a.origin) for a in articles] == [("s1", "<stdin>:2"), ("s2", "<stdin>:5")]
    assert articles[0].published == date(2024, 5, 5)
    assert [(p.origin, p.code) for p in problems] == [("<stdin>:3", READ_BAD_JSON), ("<stdin>:4", READ_NO_TEXT)]


def test_stdin_bytes_binary_and_empty(read_all):
    _, problems = read_all("-", stdin=io.BytesIO(b"\x00\x01\x02\x03binary\xff\xfe"))
    assert [(p.origin, p.code) for p in problems] == [("<stdin>", READ_BINARY)]
    _, problems = read_all("-", stdin=io.BytesIO(b""))
    assert [(p.origin, p.code) for p in problems] == [("<stdin>", READ_NO_TEXT)]
    [article], _ = read_all("-", stdin=io.BytesIO("date 2024-01-02\nCaf\u00e9 raid.".encode("cp1252")))
    assert article.text == "Caf\u00e9 raid." and article.published == date(2024, 1, 2)


def test_stdin_is_streamed():
    """JSON lines on stdin: the first articles arrive having read only the lines they need."""
    consumed = []

    def lines():
        for i in count():
            if i == 10_000:
                return
            consumed.append(i)
            yield json.dumps({"id": f"n{i}", "text": f"Article {i}."}) + "\n"

    first = list(islice(read(["-"], stdin=lines()), 3))
    assert [a.id for a in first if isinstance(a, Article)] == ["n0", "n1", "n2"]
    assert len(consumed) <= 4


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ""], ids=["jsonl", "csv", "no-extension"])
def test_big_files_are_streamed(tmp_path, suffix):
    """A 24 MB file: the first article costs far less memory than the file, and so does reading all of it."""
    path = tmp_path / f"big{suffix}"
    body = "Troops shelled the town again on Monday, officials said. " * 70  # about 4 kB
    lines = 6000
    with open(path, "w", encoding="utf-8") as f:
        if suffix == ".csv":
            f.write("id,text\n")
        for i in range(lines):
            f.write(f'a{i},"{body}"\n' if suffix == ".csv" else json.dumps({"id": f"a{i}", "text": body}) + "\n")
    size = path.stat().st_size
    assert size > 20_000_000
    tracemalloc.start()
    try:
        items = read([str(path)])
        first = next(items)
        _, peak_first = tracemalloc.get_traced_memory()
        n = 1 + sum(1 for _ in items)
        _, peak_all = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(first, Article) and first.id == "a0"
    assert n == lines
    assert peak_first < size / 20
    assert peak_all < size / 20


def test_examples_folder_reads_into_dated_articles(read_all):
    articles, problems = read_all(EXAMPLES)
    assert problems == []
    assert len(articles) >= 9
    assert all(a.published is not None for a in articles)
    assert all(2024 <= a.published.year <= 2025 for a in articles)
    assert all(len(a.text.split()) >= 150 for a in articles)
    assert len({a.id for a in articles}) == len(articles)
    suffixes = {a.origin.split(":")[0].rsplit(".", 1)[-1] for a in articles}
    assert suffixes == {"txt", "jsonl", "html", "rss"}


def test_shared_sample_article(shared_dir, read_all):
    [article], problems = read_all(shared_dir / "samples" / "erbil-2024-01-16.txt")
    assert problems == []
    assert article.id == "erbil-2024-01-16"
    assert article.published == date(2024, 1, 16)
    assert article.text.startswith("Iran's")


def test_problems_print_with_origin_and_code(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("oops\n", encoding="utf-8")
    [problem] = list(read([str(path)]))
    assert isinstance(problem, ReadProblem)
    assert str(problem).startswith(f"{path}:1: [{READ_BAD_JSON}] invalid JSON")
