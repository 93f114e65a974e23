from datetime import date

from eventwire.article import Article
from eventwire.errors import READ_BAD_DATE, READ_BAD_FEED, READ_NO_TEXT

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Test Wire</title>
  <link>https://x.test/</link>
  <language>en</language>
  <item>
    <title>Clashes in Goma</title>
    <link>https://x.test/goma</link>
    <guid>goma-1</guid>
    <pubDate>Mon, 15 Jul 2024 23:30:00 -0500</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>Fighting broke out in <b>Goma</b> on Sunday.</p><p>Five people died, officials said.</p>]]></content:encoded>
  </item>
  <item>
    <title>No content</title>
    <guid>empty-2</guid>
    <pubDate>Tue, 16 Jul 2024 10:00:00 GMT</pubDate>
  </item>
  <item>
    <title>Bad date</title>
    <pubDate>Fri, 30 Feb 2024 10:00:00 GMT</pubDate>
    <description>Text of the bad-date item.</description>
  </item>
  <item>
    <title>Summary only</title>
    <link>https://x.test/summary</link>
    <description>&lt;p&gt;Aid trucks reached Kadugli &amp;amp; nearby towns.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Test</title>
  <id>urn:x-test:feed</id>
  <updated>2024-08-02T10:00:00Z</updated>
  <entry>
    <title>Ceasefire agreed</title>
    <id>urn:x-test:1</id>
    <link href="https://x.test/ceasefire"/>
    <published>2024-08-01T09:00:00+02:00</published>
    <updated>2024-08-02T09:00:00+02:00</updated>
    <content type="html">&lt;p&gt;The two sides agreed to a ceasefire on Thursday.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_items_become_articles(tmp_path, read_all):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, problems = read_all(path)
    goma, summary = articles
    assert goma.text == "Fighting broke out in Goma on Sunday.\nFive people died, officials said."
    assert goma.title == "Clashes in Goma"
    assert goma.url == "https://x.test/goma"
    assert goma.source == "Test Wire"
    assert goma.language == "en"
    assert goma.published == date(2024, 7, 15)  # the date as written, not its UTC day
    assert goma.id == Article.text_id("goma-1")
    assert goma.origin == f"{path}:7"
    assert summary.text == "Aid trucks reached Kadugli & nearby towns."
    assert summary.id == Article.text_id("https://x.test/summary")
    assert summary.published is None and summary.date_note == "no date in input"
    assert summary.origin == f"{path}:25"
    assert [(p.origin, p.code) for p in problems] == [(f"{path}:15", READ_NO_TEXT), (f"{path}:20", READ_BAD_DATE)]


def test_ids_are_stable_across_reads(tmp_path, read_all):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    assert [a.id for a in read_all(path)[0]] == [a.id for a in read_all(path)[0]]


def test_atom_feed_and_xml_extension(tmp_path, read_all):
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, encoding="utf-8")
    [article], problems = read_all(path)
    assert problems == []
    assert article.text == "The two sides agreed to a ceasefire on Thursday."
    assert article.published == date(2024, 8, 1)
    assert article.url == "https://x.test/ceasefire"
    assert article.source == "Atom Test"
    assert article.id == Article.text_id("urn:x-test:1")
    assert article.origin == f"{path}:6"


def test_override_date_applies_to_items(tmp_path, read_all):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    [article], _ = read_all(path, date=date(2025, 1, 1))
    assert article.published == date(2025, 1, 1)


def test_broken_feeds_and_xml_without_a_feed_root(tmp_path, read_all):
    (tmp_path / "broken.rss").write_text("this is <<< not a feed", encoding="utf-8")
    (tmp_path / "data.xml").write_text("<?xml version='1.0'?><catalog><book/></catalog>", encoding="utf-8")
    (tmp_path / "empty.rss").write_text("<rss version='2.0'><channel><title>t</title></channel></rss>",
                                        encoding="utf-8")
    articles, problems = read_all(tmp_path)
    assert articles == []
    assert [(p.origin, p.code) for p in problems] == [
        (str(tmp_path / "broken.rss"), READ_BAD_FEED),
        (str(tmp_path / "data.xml"), READ_BAD_FEED),
        (str(tmp_path / "empty.rss"), READ_NO_TEXT),
    ]
