"""Structs with no data and only __device__ methods (translator/frontend/stateless.py): the variable
disappears, each method call becomes a device function `<struct>_<method>`, the launch's dynamic shared
memory reaches a method through its callers, and what has no body to translate is refused."""

from __future__ import annotations

from translator.frontend.clang_setup import parse
from translator.frontend.host_sites import collect_host_sites
from translator.frontend.lower import lower_module
from translator.ir.builtins import DYNAMIC_SHARED

SHARED = """
template <class T> struct SharedMemory { __device__ T *get() { return nullptr; } };
template <> struct SharedMemory<float> {
    __device__ float *get() { extern __shared__ float s_float[]; return s_float; }
};
struct Twice { __device__ int of(int x) const { return 2 * x; } };
"""


def _lower(cuda_file, body: str):
    path = cuda_file(SHARED + body)
    tu, source, _ = parse(path)
    module, diags = lower_module(tu, path)
    return module, diags, collect_host_sites(tu, path, source)


def test_a_method_call_is_a_device_function_and_the_variable_disappears(cuda_file):
    module, diags, _ = _lower(cuda_file, """
__device__ float *buffer() { SharedMemory<float> smem; return smem.get(); }
__global__ void k(float *out) {
    Twice t;
    float *s = buffer();
    s[threadIdx.x] = t.of(threadIdx.x);
    __syncthreads();
    out[threadIdx.x] = s[blockDim.x - 1 - threadIdx.x];
}""")
    assert diags == []
    by_name = {f.name: f for f in module.functions}
    assert {"SharedMemory_float_get", "Twice_of", "buffer", "k"} <= set(by_name)
    # the dynamic shared memory is a parameter of the method, of its caller, and of the kernel
    for name in ("SharedMemory_float_get", "buffer", "k"):
        assert by_name[name].params[-1].name == DYNAMIC_SHARED, name
    assert [p.name for p in by_name["Twice_of"].params] == ["x"]


def test_the_structs_are_device_only_on_the_host_side(cuda_file):
    _, _, sites = _lower(cuda_file, "__global__ void k(int *o) { Twice t; o[0] = t.of(1); }")
    structs = [d for d in sites.device_decls if d.kind == "device_struct"]
    assert [d.name for d in structs] == ["SharedMemory", "SharedMemory", "Twice"]
    assert not any(d.host_too for d in structs)


def test_a_method_of_an_implicit_instance_is_lowered_from_a_copy_of_the_class_template(cuda_file):
    module, diags, _ = _lower(cuda_file, """
template <class A, class B> struct Pair {
    __device__ operator B *() { extern __shared__ A words[]; return (B *)words; }
    __device__ B sum(A a, B b) const { return (B)a + b; }
};
__global__ void k(double *o) {
    SharedMemory<double> m;
    double *s = Pair<int, double>();
    s[0] = Pair<int, double>().sum(2, 0.5) + (m.get() == nullptr);
    o[0] = s[0];
}""")
    assert diags == []
    by_name = {f.name: f for f in module.functions}
    assert {"SharedMemory_double_get", "Pair_int_double_operator_double", "Pair_int_double_sum"} <= set(by_name)
    assert [p.name for p in by_name["Pair_int_double_sum"].params] == ["a", "b"]
    assert [p.name for p in by_name["Pair_int_double_operator_double"].params] == [DYNAMIC_SHARED]


def test_a_class_template_with_a_value_parameter_is_refused(cuda_file):
    _, diags, _ = _lower(cuda_file, """
template <int N> struct Fixed { __device__ int n() const { return N; } };
__global__ void k(int *o) { o[0] = Fixed<4>().n(); }""")
    assert [d.code for d in diags] == ["L001"]
    assert "template argument 1 of 'Fixed<4>' is not a type" in diags[0].message


def test_a_method_of_a_partial_specialization_is_refused(cuda_file):
    _, diags, _ = _lower(cuda_file, """
template <class T, class U> struct Pick { __device__ int f() const { return 0; } };
template <class T> struct Pick<T, int> { __device__ int f() const { return 1; } };
__global__ void k(int *o) { Pick<float, int> p; o[0] = p.f(); }""")
    # libclang shows no members of an instance of a partial specialization, and no way to bind its
    # parameters: it is not taken for a stateless struct, and refused as a class template instance
    assert diags and diags[0].code == "L003" and "Pick<float, int>" in diags[0].message


def test_a_struct_with_data_is_not_stateless(cuda_file):
    module, diags, _ = _lower(cuda_file, """
struct Counter { int n; __device__ int next() { return ++n; } };
__global__ void k(int *o) { Counter c; c.n = 0; o[0] = c.next(); }""")
    # a method of a struct with data gets its object (frontend/methods.py; tests/unit/test_methods.py)
    assert not diags, diags
    method = next(f for f in module.functions if f.name == "Counter_next")
    assert [(p.name, str(p.type)) for p in method.params] == [("self", "struct Counter*generic")]
    assert any(d.name == "c" for d in module.functions[-1].body.stmts if hasattr(d, "name"))
