"""Template monomorphization: which instances become IR functions, under which names, and what is refused."""

from __future__ import annotations

from pathlib import Path

from translator.backends.program import ProgramBackend
from translator.frontend.clang_setup import CompileOptions, parse
from translator.frontend.host_sites import collect_host_sites
from translator.frontend.lower import lower_module
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import F32, I32, Array

REDUCE = """
template <typename T>
__device__ T twice(T x) { return x + x; }

template <typename T, int BLOCK = 128>
__global__ void reduce(const T* in, T* out, int n) {
    __shared__ T cache[BLOCK];
    int i = threadIdx.x;
    cache[i] = i < n ? twice(in[i]) : T(0);
    __syncthreads();
#pragma unroll
    for (int s = BLOCK / 2; s > 0; s >>= 1) { if (i < s) cache[i] += cache[i + s]; __syncthreads(); }
    if (i == 0) out[0] = twice<T>(cache[0]);
}
"""
LAUNCHES = """
int main() {
    float *a, *b; int *c, *d;
    reduce<float, 256><<<1, 256>>>(a, b, 4);
    reduce<<<1, 128>>>(c, d, 4);
    reduce<int><<<1, 128>>>(c, d, 4);
    return 0;
}
"""


def _fn(module, name):
    return next(f for f in module.functions if f.name == name)


def test_launched_instances_become_kernels_once_each(lower):
    module, diags = lower(REDUCE + LAUNCHES)
    assert not diags
    assert [(f.name, f.kind) for f in module.functions] == [
        ("twice_float", "device"), ("reduce_float_256", "kernel"), ("twice_int", "device"), ("reduce_int_128", "kernel")]
    assert [p.type.pointee for p in _fn(module, "reduce_float_256").params[:2]] == [F32, F32]
    assert _fn(module, "twice_int").ret == I32


def test_non_type_parameters_size_shared_arrays_and_become_literals(lower):
    module, _ = lower(REDUCE + LAUNCHES)
    kernel = _fn(module, "reduce_float_256")
    shared = [n for n in walk(kernel) if isinstance(n, N.VarDecl) and n.space == "shared"]
    assert shared[0].type == Array(F32, 256)
    loop = next(n for n in walk(kernel) if isinstance(n, N.For))
    assert [n.value for n in walk(loop.init) if isinstance(n, N.IntLit)] == [256, 2]
    calls = {n.func for n in walk(kernel) if isinstance(n, N.Call)}
    assert calls == {"twice_float"}


def test_instance_locations_are_the_templates_lines(lower):
    module, _ = lower(REDUCE + LAUNCHES)
    kernel = _fn(module, "reduce_int_128")
    assert kernel.loc.line == 6
    assert next(n for n in walk(kernel) if isinstance(n, N.For)).loc.line == 12


def test_a_problem_in_a_template_is_reported_once_at_its_line(lower):
    _, diags = lower("""
template <typename T> __global__ void k(T* o) {
    again: o[0]++; if (o[0] < 3) goto again;
}
int main() { int* a; unsigned* b; k<<<1, 1>>>(a); k<<<1, 1>>>(b); return 0; }""")
    assert [(d.code, d.line) for d in diags] == [("L001", 3)]


def test_the_copy_hides_no_overload_of_the_templates_name(lower):
    module, diags = lower("""
__device__ int f(int x) { return x + 1; }
template <typename T> __device__ T f(T x) { return f(3) * x; }
__global__ void k(float* o) { o[0] = f(o[1]); }""")
    assert not diags
    assert [f.name for f in module.functions] == ["f", "f_float", "k"]
    assert {n.func for n in walk(_fn(module, "f_float")) if isinstance(n, N.Call)} == {"f"}


def test_overloaded_templates_get_distinct_names(lower):
    module, diags = lower("""
template <typename T> __device__ T g(T x) { return x; }
template <typename T> __device__ T g(T x, T y) { return x + y; }
__global__ void k(float* o) { o[0] = g(o[1]) + g(o[2], o[3]); }""")
    assert not diags
    assert [f.name for f in module.functions] == ["g_o1_float", "g_o2_float", "k"]


def test_names_do_not_clash_with_functions_of_the_file(lower):
    module, diags = lower("""
__device__ float h_float(float x) { return -x; }
template <typename T> __device__ T h(T x) { return x; }
__global__ void k(float* o) { o[0] = h(o[1]) + h_float(o[2]); }""")
    assert not diags
    assert [f.name for f in module.functions] == ["h_float_t", "h_float", "k"]


def test_unsigned_pointer_and_negative_arguments_are_mangled_readably(lower):
    module, diags = lower("""
template <typename T, int OFF> __global__ void k(T p, unsigned* o) { o[0] = OFF; }
int main() { unsigned* u; k<unsigned*, -3><<<1, 1>>>(u, u); return 0; }""")
    assert not diags
    kernel = _fn(module, "k_uint_ptr_m3")
    assert [n.value for n in walk(kernel) if isinstance(n, N.IntLit)] == [0, -3]


def test_recursive_template_is_refused(lower):
    _, diags = lower("""
template <typename T> __device__ T r(T x) { return x > 0 ? r(x - 1) : x; }
__global__ void k(int* o) { o[0] = r(o[1]); }""")
    assert [d.code for d in diags] == ["L004"]


