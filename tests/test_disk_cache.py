"""The disk cache of built rule sets and of the entity ruler's tokens (frnews_ner.disk_cache)."""

from __future__ import annotations

import logging
import os

import pytest
import spacy

from frnews_ner import disk_cache, rules
from frnews_ner.pipeline.entity_ruler import EntityRuler
from frnews_ner.rules import load_rules


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache directory of the test's own, and no rule set in memory (a « new process »)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("FRNEWS_CACHE_DIR", str(folder))
    monkeypatch.setattr(rules, "_cache", {})
    return folder


def _user_dir(tmp_path, word: str = "Mairie"):
    folder = tmp_path / "rules"
    (folder / "hygiene").mkdir(parents=True, exist_ok=True)
    (folder / "hygiene" / "not_entities.txt").write_text(f"{word}\n", encoding="utf-8")
    return folder


def _no_build(*args, **kwargs):
    raise AssertionError("the rule set was built again instead of read from the cache")


def test_a_new_process_reads_the_rule_set_from_the_cache_instead_of_building_it(cache, tmp_path, monkeypatch):
    user = _user_dir(tmp_path)
    built = load_rules([user], parts=("hygiene",))
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["rules"]
    monkeypatch.setattr(rules, "_cache", {})
    monkeypatch.setattr(rules, "_build", _no_build)
    again = load_rules([user], parts=("hygiene",))
    assert again is not built and again.not_entities == built.not_entities and "mairie" in again.not_entities


def test_an_edited_rule_file_of_the_same_size_and_time_is_read_again(cache, tmp_path, monkeypatch):
    user = _user_dir(tmp_path, "Mairie")
    words = user / "hygiene" / "not_entities.txt"
    assert "mairie" in load_rules([user], parts=("hygiene",)).not_entities
    stat = words.stat()
    words.write_text("Marine\n", encoding="utf-8")  # same size
    os.utime(words, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same modification time
    monkeypatch.setattr(rules, "_cache", {})
    refreshed = load_rules([user], parts=("hygiene",)).not_entities
    assert "marine" in refreshed and "mairie" not in refreshed


def test_a_truncated_entry_is_ignored_with_its_path_and_rebuilt(cache, tmp_path, monkeypatch, caplog):
    user = _user_dir(tmp_path)
    load_rules([user], parts=("hygiene",))
    (entry,) = cache.glob("rules-*.pickle")
    entry.write_bytes(entry.read_bytes()[:40])
    monkeypatch.setattr(rules, "_cache", {})
    with caplog.at_level(logging.DEBUG, logger="frnews_ner"):
        assert "mairie" in load_rules([user], parts=("hygiene",)).not_entities
    assert f"frnews_ner cache: ignoring {entry} (UnpicklingError" in caplog.text
    assert len(entry.read_bytes()) > 40  # written again whole


def test_an_entry_holding_something_else_is_ignored(cache):
    cache.mkdir()
    disk_cache.store_cached("rules", "k", ["not", "a", "rule", "set"])
    assert disk_cache.load_cached("rules", "k", rules.RuleSet) is None
    assert disk_cache.load_cached("rules", "k", list) == ["not", "a", "rule", "set"]


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("FRNEWS_CACHE_DIR", "off")
    monkeypatch.setattr(rules, "_cache", {})
    assert disk_cache.cache_dir() is None
    load_rules([_user_dir(tmp_path)], parts=("hygiene",))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rules"]


def test_the_default_place_is_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("FRNEWS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert disk_cache.cache_dir() == tmp_path / "frnews_ner"


def test_an_unwritable_cache_leaves_the_rule_set_built_and_says_why(tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FRNEWS_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(rules, "_cache", {})
    with caplog.at_level(logging.DEBUG, logger="frnews_ner"):
        assert "mairie" in load_rules([_user_dir(tmp_path)], parts=("hygiene",)).not_entities
    assert f"frnews_ner cache: not stored in {blocker / 'cache'}" in caplog.text


def test_only_the_newest_entries_of_a_kind_are_kept(cache):
    for n in range(disk_cache.KEEP_ENTRIES + 3):
        disk_cache.store_cached("tokens", f"k{n}", {"n": n})
        os.utime(cache / f"tokens-k{n}.pickle", ns=(n * 10**9, n * 10**9))
    disk_cache.store_cached("rules", "other-kind", {})
    kept = sorted(p.name for p in cache.glob("tokens-*.pickle"))
    assert len(kept) == disk_cache.KEEP_ENTRIES and "tokens-k0.pickle" not in kept
    assert (cache / "rules-other-kind.pickle").is_file()


def test_the_entity_ruler_reads_its_tokens_from_the_cache_and_matches_the_same(cache):
    kb = load_rules(parts=("kb",)).kb
    text = "Le Fonds monétaire international et l'Organisation des Nations unies ont répondu."

    def names(nlp):
        ruler = EntityRuler(nlp, kb=kb)
        doc = ruler(nlp.make_doc(text))
        return [(e.text, e.label_) for e in doc.ents]

    first = names(spacy.blank("fr"))
    (entry,) = cache.glob("tokens-*.pickle")
    cached = disk_cache.load_cached("tokens", entry.stem.split("-", 1)[1], dict)
    assert cached and cached["monétaire"] == (spacy.blank("fr").vocab.strings["monétaire"],)
    assert names(spacy.blank("fr")) == first and ("Fonds monétaire international", "ORG") in first
