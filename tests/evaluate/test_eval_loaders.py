"""Loaders and scorers of plv, acled, muc4 and bench on small synthetic files (no gold data, no spaCy),
the registry, and the loaders on the real gold files (shared_dir)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.evaluate import DATASETS, Dataset, acled, get_evaluator, muc4, plv, run_eval
from eventwire.evaluate.bench import format_bench, load_corpus, peak_rss_mb
from eventwire.evaluate.common import stable_slice
from eventwire.record import Event


def ev(article_id: str, event_type: str, **kw) -> Event:
    return Event(event_id=f"{article_id}-{event_type}-{len(kw)}", article_id=article_id, event_type=event_type,
                 **kw)


# --- registry -----------------------------------------------------------------------------------------


def test_registry_names_every_dataset_of_the_issue():
    for name in ("plv", "gsr", "lgl", "tr-news", "geowebnews", "geovirus", "geo", "gva", "tempeval3",
                 "polnear", "muc4", "acled"):
        assert name in DATASETS


def test_unknown_dataset_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown dataset 'nope'; choose one of: plv"):
        get_evaluator("nope")


def test_missing_module_is_a_clear_error_not_a_crash(monkeypatch):
    monkeypatch.setitem(DATASETS, "ghost", Dataset("ghost", "no_such_module", "evaluate_ghost", "events", "x"))
    with pytest.raises(ConfigError, match=r"evaluation 'ghost' is not available: module "
                                          r"eventwire\.evaluate\.no_such_module cannot be imported"):
        get_evaluator("ghost")
    assert get_evaluator("plv") is plv.evaluate_plv  # the rest of the registry still works


def test_run_eval_checks_shared_and_limit(tmp_path):
    with pytest.raises(ConfigError, match="is absent"):
        run_eval("plv", tmp_path / "absent")
    with pytest.raises(ConfigError, match="at least 1"):
        run_eval("plv", tmp_path, limit=0)


def test_geo_datasets_pass_their_name(monkeypatch):
    import sys
    import types

    calls = []
    fake = types.ModuleType("eventwire.evaluate.geo")
    fake.evaluate_geo = lambda dataset, shared, limit, **kw: calls.append((dataset, limit)) or {"acc161": 1}
    monkeypatch.setitem(sys.modules, "eventwire.evaluate.geo", fake)
    assert run_eval("tr-news", Path("."), 3) == {"acc161": 1.0}
    assert calls == [("tr-news", 3)]


def test_stable_slice_is_a_prefix_and_ignores_file_order():
    items = [f"id{i}" for i in range(50)]
    a = stable_slice(items, str, 10)
    assert stable_slice(list(reversed(items)), str, 10) == a
    assert stable_slice(items, str, 20)[:10] == a
    assert sorted(stable_slice(items, str, None)) == sorted(items)


# --- plv ----------------------------------------------------------------------------------------------

PLV_HEADER = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tgold_root\n"


def write_plv(root: Path, rows: list[tuple[str, str, str, str, str]]) -> Path:
    path = root / plv.PLV_FILE
    path.parent.mkdir(parents=True)
    body = "".join(f"{i}\t{sid}\t{s}\t-\t{src}\t{tgt}\t0\t{g}\n" for i, (sid, s, src, tgt, g) in enumerate(rows))
    path.write_text(PLV_HEADER + body, encoding="utf-8")
    return root


def test_load_plv_reads_dyads_and_merges_concessions(tmp_path):
    root = write_plv(tmp_path, [("1", "Ruritania threatened Freedonia.", "Ruritania", "Freedonia", "THREATEN"),
                                ("1", "Ruritania threatened Freedonia.", "Freedonia", "Ruritania", "YIELD"),
                                ("2", "Rebels freed hostages.", "Rebels", "hostages", "YIELD")])
    items = plv.load_plv(root)
    assert len(items) == 3 and {it.root for it in items} == {"THREATEN", "YIELD"}
    assert len(plv.load_plv(root, 2)) == 2
    assert plv.to_root("RETREAT") == plv.to_root("CONCEDE") == "YIELD"
    assert plv.to_root(None) == "NONE"


def test_load_plv_rejects_unknown_root(tmp_path):
    root = write_plv(tmp_path, [("1", "x", "a", "b", "SURRENDER")])
    with pytest.raises(ValueError, match="unknown gold_root 'SURRENDER'"):
        plv.load_plv(root)


def test_pick_event_prefers_the_matching_dyad_then_confidence():
    evs = [ev("1", "ACCUSE", actor1_text="the minister", actor2_text="protesters", confidence=0.9),
           ev("1", "THREATEN", actor1_text="Ruritanian army", actor2_text="Freedonia", confidence=0.4),
           ev("1", "ASSAULT", actor1_text="Ruritanian army", actor2_text="Freedonia", confidence=0.6)]
    assert plv.pick_event(evs, "the Ruritanian army", "Freedonia").event_type == "ASSAULT"
    assert plv.pick_event(evs, "nobody", "nothing").event_type == "ACCUSE"  # no overlap: most confident
    assert plv.pick_event([], "a", "b") is None


def test_score_plv_by_hand():
    items = [plv.PlvItem(0, "1", "s", "Ruritania", "Freedonia", "THREATEN"),
             plv.PlvItem(1, "2", "s", "rebels", "hostages", "YIELD"),
             plv.PlvItem(2, "3", "s", "police", "crowd", "ASSAULT")]
    events = {"1": [ev("1", "THREATEN", actor1_text="Ruritania", actor2_text="Freedonia")],
              "2": [ev("2", "RETREAT", actor1_text="the rebels", actor2_text="some hostages")],
              "3": []}
    m = plv.score_plv(items, events)
    assert m["accuracy"] == pytest.approx(2 / 3)
    assert m["no_event_share"] == pytest.approx(1 / 3)
    assert m["dyad_match_share"] == pytest.approx(2 / 3)
    assert m["accuracy_when_event"] == 1.0
    assert m["f1_yield"] == 1.0 and m["f1_assault"] == 0.0
    assert m["macro_f1"] == pytest.approx(2 / 3)  # THREATEN 1, YIELD 1, ASSAULT 0; the rest unseen
    assert m["n"] == 3


# --- acled --------------------------------------------------------------------------------------------


def write_acled(root: Path, rows: list[tuple[str, str, str]]) -> Path:
    path = root / acled.ACLED_FILE
    path.parent.mkdir(parents=True)
    path.write_text("id\tEventSnippet\tSubType\n" + "".join(f"{i}\t{t}\t{c}\n" for i, t, c in rows),
                    encoding="utf-8")
    return root


def test_code_table_covers_the_task_labels():
    table = acled.code_table()
    assert len(table) == 30
    assert table["ART_MISS_ATTACK"] == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert table["NATURAL_DISASTER"] == ("NONE", "NONE")


def test_load_acled_and_unknown_label(tmp_path):
    root = write_acled(tmp_path, [("7", 'Troops "clashed" with rebels.', "ARMED_CLASH"),
                                  ("8", "A flood hit the valley.", "NATURAL_DISASTER")])
    items = {it.id: it for it in acled.load_acled(root)}
    assert items["7"].text == 'Troops "clashed" with rebels.'  # quotes are text, not CSV quoting
    assert (items["7"].event_type, items["8"].sub_event_type) == ("Battles", "NONE")
    bad = write_acled(tmp_path / "b", [("1", "x", "ALIEN_INVASION")])
    with pytest.raises(ValueError, match="unknown label 'ALIEN_INVASION'"):
        acled.load_acled(bad)


def test_score_acled_picks_the_most_confident_mapped_event():
    items = [acled.AcledItem("1", "t", "AIR_STRIKE", "Explosions/Remote violence", "Air/drone strike"),
             acled.AcledItem("2", "t", "PEACE_PROTEST", "Protests", "Peaceful protest"),
             acled.AcledItem("3", "t", "NATURAL_DISASTER", "NONE", "NONE")]
    events = {
        "1": [ev("1", "ACCUSE", confidence=0.99),  # no ACLED type: never picked
              ev("1", "ASSAULT", acled_event_type="Battles", acled_sub_event_type="Armed clash", confidence=0.5),
              ev("1", "ASSAULT", acled_event_type="explosions/remote violence",
                 acled_sub_event_type="Air/Drone strike", confidence=0.8)],
        "2": [ev("2", "PROTEST", acled_event_type="Riots", acled_sub_event_type="Violent demonstration")],
        "3": [ev("3", "ACCUSE")],
    }
    m = acled.score_acled(items, events)
    assert m["sub_accuracy"] == pytest.approx(2 / 3)  # air strike right (case-blind), protest wrong, NONE right
    assert m["type_accuracy"] == pytest.approx(2 / 3)
    assert m["sub_accuracy_seen"] == 0.5
    assert m["unseen_rejected"] == 1.0
    assert m["no_event_share"] == pytest.approx(1 / 3)


# --- muc4 ---------------------------------------------------------------------------------------------

TEXTS = """DEV-MUC3-0001 (NOSC)

   RUTOWN, 3 JAN 90 -- [REPORT] [ARMY PRESS OFFICE] [TEXT] GUERRILLAS OF THE PEOPLE'S FRONT
