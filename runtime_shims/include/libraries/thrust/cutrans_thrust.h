/* Stand-in for Thrust (parsing only): the names of translator/mappings/thrust.toml, declared so that libclang
 * parses programs that use Thrust without a CUDA toolkit; every thrust/... stand-in includes this file. It is
 * not Thrust's code and nothing here is compiled into a program: the translation keeps the names (rocThrust has
 * Thrust's), and hipcc checks each use against the real rocThrust. Algorithms, factories and functors are
 * declared variadic, returning a value that converts to anything. */
#ifndef CUTRANS_STANDIN_THRUST_H
#define CUTRANS_STANDIN_THRUST_H
#include <stddef.h>
#include <cuda_runtime.h>

#define THRUST_VERSION 300000
#define THRUST_DEVICE_SYSTEM_CUDA 1
#define THRUST_DEVICE_SYSTEM_OMP 2
#define THRUST_DEVICE_SYSTEM_TBB 3
#define THRUST_DEVICE_SYSTEM_CPP 4
#define THRUST_DEVICE_SYSTEM THRUST_DEVICE_SYSTEM_CUDA
#define THRUST_HOST_SYSTEM THRUST_DEVICE_SYSTEM_CPP
#define THRUST_NS_QUALIFIER ::thrust

#define CUTRANS_THRUST_ANY(name) \
    template <typename... A> __host__ __device__ detail::any_result name(A &&...);
#define CUTRANS_THRUST_FUNCTOR(name)                                                         \
    template <typename T = void> struct name {                                               \
        template <typename... A> __host__ __device__ detail::any_result operator()(A &&...) const; \
    };
#define CUTRANS_THRUST_ITERATOR(name)                        \
    template <typename... P> class name {                    \
      public: template <typename... A> __host__ __device__ name(A &&...); \
    };

