"""IR -> IR passes. The order for each backend is written down once, in `pipeline`."""

from __future__ import annotations

import functools

from translator.passes.address_spaces import infer_address_spaces
from translator.passes.globals_to_params import globals_to_params
from translator.passes.half_as_float import half_as_float
from translator.passes.half_params import half_params
from translator.passes.hoist_shared import hoist_shared
from translator.passes.inline_warp_functions import inline_barrier_functions
from translator.passes.legalize_names import legalize_names
from translator.passes.lower_matrix_ops import lower_matrix_ops
from translator.passes.lower_warp_ops import lower_warp_ops
from translator.passes.shared_offsets import wrap_shared_offsets
from translator.passes.shared_params import shared_params
from translator.passes.sink_thread_loops import sink_thread_loops
from translator.passes.unique_names import located, unique_names
from translator.passes.verify_ir import verify_module
from translator.passes.warp_matrix_ops import warp_matrix_ops


def pipeline(backend: str) -> list:
    """The passes a backend needs, in order, each with the reason for its place.

    1. verify_module first: every later pass assumes a well-formed module. half_params (OpenCL, CPU)
       next: it only turns by-value __half kernel parameters into floats and a local half, which every
       later pass then treats like the program's own variable.
    2. warp_matrix_ops (CPU) right before lower_matrix_ops, which writes the helpers of the per-warp
       ops it makes; it adds block barriers and `__shared__` tiles, which lower_warp_ops, hoisting and
       the barrier regions then treat like the program's own.
       lower_matrix_ops (OpenCL, CPU, CUDA) before everything else: it adds device functions with
       generic pointer parameters, which address-space inference then resolves (and clones) like the
       user's own; it adds no warp operations or barriers.
    3. shared_params (OpenCL, CPU) after the matrix passes and before any inlining: it turns a device
       function's `__shared__` variables into pointer parameters that each kernel reaching it declares
       once, as CUDA has one per block; the inliners then bind them like any parameter, and address
       spaces resolve them to shared memory.
       inline_barrier_functions (CPU) before lower_warp_ops: a device function that reaches a block
       barrier is inlined into its kernels, since a barrier region exists only in a kernel (a barrier
       left in a called function would be no barrier at all on the CPU).
       lower_warp_ops (OpenCL, CPU: no sub-groups) before address spaces and hoisting: it adds
       `__shared__` scratch arrays, block barriers and helper device functions, which the later
       passes then treat like the user's own; the CPU barrier regions see its barriers too.
    4. infer_address_spaces before anything that emits declarations: OpenCL needs a space on every
       pointer, and hoisting copies declarations with their types. On OpenCL unique_names (pointers,
       arrays and __shared__ variables only) comes right before it: inference, half_as_float and the
       backend map each such name to its space, so two pointers of one name in sibling scopes (HeCBench
       fma's `b_ptr` into global and into __shared__ memory) must not share an entry.
       wrap_shared_offsets (OpenCL, CPU) right after inference, which tells it the pointers into shared
       memory: an unsigned 32-bit offset added to one is taken as signed, as the GPU's 32-bit shared window
       takes it.
    5. half_as_float (OpenCL) after address spaces, which tell it which f16 pointers reach global
       memory (vload_half/vstore_half) and which point into arrays it turns into floats.
    6. hoist_shared (OpenCL and CPU) after address spaces: it moves `__shared__` declarations to the
       kernel's outermost scope, where OpenCL requires `__local` variables and where the CPU
       backend allocates per-block storage.
    7. unique_names (CPU) after hoisting and before emission: the CPU backend stores variables that
       live across barriers in per-thread arrays, found by name, so a name must mean one variable.
       sink_thread_loops (CPU) after unique_names too: it moves a loop variable's declaration into its
       loop and stores a guard per thread, which the barrier regions find by name; its block barriers
       come after lower_warp_ops, which it therefore never sees.
    8. legalize_names (OpenCL, CPU) after unique_names, so that a name it makes up cannot be taken
       by a later renaming, and before emission.
    9. globals_to_params (OpenCL) after legalize_names: it adds parameters named after device globals,
       whose names the host side also uses and which therefore must not be renamed afterwards.
    10. verify_module last, so that a pass that breaks the IR is caught before emission.
    """
    for_target = functools.partial(legalize_names, target=backend)
    located_names = functools.partial(unique_names, only=located)
    stages = {
        "opencl": [verify_module, half_params, lower_matrix_ops, shared_params, lower_warp_ops, located_names, infer_address_spaces, wrap_shared_offsets, half_as_float, hoist_shared, for_target, globals_to_params, verify_module],
        "cpu": [verify_module, half_params, warp_matrix_ops, lower_matrix_ops, shared_params, inline_barrier_functions, lower_warp_ops, infer_address_spaces, wrap_shared_offsets, hoist_shared, unique_names, sink_thread_loops, for_target, verify_module],
        "cuda": [verify_module, lower_matrix_ops],
    }
    return stages[backend]


def run_pipeline(module, backend: str):
    for p in pipeline(backend):
        module = p(module)
    return module