def test_variadic_template_is_refused(lower):
    _, diags = lower("""
template <typename... Ts> __device__ int count(Ts... xs) { return sizeof...(xs); }
__global__ void k(int* o) { o[0] = count(1, 2); }""")
    assert [(d.code, d.line) for d in diags] == [("L001", 2)]
    assert "variadic" in diags[0].message


def test_template_template_parameter_is_bound_to_the_named_template(lower):
    module, diags = lower("""
template <typename T> struct Box { T v; };
namespace ops { template <typename T> struct Twice { __device__ static T of(T x) { return x + x; } }; }
template <template <typename> class B, typename T> __device__ T unbox(T x) { return x; }
template <template <typename> class F, typename T> __device__ T apply(T x) { return F<T>::of(x); }
template <template <typename> class F, typename T> __device__ T again(T x) { return apply<F, T>(x); }
__global__ void k(int* o) { o[0] = unbox<Box>(o[2]) + again<ops::Twice, int>(o[1]); }""")
    assert not diags, diags
    names = [f.name for f in module.functions]
    assert {"unbox_Box_int", "apply_Twice_int", "again_Twice_int", "ops_Twice_int_of"} <= set(names), names


def test_launch_depending_on_an_enclosing_template_is_refused(lower):
    _, diags = lower("""
template <typename T> __global__ void k(T* o) { o[0] = 1; }
template <typename T> void run(T* p) { k<T><<<1, 1>>>(p); }
int main() { return 0; }""")
    assert [(d.code, d.line) for d in diags] == [("L001", 3)]


def test_launch_sites_name_their_instance(cuda_file):
    path = cuda_file(REDUCE + LAUNCHES)
    tu, source, _ = parse(path)
    sites = collect_host_sites(tu, path, source)
    assert [s.instance for s in sites.launches] == ["reduce_float_256", "reduce_int_128", "reduce_int_128"]
    assert ProgramBackend.launch_call(sites.launches[0], source) == "cutrans_launch_reduce_float_256(1, 256, 0, 0, a, b, 4)"


def test_plain_launches_have_no_instance(cuda_file):
    path = cuda_file("__global__ void k(int* o) { o[0] = 1; }\nint main() { int* a; k<<<1, 1>>>(a); return 0; }")
    tu, source, _ = parse(path)
    assert [s.instance for s in collect_host_sites(tu, path, source).launches] == [None]


def test_the_input_file_never_changes(cuda_file):
    path = cuda_file(REDUCE + LAUNCHES)
    before = Path(path).read_bytes()
    tu, _, _ = parse(path)
    module, diags = lower_module(tu, path, CompileOptions())
    assert module.functions and not diags
    assert Path(path).read_bytes() == before


def test_options_not_passed_on_are_detected(cuda_file):
    path = cuda_file("#ifndef SCALE\n#define SCALE 2\n#endif\n" + """
template <typename T> __global__ void k(T* o) { o[0] = SCALE; }
int main() { int* a; k<<<1, 1>>>(a); return 0; }""")
    options = CompileOptions(defines=["SCALE=7"])
    tu, _, _ = parse(path, options)
    _, missing = lower_module(tu, path)
    assert [d.code for d in missing] == ["L001"] and "compiler options" in missing[0].message
    module, diags = lower_module(tu, path, options)
    assert not diags
    assert [n.value for n in walk(module.functions[0]) if isinstance(n, N.IntLit)] == [0, 7]


def test_explicit_specializations_are_lowered_as_written(lower):
    module, diags = lower("""
template <typename T> __device__ T f(T x) { return x + 1; }
template <> __device__ float f<float>(float x) { return x * 100.0f; }
template <typename T> __global__ void k(T* o) { o[0] = f(o[1]); }
template <> __global__ void k<double>(double* o) { o[0] = 5.0; }
int main() { float* a; int* b; double* c; k<<<1, 1>>>(a); k<<<1, 1>>>(b); k<<<1, 1>>>(c); return 0; }""")
    assert not diags
    assert [f.name for f in module.functions] == ["f_float", "k_float", "f_int", "k_int", "k_double"]
    assert [n.op for n in walk(_fn(module, "f_float")) if isinstance(n, N.BinOp)] == ["*"]
    assert [n.value for n in walk(_fn(module, "k_double")) if isinstance(n, N.FloatLit)] == [5.0]


def test_a_template_only_declared_is_used_through_its_explicit_specializations(lower):
    """The primary template has no body (HeCBench's softmax-fused copy_vector); the specialization called
    supplies one. A call of an instance that no specialization defines is still refused."""
    head = "template <typename T, int N> __device__ void copy(T* d, const T* s);\n" \
           "template <> __device__ void copy<float, 2>(float* d, const float* s) { d[0] = s[1]; d[1] = s[0]; }\n"
    module, diags = lower(head + "__global__ void k(float* o) { copy<float, 2>(o, o + 2); }")
    assert not diags
    assert [n.func for n in walk(_fn(module, "k")) if isinstance(n, N.Call)] == ["copy_float_2"]
    assert len([f for f in module.functions if f.name == "copy_float_2"]) == 1
    _, diags = lower(head + "__global__ void k(float* o) { copy<float, 4>(o, o + 4); }")
    assert [d.code for d in diags] == ["L001"] and "function template 'copy' has no definition" in diags[0].message