namespace thrust {
namespace detail {
/* what a variadic stand-in returns: converts to any type, and iterators subtract */
struct any_result {
    template <typename T> __host__ __device__ operator T() const;
    template <typename T> __host__ __device__ friend ptrdiff_t operator-(const any_result &, const T &);
};
struct policy {
    template <typename Stream> __host__ policy on(const Stream &stream) const;
};
}  // namespace detail

extern const detail::policy device, host, seq;
namespace cuda_cub { extern const detail::policy par, par_nosync; }
namespace cuda { using cuda_cub::par; using cuda_cub::par_nosync; }
namespace system { namespace cuda { using cuda_cub::par; using cuda_cub::par_nosync; } }

class error_category;
namespace system {
class system_error {
  public:
    const char *what() const;
};
const error_category &cuda_category();
}  // namespace system
using system::cuda_category;
using system::system_error;

/* ---- memory and containers */
template <typename T> class device_reference {
  public:
    __host__ __device__ operator T() const;
    __host__ __device__ device_reference &operator=(const T &value);
};
template <typename T> class device_ptr {
  public:
    __host__ __device__ device_ptr();
    __host__ __device__ explicit device_ptr(T *p);
    __host__ __device__ T *get() const;
    __host__ __device__ device_reference<T> operator*() const;
    __host__ __device__ device_reference<T> operator[](ptrdiff_t i) const;
    __host__ __device__ device_ptr operator+(ptrdiff_t n) const;
};
template <typename T, typename Alloc = void> class device_vector;
template <typename T, typename Alloc = void> class host_vector {
  public:
    typedef T value_type;
    typedef T *iterator;
    host_vector();
    explicit host_vector(size_t n);
    host_vector(size_t n, const T &value);
    template <typename A> host_vector(const device_vector<T, A> &other);
    template <typename It> host_vector(It first, It last);
    T *begin();
    T *end();
    T *data();
    size_t size() const;
    void resize(size_t n);
    T &operator[](size_t i);
};
template <typename T, typename Alloc> class device_vector {
  public:
    typedef T value_type;
    typedef device_ptr<T> iterator;
    device_vector();
    explicit device_vector(size_t n);
    device_vector(size_t n, const T &value);
    template <typename A> device_vector(const host_vector<T, A> &other);
    template <typename It> device_vector(It first, It last);
    template <typename V> device_vector &operator=(const V &other);
    iterator begin();
    iterator end();
    device_ptr<T> data();
    size_t size() const;
    void resize(size_t n);
    void erase(iterator first, iterator last);
    device_reference<T> operator[](size_t i);
};
template <typename T, typename Alloc = void> class universal_vector : public host_vector<T, Alloc> {
  public: using host_vector<T, Alloc>::host_vector;
};
template <typename T> __host__ __device__ T *raw_pointer_cast(device_ptr<T> p);
template <typename T> __host__ __device__ T *raw_pointer_cast(T *p);
template <typename T> __host__ __device__ device_ptr<T> device_pointer_cast(T *p);
template <typename T> device_ptr<T> device_malloc(size_t n);
template <typename T> void device_free(device_ptr<T> p);

/* ---- algorithms and factories */
CUTRANS_THRUST_ANY(adjacent_difference) CUTRANS_THRUST_ANY(all_of) CUTRANS_THRUST_ANY(any_of)
CUTRANS_THRUST_ANY(binary_search) CUTRANS_THRUST_ANY(copy) CUTRANS_THRUST_ANY(copy_if) CUTRANS_THRUST_ANY(copy_n)
CUTRANS_THRUST_ANY(count) CUTRANS_THRUST_ANY(count_if) CUTRANS_THRUST_ANY(equal) CUTRANS_THRUST_ANY(exclusive_scan)
CUTRANS_THRUST_ANY(exclusive_scan_by_key) CUTRANS_THRUST_ANY(fill) CUTRANS_THRUST_ANY(fill_n) CUTRANS_THRUST_ANY(find)
CUTRANS_THRUST_ANY(find_if) CUTRANS_THRUST_ANY(for_each) CUTRANS_THRUST_ANY(for_each_n) CUTRANS_THRUST_ANY(gather)
CUTRANS_THRUST_ANY(generate) CUTRANS_THRUST_ANY(inclusive_scan) CUTRANS_THRUST_ANY(inclusive_scan_by_key)
CUTRANS_THRUST_ANY(inner_product) CUTRANS_THRUST_ANY(lower_bound) CUTRANS_THRUST_ANY(max_element)
CUTRANS_THRUST_ANY(merge) CUTRANS_THRUST_ANY(min_element) CUTRANS_THRUST_ANY(minmax_element)
CUTRANS_THRUST_ANY(none_of) CUTRANS_THRUST_ANY(partition) CUTRANS_THRUST_ANY(reduce) CUTRANS_THRUST_ANY(reduce_by_key)
CUTRANS_THRUST_ANY(remove) CUTRANS_THRUST_ANY(remove_if) CUTRANS_THRUST_ANY(replace) CUTRANS_THRUST_ANY(reverse)
CUTRANS_THRUST_ANY(scatter) CUTRANS_THRUST_ANY(sequence) CUTRANS_THRUST_ANY(sort) CUTRANS_THRUST_ANY(sort_by_key)
CUTRANS_THRUST_ANY(stable_sort) CUTRANS_THRUST_ANY(stable_sort_by_key) CUTRANS_THRUST_ANY(tabulate)
CUTRANS_THRUST_ANY(transform) CUTRANS_THRUST_ANY(transform_exclusive_scan) CUTRANS_THRUST_ANY(transform_inclusive_scan)
CUTRANS_THRUST_ANY(transform_reduce) CUTRANS_THRUST_ANY(uninitialized_fill) CUTRANS_THRUST_ANY(unique)
CUTRANS_THRUST_ANY(unique_by_key) CUTRANS_THRUST_ANY(upper_bound)
CUTRANS_THRUST_ANY(make_constant_iterator) CUTRANS_THRUST_ANY(make_counting_iterator)
CUTRANS_THRUST_ANY(make_discard_iterator) CUTRANS_THRUST_ANY(make_pair) CUTRANS_THRUST_ANY(make_permutation_iterator)
CUTRANS_THRUST_ANY(make_reverse_iterator) CUTRANS_THRUST_ANY(make_strided_iterator)
CUTRANS_THRUST_ANY(make_tabulate_output_iterator) CUTRANS_THRUST_ANY(make_transform_iterator)
CUTRANS_THRUST_ANY(make_transform_output_iterator) CUTRANS_THRUST_ANY(make_tuple) CUTRANS_THRUST_ANY(make_zip_iterator)
template <int N, typename T> __host__ __device__ detail::any_result get(const T &t);

/* ---- functors, iterators, tuples, numbers */
CUTRANS_THRUST_FUNCTOR(divides) CUTRANS_THRUST_FUNCTOR(equal_to) CUTRANS_THRUST_FUNCTOR(greater)
CUTRANS_THRUST_FUNCTOR(greater_equal) CUTRANS_THRUST_FUNCTOR(identity) CUTRANS_THRUST_FUNCTOR(less)
CUTRANS_THRUST_FUNCTOR(less_equal) CUTRANS_THRUST_FUNCTOR(logical_and) CUTRANS_THRUST_FUNCTOR(logical_or)
CUTRANS_THRUST_FUNCTOR(maximum) CUTRANS_THRUST_FUNCTOR(minimum) CUTRANS_THRUST_FUNCTOR(minus)
CUTRANS_THRUST_FUNCTOR(modulus) CUTRANS_THRUST_FUNCTOR(multiplies) CUTRANS_THRUST_FUNCTOR(negate)
CUTRANS_THRUST_FUNCTOR(not_equal_to) CUTRANS_THRUST_FUNCTOR(plus) CUTRANS_THRUST_FUNCTOR(square)
CUTRANS_THRUST_ITERATOR(constant_iterator) CUTRANS_THRUST_ITERATOR(counting_iterator)
CUTRANS_THRUST_ITERATOR(discard_iterator) CUTRANS_THRUST_ITERATOR(offset_iterator)
CUTRANS_THRUST_ITERATOR(permutation_iterator) CUTRANS_THRUST_ITERATOR(reverse_iterator)
CUTRANS_THRUST_ITERATOR(shuffle_iterator) CUTRANS_THRUST_ITERATOR(strided_iterator)
CUTRANS_THRUST_ITERATOR(tabulate_output_iterator) CUTRANS_THRUST_ITERATOR(transform_iterator)
CUTRANS_THRUST_ITERATOR(transform_output_iterator) CUTRANS_THRUST_ITERATOR(zip_iterator)
CUTRANS_THRUST_ITERATOR(tuple)
template <typename A, typename B> struct pair {
    A first;
    B second;
};
template <typename T> struct complex {
    __host__ __device__ complex(const T &re = T(), const T &im = T());
    __host__ __device__ T real() const;
    __host__ __device__ T imag() const;
};
namespace random {
class default_random_engine {
  public:
    __host__ __device__ explicit default_random_engine(unsigned int seed = 1);
    __host__ __device__ void discard(unsigned long long n);
};
#define CUTRANS_THRUST_DISTRIBUTION(name)                                     \
    template <typename T = double> class name {                               \
      public: __host__ __device__ name(T a = 0, T b = 1);                     \
        template <typename E> __host__ __device__ T operator()(E &engine);    \
    };
CUTRANS_THRUST_DISTRIBUTION(normal_distribution) CUTRANS_THRUST_DISTRIBUTION(uniform_int_distribution)
CUTRANS_THRUST_DISTRIBUTION(uniform_real_distribution)
#undef CUTRANS_THRUST_DISTRIBUTION
}  // namespace random
using random::default_random_engine;
using random::normal_distribution;
using random::uniform_int_distribution;
using random::uniform_real_distribution;

namespace placeholders {
struct argument {
#define CUTRANS_THRUST_OPERATOR(op)                                                                \
    template <typename T> __host__ __device__ friend argument operator op(const argument &, const T &); \
    template <typename T> __host__ __device__ friend argument operator op(const T &, const argument &); \
    __host__ __device__ friend argument operator op(const argument &, const argument &);
    CUTRANS_THRUST_OPERATOR(+) CUTRANS_THRUST_OPERATOR(-) CUTRANS_THRUST_OPERATOR(*) CUTRANS_THRUST_OPERATOR(/)
#undef CUTRANS_THRUST_OPERATOR
};
extern const argument _1, _2, _3;
}  // namespace placeholders

}  // namespace thrust

#undef CUTRANS_THRUST_ANY
#undef CUTRANS_THRUST_FUNCTOR
#undef CUTRANS_THRUST_ITERATOR
#endif
