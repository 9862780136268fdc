"""OpenCL C backend: kernels from IR into `<stem>.cl`, host code onto runtime_shims/opencl."""

from __future__ import annotations

from pathlib import Path

from translator.backends.base import C_MATH, C_TYPES, PRECEDENCE, CFamilyEmitter
from translator.backends.program import ProgramBackend, render

OPENCL_TYPES = {**C_TYPES, "i8": "char", "u8": "uchar", "u16": "ushort", "u32": "uint", "i64": "long",
                "u64": "ulong", "f16": "half"}

# OpenCL's math built-ins are overloaded: one spelling serves float and double.
OPENCL_MATH = {key: fmt.replace(f"{key[0]}f(", f"{key[0]}(") for key, fmt in C_MATH.items()}
OPENCL_MATH.update({
    ("rsqrt", "f32"): "rsqrt({0})", ("rsqrt", "f64"): "rsqrt({0})",
    ("saturate", "f32"): "fmin(fmax({0}, 0.0f), 1.0f)",
    ("min", "f32"): "fmin({0}, {1})", ("max", "f32"): "fmax({0}, {1})",
    ("abs", "i32"): "(int)abs({0})",         # OpenCL's abs(int) returns uint
})


class OpenCLBackend(ProgramBackend, CFamilyEmitter):
    name = "opencl"
    kernel_qualifier = "__kernel"
    device_qualifier = ""
    space_prefix = {"global": "__global ", "shared": "__local ", "constant": "__constant ",
                    "private": "", "local": "", "generic": ""}
    barrier = "barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE)"
    fences = {"block": "mem_fence(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE)",
              "device": "mem_fence(CLK_GLOBAL_MEM_FENCE)"}
    special_regs = {
        "thread_idx": "(uint)get_local_id({index})", "block_idx": "(uint)get_group_id({index})",
        "block_dim": "(uint)get_local_size({index})", "grid_dim": "(uint)get_num_groups({index})",
        "warp_size": "32",
    }
    special_reg_prec = PRECEDENCE["unary"]
    type_map = OPENCL_TYPES
    int_suffix = {"u32": "u", "i64": "L", "u64": "UL"}
    math_table = OPENCL_MATH
    min_max_ints = "{op}({0}, {1})"
    # CUDA divides and takes square roots correctly rounded unless -use_fast_math; OpenCL must be told.
    build_options = "-cl-fp32-correctly-rounded-divide-sqrt"
    runtime_dir = "opencl"
    device_suffix = ".cl"
    template_dir = "opencl"

    runtime_header = "oclrt.h"

    def device_source(self, module, unit) -> str:
        functions = [self.visit(f) for f in module.functions]
        return render("opencl/program.cl.j2", source_name=Path(unit.path).name, functions=functions,
                      features=self.features)
