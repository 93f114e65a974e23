from datetime import date

from eventwire.errors import READ_BINARY, READ_NO_TEXT

STORY = (
    "<p>MOSUL, Iraq - A roadside bomb killed two soldiers and wounded four others on a road south of Mosul "
    "on Sunday, security officials said.</p>"
    "<p>The explosion struck an army patrol near the village of Hamam al-Alil shortly after dawn, according "
    "to a statement from the army's media office, which said the wounded were taken to a military hospital.</p>"
    "<p>No group claimed responsibility for the attack, the second on the same road this month.</p>"
)


def _page(head="", story=STORY, lang=' lang="en"'):
    return (
        f"<!DOCTYPE html><html{lang}><head><meta charset='utf-8'><title>Bomb kills two soldiers | Daily Test</title>"
        f"{head}</head><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
        "<li><a href='/sport'>Sport</a></li></ul></nav>"
        f"<main><article><h1>Bomb kills two soldiers near Mosul</h1>{story}</article></main>"
        "<footer><p>Copyright Daily Test. All rights reserved.</p><a href='/privacy'>Privacy</a></footer>"
        "</body></html>"
    )


def test_main_text_title_and_date(tmp_path, read_all):
    path = tmp_path / "mosul-bomb.html"
    path.write_text(_page('<meta property="article:published_time" content="2024-09-08T07:00:00+03:00">'
                          '<meta property="og:site_name" content="Daily Test">'), encoding="utf-8")
    [article], problems = read_all(path)
    assert problems == []
    assert article.id == "mosul-bomb"
    assert article.published == date(2024, 9, 8)
    assert article.title and "Bomb kills two soldiers" in article.title
    assert article.source == "Daily Test"
    assert article.language == "en"
    assert "A roadside bomb killed two soldiers" in article.text
    assert "All rights reserved" not in article.text
    assert "Sport" not in article.text
    assert article.origin == str(path)


def test_a_date_only_in_the_body_is_not_the_publication_date(tmp_path, read_all):
    story = STORY.replace("on Sunday", "on 3 March 2019")
    path = tmp_path / "undated.htm"
    path.write_text(_page(story=story), encoding="utf-8")
    [article], _ = read_all(path)
    assert article.published is None
    assert article.date_note and article.date_note.startswith("no date in input")
    [article], _ = read_all(path, date=date(2024, 9, 9))
    assert article.published == date(2024, 9, 9)


def test_declared_legacy_charset(tmp_path, read_all):
    page = _page().replace("charset='utf-8'", "charset='windows-1251'").replace("Mosul on Sunday", "\u041c\u043e\u0441\u0443\u043b")
    path = tmp_path / "cyrillic.html"
    path.write_bytes(page.encode("cp1251"))
    [article], _ = read_all(path)
    assert "\u041c\u043e\u0441\u0443\u043b" in article.text


def test_page_without_text_and_binary_page(tmp_path, read_all):
    (tmp_path / "empty.html").write_text(
        "<html><head><title>x</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/world'>World</a></li></ul></nav><footer>Copyright 2024</footer></body></html>",
        encoding="utf-8")
    (tmp_path / "image.html").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00!\xf9\x04")
    articles, problems = read_all(tmp_path)
    assert articles == []
    assert [(p.origin, p.code) for p in problems] == [
        (str(tmp_path / "empty.html"), READ_NO_TEXT), (str(tmp_path / "image.html"), READ_BINARY)]
