"""The command line: diagnostics, exit codes, inputs never modified, deterministic output."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, source_text
from translator.cli import main

DIAG = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): .+ \[(?P<code>[A-Z]\d{3})\]$")


def run_cli(*args):
    """Run `cutrans` in a subprocess so that exit codes and stderr are the real ones."""
    proc = subprocess.run([sys.executable, "-m", "translator.cli", *args], capture_output=True, text=True, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr


def _digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_syntax_error_gives_a_clang_style_diagnostic_and_exit_1(tmp_path):
    bad = tmp_path / "bad.cu"
    bad.write_text("__global__ void k(float* a) {\n  a[0] = ;\n}\n")
    code, _, err = run_cli("convert", str(bad), "--to", "opencl", "-o", str(tmp_path / "out"))
    assert code == 1
    line = err.strip().splitlines()[0]
    m = DIAG.match(line)
    assert m, line
    assert m["path"] == str(bad) and m["line"] == "2" and m["code"] == "P002" and m["sev"] == "error"
    assert "Traceback" not in err


def test_missing_file(tmp_path):
    code, _, err = run_cli("convert", str(tmp_path / "nope.cu"), "--to", "hip", "-o", str(tmp_path))
    assert code == 1
    assert "[P001]" in err and "no such file" in err and "Traceback" not in err


def test_non_cuda_file_is_refused(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    code, _, err = run_cli("convert", str(text), "--to", "cpu", "-o", str(tmp_path / "o"))
    assert code == 1 and "[P004]" in err


def test_binary_file_is_refused(tmp_path):
    blob = tmp_path / "blob.cu"
    blob.write_bytes(b"\x7fELF\x00\x00\x01")
    code, _, err = run_cli("convert", str(blob), "--to", "cpu", "-o", str(tmp_path / "o"))
    assert code == 1 and "[P004]" in err


def test_unsupported_construct_names_its_location(tmp_path):
    src = tmp_path / "rec.cu"
    src.write_text("__device__ int f(int x) { return x ? f(x - 1) : 0; }\n"
                   "__global__ void k(int* o) { o[0] = f(3); }\n"
                   "int main() { int* d = 0; k<<<1, 1>>>(d); return 0; }\n")
    code, _, err = run_cli("convert", str(src), "--to", "opencl", "-o", str(tmp_path / "o"))
    assert code == 1
    assert any(DIAG.match(l) and "[L004]" in l for l in err.splitlines()), err
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_usage_errors_exit_2():
    code, _, err = run_cli("convert", "x.cu", "--to", "fortran", "-o", "out")
    assert code == 2 and "[U001]" in err
    code, _, _ = run_cli("frobnicate")
    assert code == 2


def test_json_diagnostics(tmp_path):
    code, _, err = run_cli("convert", str(tmp_path / "nope.cu"), "--to", "hip", "-o", str(tmp_path),
                           "--output-format", "json")
    assert code == 1
    data = json.loads(err)
    assert data["diagnostics"][0]["code"] == "P001"


# Every sample with headers of its own (converted beside it), and every eighth of the rest: the golden tests
# already pin every sample's output byte for byte, from another process with another hash seed.
CLI_SAMPLES = sorted({*[s for s in SAMPLES if '#include "' in source_text(s)], *SAMPLES[::8]})


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_inputs_are_never_modified_and_output_is_deterministic(tmp_path, target):
    """Converting the same files twice, the second time in a new process with another hash seed, writes the
    same bytes and leaves the inputs (and the headers they include) as they were."""
    src = tmp_path / "in"
    shutil.copytree(ROOT / "samples", src)
    before = _digest(src)
    inputs = [str(src / s.name) for s in CLI_SAMPLES]
    assert main(["convert", *inputs, "--to", target, "-o", str(tmp_path / "out0")]) == 0
    again = subprocess.run([sys.executable, "-m", "translator.cli", "convert", *inputs, "--to", target,
                            "-o", str(tmp_path / "out1")], capture_output=True, text=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert again.returncode == 0, again.stderr
    assert _digest(src) == before
    assert _digest(tmp_path / "out0") == _digest(tmp_path / "out1")
    assert len(_digest(tmp_path / "out0")) > len(CLI_SAMPLES)


def test_output_dir_equal_to_input_dir_never_overwrites_an_input(tmp_path):
    src = tmp_path / "x.cpp"
    src.write_text((ROOT / "samples" / "vector_add.cu").read_text())
    before = src.read_bytes()
    code = main(["convert", str(src), "--to", "opencl", "-o", str(tmp_path)])
    assert code == 1
    assert src.read_bytes() == before


def test_ir_command_prints_the_ir(capsys):
    assert main(["ir", str(ROOT / "samples" / "block_reduction.cu")]) == 0
    out = capsys.readouterr().out
    assert "kernel block_sum(" in out and "barrier block" in out


def test_in_place_keeps_a_backup_and_never_overwrites_it(tmp_path):
    src = tmp_path / "prog.cu"
    original = (ROOT / "samples" / "vector_add.cu").read_bytes()
    src.write_bytes(original)
    assert main(["convert", str(src), "--to", "hip", "--in-place"]) == 0
    backup = tmp_path / "prog.cu.orig"
    assert backup.read_bytes() == original
    assert b"hipMalloc" in src.read_bytes() and b"cudaMalloc" not in src.read_bytes()
    converted = src.read_bytes()
    code, _, err = run_cli("convert", str(src), "--to", "hip", "--in-place")
    assert code == 2 and "[U001]" in err and "exists already" in err
    assert src.read_bytes() == converted and backup.read_bytes() == original


def test_in_place_is_refused_for_multi_file_targets(tmp_path):
    src = tmp_path / "prog.cu"
    src.write_bytes((ROOT / "samples" / "vector_add.cu").read_bytes())
    code, _, err = run_cli("convert", str(src), "--to", "opencl", "--in-place")
    assert code == 2 and "[U001]" in err
    assert not (tmp_path / "prog.cu.orig").exists()


def test_stats_count_converted_and_unconverted_references(tmp_path, capsys):
    src = tmp_path / "graphs.cu"
    src.write_text("#include <cuda_runtime.h>\n__global__ void k(float* a) { a[0] = 1.0f; }\n"
                   "int main() { float* d; cudaMalloc(&d, 4); cudaGraph_t g; k<<<1, 1>>>(d);\n"
                   "  cudaDeviceSynchronize(); cudaFree(d); return 0; }\n")
    assert main(["convert", str(src), "--to", "hip", "-o", str(tmp_path / "o"), "--stats",
                 "--output-format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)["stats"][0]
    assert data["kernels"] == 1 and data["launches"] == 1
    assert sum(data["converted"].values()) >= 3
    code = main(["convert", str(src), "--to", "cpu", "-o", str(tmp_path / "c"), "--stats"])
    out = capsys.readouterr().out
    assert code == 1 and "cudaGraph_t" in out and "no equivalent on the target" in out


def test_fmad_false_keeps_products_and_sums_apart(tmp_path):
    """--fmad=false (nvcc's option): no fma in the OpenCL output; the default contracts as nvcc does."""
    src = tmp_path / "k.cu"
    src.write_text("__global__ void k(float* r, const float* x, const float* y) { r[0] = x[0] * x[0] - y[0]; }\n")
    outputs = {}
    for flag in ("--fmad=true", "--fmad=false"):
        out = tmp_path / flag[7:]
        rc, _, err = run_cli("convert", str(src), "--to", "opencl", "-o", str(out), flag)
        assert rc == 0, err
        outputs[flag] = (out / "k.cl").read_text()
    assert "fma(x[0], x[0], -y[0])" in outputs["--fmad=true"]
    assert "fma(" not in outputs["--fmad=false"] and "x[0] * x[0] - y[0]" in outputs["--fmad=false"]


@pytest.mark.parametrize("target", ["hip", "opencl", "cpu"])
def test_latin1_bytes_in_host_string_literals_pass_through(tmp_path, target):
    """A Latin-1 byte inside a host string literal (clang takes it; nvcc 13 does not, so the sample
    latin1_source_bytes.cu keeps its raw bytes in comments) comes out as the same byte."""
    src = tmp_path / "degrees.cu"
    src.write_bytes(b'#include <cstdio>\n#include <cuda_runtime.h>\n__global__ void k(float *p) { p[0] = 1.0f; }\n'
                    b'int main() { printf("20 \xb0C\\n"); k<<<1, 1>>>(nullptr); return 0; }\n')
    assert main(["convert", str(src), "--to", target, "-o", str(tmp_path / "out")]) == 0
    produced = b"".join(p.read_bytes() for p in sorted((tmp_path / "out").rglob("*")) if p.is_file())
    assert b'printf("20 \xb0C\\n")' in produced
