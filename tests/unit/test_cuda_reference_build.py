"""How `--reference cuda` calls nvcc (translator/verify/cuda_reference.build), without nvcc: the OpenMP flags
that an H200 run showed to be needed (sample host_openmp_reference.cu did not link)."""

import subprocess

import pytest

from translator.verify import cuda_reference


@pytest.fixture
def nvcc_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(cuda_reference, "nvcc", lambda: "/opt/cuda/bin/nvcc")
    monkeypatch.setattr(subprocess, "run", lambda argv, **kw: calls.append((argv, kw.get("env") or {})) or
                        subprocess.CompletedProcess(argv, 0, "", ""))
    return calls


def _program(folder, text, name="p.cu"):
    (folder / name).write_text(text)
    return folder / name


@pytest.mark.parametrize("where", ["source", "header"])
def test_a_program_that_includes_omp_h_is_built_and_linked_with_openmp(tmp_path, nvcc_calls, where):
    omp = "#include <omp.h>\nint main() { return omp_get_max_threads() > 0 ? 0 : 1; }\n"
    if where == "header":
        (tmp_path / "timer.h").write_text("#include <omp.h>\n")
        omp = '#include "timer.h"\nint main() { return 0; }\n'
    cuda_reference.build(_program(tmp_path, omp), tmp_path / "p")
    cuda_reference.build(tmp_path / "p.cu", tmp_path / "p.o", compile_only=True, arch="sm_90")
    (linked, _), (compiled, _) = nvcc_calls
    assert "-Xcompiler=-fopenmp" in linked and "-lgomp" in linked
    assert "-Xcompiler=-fopenmp" in compiled and "-lgomp" not in compiled


def test_a_program_without_omp_h_gets_no_openmp(tmp_path, nvcc_calls):
    (tmp_path / "notes.h").write_text("// uses omp.h elsewhere, not here\n")
    cuda_reference.build(_program(tmp_path, "int main() { return 0; }\n"), tmp_path / "p")
    assert not any("openmp" in a or a == "-lgomp" for a in nvcc_calls[0][0])

