/* Stand-in for CUB's <cub/util_ptx.cuh> (parsing only): the declarations are in cub/cub.cuh. */
#include <cub/cub.cuh>