BOMBED A POWER STATION IN RUTOWN ON 1 JANUARY.

   NO ONE WAS HURT.

DEV-MUC3-0002  (ITP, NYU)

   NO CITY, NO DATE -- [TEXT] THE MINISTER SPOKE ABOUT THE ECONOMY.
"""

KEYS = """0.  MESSAGE: ID                     DEV-MUC3-0001 (NCCOSC)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  01 JAN 90
3.  INCIDENT: LOCATION              EL SALVADOR: RUTOWN (CITY)
4.  INCIDENT: TYPE                  BOMBING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
9.  PERP: INDIVIDUAL ID             "GUERRILLAS"
10. PERP: ORGANIZATION ID           "PEOPLE'S FRONT" / "PF"
12. PHYS TGT: ID                    "POWER STATION"
18. HUM TGT: NAME                   -
19. HUM TGT: DESCRIPTION            -

0.  MESSAGE: ID                     DEV-MUC3-0001 (NCCOSC)
1.  MESSAGE: TEMPLATE               2 (OPTIONAL)
2.  INCIDENT: DATE                  - 02 JAN 90
3.  INCIDENT: LOCATION              COLOMBIA / PERU
4.  INCIDENT: TYPE                  ATTACK
9.  PERP: INDIVIDUAL ID             -
12. PHYS TGT: ID                    *
19. HUM TGT: DESCRIPTION            "PEASANTS"

