"""Every golden OpenCL program builds on PoCL with -Werror.

A warning in generated code is a bug waiting or an expression a reader has to puzzle over: half_as_float once
passed a `uint *` where a helper took a `float2 *` (PoCL only warned, and every result was wrong), and the
printer wrote `v >> 18 - 6 * k & 63u` where C's precedence is right but clang asks for parentheses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import need

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "opencl"
PROGRAMS = sorted(GOLDEN.glob("*.cl"))
OPTIONS = ["-cl-fp32-correctly-rounded-divide-sqrt", "-Werror"]


@pytest.fixture(scope="module")
def context():
    try:
        import pyopencl as cl
        devices = [d for p in cl.get_platforms() for d in p.get_devices()]
    except Exception as exc:        # no pyopencl, no ICD loader, or no platform
        need("opencl", f"pyopencl has no OpenCL device: {exc}")
    if not devices:
        need("opencl", "pyopencl finds no OpenCL device")
    return cl, cl.Context(devices=devices[:1])


@pytest.mark.toolchain
@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_golden_opencl_program_builds_without_warnings(context, program):
    cl, ctx = context
    try:
        cl.Program(ctx, program.read_text()).build(options=OPTIONS)
    except cl.RuntimeError as exc:
        lines = [line for line in str(exc).splitlines() if "warning" in line or "error" in line]
        pytest.fail(f"{program.name} does not build with -Werror:\n" + "\n".join(lines[:10]))
