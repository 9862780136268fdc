/* Stand-in for CUB's <cub/util_allocator.cuh> (parsing only): the declarations are in cub/cub.cuh. */
#include <cub/cub.cuh>
