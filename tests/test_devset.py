"""scripts/devset.py: the development set's gold goes into git as anchors (offsets, first words,
hashes) and comes back from re-retrieved texts, every hash checked. Written on a made-up article."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "devset.py"
TEXT = ("Chile and Peru signed a trade pact on Monday. Bolivia sharply criticised the new pact on Tuesday.\n"
        "\"We will respond,\" the Bolivian minister said.")


def devset():
    spec = importlib.util.spec_from_file_location("devset_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make(root: Path, name: str = "d05") -> dict:
    (root / "texts").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "texts" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    gold = {"doc": f"{name}.txt", "retrieval": {"corpus": "pages", "query": "q", "url": "u", "rank": 1},
            "metadata": {}, "actors": [{"surface": "Chile", "canonical": "CHL"}],
            "events": [{"sentence": "Bolivia sharply criticised the new pact on Tuesday.", "source": "BOL", "target": "CHL",
                        "cameo_root": "11"}],
            "quotes": [{"speaker": "the Bolivian minister", "text": "We will respond,",
                        "attribution_sentence": "\"We will respond,\" the Bolivian minister said."}],
            "issues": [], "stance": None}
    (root / "gold" / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")
    return gold


def test_anchors_hold_no_sentence_and_rebuild_the_gold(tmp_path):
    script, gold = devset(), make(tmp_path)
    assert script.anchor(tmp_path) == 0
    anchored = (tmp_path / "anchors" / "d05.json").read_text(encoding="utf-8")
    assert "new pact on Tuesday" not in anchored and "the Bolivian minister said" not in anchored  # no sentence
    record = json.loads(anchored)
    assert record["split"] == "test" and record["events"][0]["sentence"]["first_words"] == "Bolivia sharply criticised the new"
    assert "sha256" in record["text"] and record["retrieval"]["query"] == "q"
    assert script.rebuild(tmp_path) == 0
    rebuilt = json.loads((tmp_path / "gold-test" / "d05.json").read_text(encoding="utf-8"))
    assert rebuilt["events"] == gold["events"] and rebuilt["quotes"] == gold["quotes"]


def test_a_moved_sentence_is_found_again_and_a_changed_one_fails(tmp_path, capsys):
    script, _ = devset(), make(tmp_path)
    script.anchor(tmp_path)
    (tmp_path / "texts" / "d05.txt").write_text("Updated. " + TEXT, encoding="utf-8")  # offsets move
    assert script.rebuild(tmp_path) == 0
    assert "not the annotated text" in capsys.readouterr().err
    (tmp_path / "texts" / "d05.txt").write_text(TEXT.replace("criticised", "praised"), encoding="utf-8")
    assert script.rebuild(tmp_path) == 1
    assert "not found" in capsys.readouterr().err


def test_put_saves_a_retrieved_excerpt_only_when_its_sentences_are_there(tmp_path, capsys):
    script, _ = devset(), make(tmp_path)
    script.anchor(tmp_path)
    (tmp_path / "texts" / "d05.txt").unlink()
    capsys.readouterr()
    assert script.missing(tmp_path) == 1
    assert capsys.readouterr().out.startswith("d05\tq\tu\t")
    retrieved = tmp_path / "d05.json"  # the excerpt as the search tool prints it: a JSON string literal
    retrieved.write_text(json.dumps(TEXT.replace("criticised", "criticized")), encoding="utf-8")
    assert script.put(tmp_path, "d05", retrieved, True) == 1  # a copying slip: its sentence is named
    assert "Bolivia sharply" in capsys.readouterr().err and not (tmp_path / "texts" / "d05.txt").exists()
    retrieved.write_text(json.dumps("Updated. " + TEXT), encoding="utf-8")  # the page grew: every sentence found
    assert script.put(tmp_path, "d05", retrieved, True) == 0
    assert "holds every anchored sentence" in capsys.readouterr().err
    retrieved.write_text(TEXT, encoding="utf-8")
    assert script.put(tmp_path, "d05", retrieved, False) == 0 and script.missing(tmp_path) == 0
    assert (tmp_path / "texts" / "d05.txt").read_text(encoding="utf-8") == TEXT
