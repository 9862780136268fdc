"""benchmarks/real_cuda.py's ordering, deadline and incremental JSON, without a GPU."""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import real_cuda  # noqa: E402


ITEMS = [("a.cu", ["a.cu"]), ("struct_b.cu", ["struct_b.cu"]), ("case struct_b:k", ["--case", "struct_b:k"]),
         ("c.cu", ["c.cu"])]


def test_first_moves_the_matching_rows_to_the_front_in_their_order():
    assert [n for n, _ in real_cuda.first(ITEMS, ["struct_"])] == ["struct_b.cu", "case struct_b:k", "a.cu", "c.cu"]
    assert real_cuda.first(ITEMS, []) == ITEMS


def _args(tmp_path, deadline):
    return argparse.Namespace(jobs=1, timeout=5, deadline=deadline, json=str(tmp_path / "out.json"))


def test_every_row_is_kept_in_the_json_and_the_table(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(real_cuda, "check", lambda item, timeout, columns: (
        item[0], {c: {"status": "fail" if item[0] == "c.cu" else "pass", "detail": "off by one"} for c in columns}))
    rows = real_cuda.run_all(ITEMS, _args(tmp_path, 0), ("emulate", "opencl"), "env")
    assert [n for n, _ in rows] == [n for n, _ in ITEMS]
    saved = json.loads((tmp_path / "out.json").read_text())
    assert saved["environment"] == "env" and set(saved["rows"]) == {n for n, _ in ITEMS}
    out, err = capsys.readouterr()
    assert "c.cu [opencl]: off by one" in out and "c.cu: emulate=FAIL opencl=FAIL" in err


def test_rows_past_the_deadline_are_not_run(tmp_path, monkeypatch, capsys):
    clock = iter(range(0, 1000, 10))
    monkeypatch.setattr(real_cuda.time, "monotonic", lambda: next(clock))
    ran = []
    monkeypatch.setattr(real_cuda, "check", lambda item, timeout, columns: (ran.append(item[0]) or item[0],
                                                                             {"opencl": {"status": "pass"}}))
    rows = real_cuda.run_all(ITEMS, _args(tmp_path, 15), ("opencl",), "env")
    assert ran == ["a.cu"]
    assert [cells for _, cells in rows][1:] == [{}, {}, {}]
    out, err = capsys.readouterr()
    assert "3 not run (deadline)" in out and "c.cu: not run (deadline)" in err
