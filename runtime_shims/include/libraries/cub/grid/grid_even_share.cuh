/* Stand-in for CUB's <cub/grid/grid_even_share.cuh> (parsing only): the declarations are in cub/cub.cuh. */
#include <cub/cub.cuh>