0.  MESSAGE: ID                     DEV-MUC3-0002 (NCCOSC)
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
"""


@pytest.fixture()
def muc_root(tmp_path: Path) -> Path:
    folder = tmp_path / muc4.MUC_DIR
    folder.mkdir(parents=True)
    (folder / "dev-muc3-0001-0100").write_text(TEXTS, encoding="latin-1")
    (folder / "key-dev-0001.muc4").write_text(KEYS, encoding="latin-1")
    return tmp_path


def test_load_muc4_texts_dates_and_templates(muc_root):
    msgs = {m.id: m for m in muc4.load_muc4(muc_root)}
    one, two = msgs["DEV-MUC3-0001"], msgs["DEV-MUC3-0002"]
    assert one.published == date(1990, 1, 3) and two.published is None
    assert one.text.startswith("GUERRILLAS OF THE PEOPLE'S FRONT BOMBED")  # dateline, headers, wraps gone
    assert "\n\nNO ONE WAS HURT." in one.text
    assert two.text == "THE MINISTER SPOKE ABOUT THE ECONOMY." and not two.relevant
    t1, t2 = one.templates
    assert (t1.incident_type, t1.optional, t1.countries) == ("BOMBING", False, ["SLV"])
    assert t1.dates == [(date(1990, 1, 1), date(1990, 1, 1))]
    assert t1.perpetrators == ["GUERRILLAS", "PEOPLE'S FRONT", "PF"] and t1.targets == ["POWER STATION"]
    assert t2.optional and t2.countries == ["COL", "PER"] and t2.targets == ["PEASANTS"]
    assert t2.dates == [(date(1989, 12, 2), date(1990, 1, 2))]  # "on or before": the month before


def test_parse_dates_alternatives_and_ranges():
    assert muc4.parse_dates("10 DEC 89 - 11 DEC 89 / 14 DEC 89", None) == [
        (date(1989, 12, 10), date(1989, 12, 11)), (date(1989, 12, 14), date(1989, 12, 14))]
    assert muc4.parse_dates("11 NOV", 1989) == [(date(1989, 11, 11), date(1989, 11, 11))]
    assert muc4.parse_dates("*", None) == [] and muc4.parse_dates("-", None) == []


def test_sentence_case():
    assert muc4.sentence_case("THE ARMY ATTACKED. REBELS FLED!\n\nNEW PARAGRAPH") == (
        "The army attacked. Rebels fled!\n\nNew paragraph")


def test_score_muc4_by_hand(muc_root):
    msgs = muc4.load_muc4(muc_root)
    events = {
        "DEV-MUC3-0001": [
            ev("DEV-MUC3-0001", "ASSAULT", event_mode="explosives", actor1_text="guerrillas",
               actor2_text="a power station", event_date="1990-01-01", country_iso3="SLV"),
            ev("DEV-MUC3-0001", "ASSAULT", negated=True),  # negated: not an incident
        ],
        "DEV-MUC3-0002": [ev("DEV-MUC3-0002", "COERCE", event_mode="arrest")],  # a false alarm
    }
    m = muc4.score_muc4(msgs, events)
    assert (m["detection_precision"], m["detection_recall"]) == (0.5, 1.0)
    assert m["template_recall"] == 1.0  # the optional template is not required
    assert m["event_precision"] == 0.5
    for k in ("type_accuracy", "mode_accuracy", "date_accuracy", "country_accuracy", "perpetrator_match",
              "victim_match"):
        assert m[k] == 1.0, k


def test_align_is_one_to_one_and_prefers_agreement():
    t_bomb = muc4.Template("BOMBING", False, "", [], ["SLV"], ["guerrillas"], ["bus"])
    t_kid = muc4.Template("KIDNAPPING", False, "", [], ["SLV"], ["commando"], ["mayor"])
    e1 = ev("d", "ASSAULT", actor1_text="a commando", actor2_text="the mayor")
    e2 = ev("d", "ASSAULT", actor1_text="guerrillas", actor2_text="a bus")
    pairs = muc4.align([t_bomb, t_kid], [e1, e2])
    assert {(t.incident_type, e.actor2_text) for t, e in pairs} == {("BOMBING", "a bus"),
                                                                    ("KIDNAPPING", "the mayor")}
    assert len(muc4.align([t_bomb, t_kid], [e1])) == 1


# --- bench --------------------------------------------------------------------------------------------


def test_bench_corpus_skips_empty_texts_and_keeps_dates(tmp_path):
    path = tmp_path / "data" / "gva" / "documents.dev.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text('{"doc_id": "a", "dct": "2014-01-12", "text": "Shots were fired."}\n'
                    '{"doc_id": "b", "text": "  "}\n'
                    '{"doc_id": "c", "text": "A man was hurt."}\n', encoding="utf-8")
    arts = load_corpus(tmp_path, 5)
    assert [a.id for a in arts] == ["a", "c"] and arts[0].published == date(2014, 1, 12)
    assert [a.id for a in load_corpus(tmp_path, 1)] == ["a"]


def test_peak_rss_and_format():
    rss = peak_rss_mb()
    assert rss["self"] > 1 and rss["children"] >= 0
    text = format_bench({"articles": 10, "chars": 5000, "n_process": 2, "events": 7, "extract_seconds": 2.0,
                         "extract_articles_per_s": 5.0, "extract_peak_rss_mb": 900, "spacy_seconds": 1.0,
                         "spacy_articles_per_s": 10.0, "spacy_peak_rss_mb": 600, "time_ratio": 2.0})
    assert "extract takes 2.00x the time of the bare spaCy parse" in text


# --- the real gold files ------------------------------------------------------------------------------


def test_real_plv_file(shared_dir):
    items = plv.load_plv(shared_dir)
    assert len(items) == 1050 and {it.root for it in items} == set(plv.ROOTS)
    assert [it.key for it in plv.load_plv(shared_dir, 150)] == [it.key for it in items[:150]]


def test_real_acled_file(shared_dir):
    items = acled.load_acled(shared_dir)
    assert len(items) == 516 and all(it.text for it in items)


def test_real_muc4_files(shared_dir):
    msgs = muc4.load_muc4(shared_dir)
    assert len(msgs) == 1300
    assert sum(m.relevant for m in msgs) == 700
    assert sum(len(m.templates) for m in msgs) == 1114
    assert sum(m.published is not None for m in msgs) > 1200
    templates = [t for m in msgs for t in m.templates]
    assert sum(bool(t.dates) for t in templates) / len(templates) > 0.95
    assert set(muc4.type_table()) >= {t.incident_type for t in templates}


def test_pooled_geo_weights_rates_by_toponyms(monkeypatch):
    import sys
    import types

    figures = {"lgl": (0.5, 100), "tr-news": (1.0, 300), "geowebnews": (0.0, 0), "geovirus": (0.75, 100)}
    fake = types.ModuleType("eventwire.evaluate.geo")
    fake.DATASETS = {k: "" for k in figures}  # no "geo": the registry pools
    fake.evaluate_geo = lambda name, shared, limit, **kw: {"acc161": figures[name][0], "gold_acc161": 1.0,
                                                           "toponyms": float(figures[name][1]), "docs": 2.0}
    monkeypatch.setitem(sys.modules, "eventwire.evaluate.geo", fake)
    m = run_eval("geo", Path("."), 5)
    assert m["acc161"] == pytest.approx((50 + 300 + 75) / 500)
    assert m["macro_acc161"] == pytest.approx(2.25 / 4)
    assert (m["toponyms"], m["docs"], m["gold_acc161"]) == (500.0, 8.0, 1.0)
