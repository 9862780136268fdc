"""The CPU target's barrier schedule (translator/backends/cpu_schedule.py): statically uniform guards
stay plain block-level control flow, the rest get a run-time vote (cpu_uniform_check.py)."""

from __future__ import annotations

import pytest

from translator.backends.cpu_schedule import BlockLevel, Region, Scheduler, context_variables
from translator.backends.cpu_uniform_check import Vote
from translator.diagnostics import CutransError
from translator.ir import nodes as N


def _schedule(lower, body: str, params: str = "int *out, const int *lens, int n"):
    module, _ = lower(f"__global__ void k({params}) {{\n    __shared__ int s[64];\n{body}\n}}\n")
    kernel = next(f for f in module.functions if f.kind == "kernel")
    stmts = [s for s in kernel.body.stmts if not (isinstance(s, N.VarDecl) and s.space == "shared")]
    return Scheduler(kernel).schedule(stmts)


def _kinds(schedule):
    return [type(item).__name__ for item in schedule]


def test_loop_with_uniform_bound_stays_a_plain_loop(lower):
    schedule = _schedule(lower, "for (int i = 0; i < n; ++i) { s[threadIdx.x] = i; __syncthreads(); }")
    assert _kinds(schedule) == ["BlockLevel"]
    assert schedule[0].checked is None


def test_loop_with_bound_from_memory_is_voted_each_iteration(lower):
    schedule = _schedule(lower, "for (int i = threadIdx.x * 0; i < lens[0]; ++i) {\n"
                                "  s[threadIdx.x] = i; __syncthreads(); out[threadIdx.x] = s[0]; }")
    assert _kinds(schedule) == ["Region", "BlockLevel"]          # the init runs per thread first
    loop = schedule[1]
    assert isinstance(loop.checked, Vote) and loop.checked.kind == "loop"
    body = loop.parts[0]
    assert body[0] is loop.checked                                # the vote heads each iteration
    assert isinstance(body[-1], Region)                           # and the step ends it
    assert "i" in context_variables(schedule)                     # i lives across the regions


def test_if_on_shared_memory_is_voted(lower):
    schedule = _schedule(lower, "s[threadIdx.x] = 1; __syncthreads();\n"
                                "if (s[0] > 0) { __syncthreads(); out[threadIdx.x] = s[1]; }")
    votes = [item for item in schedule if isinstance(item, Vote)]
    branches = [item for item in schedule if isinstance(item, BlockLevel)]
    assert len(votes) == 1 and votes[0].kind == "if" and branches[0].checked is votes[0]


def test_uniform_local_is_declared_once_at_block_level(lower):
    schedule = _schedule(lower, "int half = n / 2;\nint t = threadIdx.x;\n"
                                "if (half > 3) { __syncthreads(); out[t] = half; }")
    decls = [item for item in schedule if isinstance(item, N.VarDecl)]
    assert [d.name for d in decls] == ["half"]
    assert "half" not in context_variables(schedule) and "t" in context_variables(schedule)


@pytest.mark.parametrize("escape", ["break;", "continue;"])
def test_break_out_of_a_barrier_loop_is_refused(lower, escape):
    with pytest.raises(CutransError) as info:
        _schedule(lower, f"for (int i = 0; i < n; ++i) {{ if (out[i] < 0) {escape} __syncthreads(); }}")
    assert info.value.diagnostics[0].code == "L005"


@pytest.mark.parametrize("escape", [N.Break, N.Continue])
def test_an_escape_every_thread_takes_alike_runs_at_block_level(lower, escape):
    word = "break;" if escape is N.Break else "continue;"
    schedule = _schedule(lower, f"for (int i = 0;; ++i) {{ if (i == n) {{ out[threadIdx.x] = i; {word} }}\n"
                                "  s[threadIdx.x] = i; __syncthreads(); }")
    assert _kinds(schedule) == ["BlockLevel"] and schedule[0].checked is None
    branch = schedule[0].parts[0][0]
    assert isinstance(branch, BlockLevel) and isinstance(branch.stmt, N.If)
    assert [type(item) for item in branch.parts[0]] == [Region, escape]      # the store, then the escape


def test_an_escape_under_a_thread_dependent_condition_is_refused(lower):
    with pytest.raises(CutransError) as info:
        _schedule(lower, "for (int i = 0; i < n; ++i) { if (threadIdx.x == 3) break; __syncthreads(); }")
    assert info.value.diagnostics[0].code == "L005"
    assert "taken by every thread of the block alike" in info.value.diagnostics[0].message


def test_break_of_an_inner_loop_is_fine(lower):
    schedule = _schedule(lower, "for (int i = 0; i < n; ++i) {\n"
                                "  for (int j = 0; j < 4; ++j) { if (out[j] < 0) break; }\n  __syncthreads(); }")
    assert _kinds(schedule) == ["BlockLevel"]


def test_emitted_vote_checks_agreement_and_names_the_kernel(lower, cuda_file):
    from translator.driver import backend_for, load_unit
    path = cuda_file("__global__ void vk(int *out, const int *lens) {\n"
                     "    __shared__ int s[64];\n"
                     "    while (s[0] < lens[0]) { __syncthreads(); if (threadIdx.x == 0) s[0] += 1; __syncthreads(); }\n"
                     "}\n", name="vote_text.cu")
    files = backend_for("cpu").translate(load_unit(path), {}).files
    text = files["vote_text.kernels.c"]
    text = text.decode() if isinstance(text, bytes) else text
    assert "#pragma omp simd reduction(+:cutrans_vote1)" in text
    assert 'cutrans_check_uniform(cutrans_vote1, cutrans_nthreads, "vk", "vote_text.cu", 3);' in text
    assert "if (cutrans_vote1 == 0) break;" in text and "for (;;) {" in text


@pytest.mark.parametrize("write", ["f.x += (float)threadIdx.x;", "f.y = 1.0f + threadIdx.x;",
                                   "float *p = &f.z; *p = 2.0f;", "t.inner.count++;"])
def test_a_variable_written_in_part_is_not_uniform(lower, write):
    from translator.passes.uniformity import Uniformity
    module, diags = lower("struct In { int count; };\nstruct T { float a; In inner; };\n"
                          "__global__ void k(float4 *out) {\n"
                          "    float4 f = make_float4(0.0f, 0.0f, 0.0f, 0.0f);\n    T t = {0.0f, {0}};\n"
                          f"    {write}\n"
                          "    out[threadIdx.x] = make_float4(f.x, f.y, f.z, (float)t.inner.count);\n}\n")
    assert not diags, diags
    uniform = Uniformity(next(f for f in module.functions if f.kind == "kernel")).uniform
    written = "t" if write.startswith("t.") else "f"
    assert written not in uniform and {"f", "t"} - {written} <= uniform
