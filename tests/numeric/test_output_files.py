"""Program mode's --output-file: files a program writes are captured per run, compared, and the working
folder is left as it was found."""

from __future__ import annotations

import pytest

from tests.numeric.test_verify import _perturbing, _tools
from translator.cli import main
from translator.frontend.clang_setup import CompileOptions
from translator.verify.compare import DEFAULT_POLICY
from translator.verify.output_files import compare_files
from translator.verify.program import verify_program

WRITER = r"""
#include <cstdio>
__global__ void square(float* v, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) v[i] = v[i] * v[i];
}
int main()
{
    const int n = 100;
    float h[n];
    for (int i = 0; i < n; ++i) h[i] = 0.5f * i;
    float* d;
    cudaMalloc((void**)&d, sizeof h);
    cudaMemcpy(d, h, sizeof h, cudaMemcpyHostToDevice);
    square<<<1, 128>>>(d, n);
    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    FILE* text = fopen("squares.txt", "w");
    for (int i = 0; i < n; ++i) fprintf(text, "%g\n", h[i]);
    fclose(text);
    FILE* binary = fopen("squares.bin", "wb");
    fwrite(h, sizeof h, 1, binary);
    fclose(binary);
    printf("done\n");
    return 0;
}
"""


def test_compare_files(tmp_path):
    (tmp_path / "a.txt").write_text("1.0 2.0\n")
    (tmp_path / "b.txt").write_text("1.0 2.5\n")
    (tmp_path / "a.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x03\x04")
    assert compare_files({"t": tmp_path / "a.txt"}, {"t": tmp_path / "a.txt"}, DEFAULT_POLICY) == []
    [text] = compare_files({"t": tmp_path / "a.txt"}, {"t": tmp_path / "b.txt"}, DEFAULT_POLICY)
    assert text.startswith("t: 1 mismatch") and "expected 2.0, got 2.5" in text
    [binary] = compare_files({"b": tmp_path / "a.bin"}, {"b": tmp_path / "b.bin"}, DEFAULT_POLICY)
    assert "differ at byte 2 (reference 3 bytes, translation 4 bytes)" in binary
    assert compare_files({"x": None}, {"x": tmp_path / "a.bin"}, DEFAULT_POLICY) == ["x: the reference did not write it"]
    assert "did not write" in compare_files({"x": tmp_path / "a.bin"}, {"x": None}, DEFAULT_POLICY)[0]


@pytest.mark.toolchain
def test_output_files_are_compared_and_the_folder_restored(tmp_path, monkeypatch):
    _tools("cpu")
    source = tmp_path / "writer.cu"
    source.write_text(WRITER)
    (tmp_path / "squares.txt").write_text("the user's own file\n")
    files = ["squares.txt", "squares.bin"]
    [ok] = verify_program(str(source), ["cpu"], options=CompileOptions(), cwd=str(tmp_path), output_files=files)
    assert ok.status == "pass" and "2 output file(s)" in ok.detail
    assert (tmp_path / "squares.txt").read_text() == "the user's own file\n"
    assert not (tmp_path / "squares.bin").exists()
    _perturbing(monkeypatch, "cpu", b"v[i] = v[i] * v[i];", b"v[i] = v[i] * v[i] + (i == 42);")
    [bad] = verify_program(str(source), ["cpu"], options=CompileOptions(), cwd=str(tmp_path), output_files=files)
    assert bad.status == "fail"
    assert "squares.txt: 1 mismatch" in bad.detail and "squares.bin: binary files differ at byte 169" in bad.detail
    assert (tmp_path / "squares.txt").read_text() == "the user's own file\n"


def test_output_file_must_stay_inside_the_folder(capsys):
    assert main(["verify", "x.cu", "--output-file", "../escape.txt"]) == 2
    assert "inside the working folder" in capsys.readouterr().err
