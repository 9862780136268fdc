"""The accuracy the original promises for each math function, next to what OpenCL C promises.

One record per IR math function: the maximum error in ulp that CUDA documents for it (CUDA C++
Programming Guide, appendix "Mathematical Functions", standard functions, full range) and that the
OpenCL C 1.2 specification allows its built-in (section 7.4, tables 7.1 and 7.2: full profile). `None`
means the document gives no bound. Both sides are measured against the correctly rounded result, so a
translation and its reference can sit `cuda + opencl` ulp apart even when both are conforming.

The OpenCL backend spells every function with the OpenCL built-in of the same name (OPENCL_MATH);
CUDA's fast intrinsics (`__expf`, `__logf`, `__sinf`, `__fdividef`, ...) too: never with `native_*`,
whose accuracy OpenCL leaves to the implementation, so no verify tolerance could cover it, while the
accurate function is always within the bound CUDA documents for the intrinsic (FAST_INTRINSICS).
Divide and sqrt are built with `-cl-fp32-correctly-rounded-divide-sqrt`, so they are exact as in CUDA.

`reason` says why the default verify tolerance (translator/verify/buffers.py: 4 ulp for float32 and
float64 in kernel mode; printed numbers in program mode are compared far more loosely) still holds
where OpenCL's bound is looser than CUDA's. tests/unit/test_atomics_intrinsics.py checks that every
float function the OpenCL backend spells has a record, and that a record whose OpenCL bound exceeds
CUDA's says why.
"""

from __future__ import annotations

import dataclasses

from translator.ir.builtins import CLASSIFY


@dataclasses.dataclass(frozen=True)
class Bound:
    cuda_f32: int | None
    opencl_f32: int | None
    cuda_f64: int | None
    opencl_f64: int | None
    reason: str = ""

    def looser_on_opencl(self, tname: str) -> bool:
        cuda, opencl = (self.cuda_f32, self.opencl_f32) if tname == "f32" else (self.cuda_f64, self.opencl_f64)
        return opencl is None or (cuda is not None and opencl > cuda)


EXACT = Bound(0, 0, 0, 0)
_MEASURED = ("OpenCL's bound is looser than CUDA's; the implementations we run on (PoCL's, from its "
             "vectorized libm) stay within 1-2 ulp of the correctly rounded result, which the default "
             "4-ulp tolerance covers; a device that uses all of OpenCL's slack fails verify with the "
             "ulp distance shown, never silently")
_GAMMA = ("CUDA's own bound (lgamma 6 ulp outside [-10.001, -2.264], tgamma 5/10 ulp) already exceeds the "
          "default tolerance; kernel-mode cases using it must widen max_ulp with a reason")

MATH_PRECISION: dict[str, Bound] = {
    # exact everywhere (correctly rounded by definition, or sqrt with the build option)
    **{f: EXACT for f in ("fabs", "floor", "ceil", "trunc", "round", "rint", "fmin", "fmax", "fmod",
                          "remainder", "copysign", "fdim", "fma", "ldexp", "frexp", "sqrt", "divide",
                          "saturate", "min", "max", "abs", "float_as_uint", "float_as_int", "half_as_ushort",
                          "half_as_short", "fma_bf16", "double_as_longlong", "double2hiint", "double2loint",
                          *CLASSIFY)},
    "cbrt": Bound(1, 2, 1, 2, _MEASURED),
    "rsqrt": Bound(2, 2, 1, 2, _MEASURED),
    "exp": Bound(2, 3, 1, 3, _MEASURED), "exp2": Bound(2, 3, 1, 3, _MEASURED),
    "exp10": Bound(2, 3, 1, 3, _MEASURED), "expm1": Bound(1, 3, 1, 3, _MEASURED),
    "log": Bound(1, 3, 1, 3, _MEASURED), "log2": Bound(1, 3, 1, 3, _MEASURED),
    "log10": Bound(2, 3, 1, 3, _MEASURED), "log1p": Bound(1, 2, 1, 2, _MEASURED),
    "sin": Bound(2, 4, 2, 4, _MEASURED), "cos": Bound(2, 4, 2, 4, _MEASURED),
    "tan": Bound(4, 5, 2, 5, _MEASURED),
    "asin": Bound(2, 4, 2, 4, _MEASURED), "acos": Bound(2, 4, 2, 4, _MEASURED),
    "atan": Bound(2, 5, 2, 5, _MEASURED), "atan2": Bound(3, 6, 2, 6, _MEASURED),
    "sinh": Bound(3, 4, 2, 4, _MEASURED), "cosh": Bound(2, 4, 1, 4, _MEASURED),
    "tanh": Bound(2, 5, 2, 5, _MEASURED),
    "asinh": Bound(3, 4, 3, 4, _MEASURED), "acosh": Bound(4, 4, 3, 4, _MEASURED),
    "atanh": Bound(3, 5, 2, 5, _MEASURED),
    "hypot": Bound(3, 4, 2, 4, _MEASURED),
    "pow": Bound(4, 16, 2, 16, _MEASURED),
    "erf": Bound(2, 16, 2, 16, _MEASURED), "erfc": Bound(4, 16, 5, 16, _MEASURED),
    "lgamma": Bound(6, None, 4, None, _GAMMA), "tgamma": Bound(5, 16, 10, 16, _GAMMA),
}

# CUDA's fast intrinsics -> the bound CUDA documents for them; the translation computes the accurate
# function (MATH_PRECISION), which is inside every one of these bounds.
FAST_INTRINSICS = {
    "__expf": "2 + floor(|1.173 x|) ulp", "__exp10f": "2 + floor(|2.97 x|) ulp",
    "__logf": "absolute 2^-21.41 for x in [0.5, 2], else 3 ulp",
    "__log2f": "absolute 2^-22 for x in [0.5, 2], else 2 ulp",
    "__log10f": "absolute 2^-24 for x in [0.5, 2], else 3 ulp",
    "__sinf": "absolute 2^-21.41 for x in [-pi, pi], larger outside",
    "__cosf": "absolute 2^-21.19 for x in [-pi, pi], larger outside",
    "__tanf": "derived from __sinf / __cosf", "__powf": "derived from __expf and __logf",
    "__fdividef": "2 ulp for |y| in [2^-126, 2^126], else 0 or inf",
}
