"""Backends: one parsed unit serves every target; emitted spellings for a few constructs."""

from __future__ import annotations

from tests.conftest import ROOT
from translator.driver import backend_for, load_unit


def test_one_unit_translates_the_same_for_every_target_in_any_order():
    """Regression: passes rewrite the IR in place; the OpenCL pipeline once leaked its extra kernel
    parameters into the CPU translation of the same unit."""
    sample = str(ROOT / "samples" / "constant_memory.cu")
    shared = load_unit(sample)
    first = {t: backend_for(t).translate(shared, {}).files for t in ("opencl", "cpu")}
    fresh = {t: backend_for(t).translate(load_unit(sample), {}).files for t in ("cpu", "opencl")}
    assert first == fresh


def test_opencl_passes_device_globals_as_buffers_and_cpu_declares_them():
    sample = str(ROOT / "samples" / "constant_memory.cu")
    unit = load_unit(sample)
    cl = backend_for("opencl").translate(unit, {}).files
    assert b"__constant float* coeffs" in cl["constant_memory.cl"]
    assert b"oclrtSymbolAddress(&coeffs, sizeof(coeffs)" in cl["constant_memory.launch.h"]
    assert b"static float coeffs[5] = {1.0f, -0.5f, 0.25f, -0.125f, 0.0625f};" in cl["constant_memory.launch.h"]
    cpu = backend_for("cpu").translate(unit, {}).files
    assert b"float coeffs[5] = {1.0f, -0.5f, 0.25f, -0.125f, 0.0625f};" in cpu["constant_memory.kernels.c"]
    assert b"extern float coeffs[5];" in cpu["constant_memory.launch.h"]


def test_operator_spellings_of_intrinsics_keep_operand_grouping(lower):
    """Regression: __fdividef(a * b, 1.f + c) was once emitted as `a * b / 1.f + c`."""
    from translator.passes import run_pipeline
    module, _ = lower("__global__ void k(float* o, float a, float c) {"
                      " o[0] = __fdividef(a * c, 1.0f + c); o[1] = rsqrtf(a + c); o[2] = __saturatef(a - c); }")
    for target in ("opencl", "cpu"):
        backend = backend_for(target)
        text = backend.visit(run_pipeline(module, target).functions[0])
        assert "(a * c) / (1.0f + c)" in text
        assert "a * c / 1.0f + c" not in text
    cpu = backend_for("cpu").visit(run_pipeline(module, "cpu").functions[0])
    assert "(1.0f / sqrtf(a + c))" in cpu
