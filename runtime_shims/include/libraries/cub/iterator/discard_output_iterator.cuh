/* Stand-in for CUB's <cub/iterator/discard_output_iterator.cuh> (parsing only): the declarations are in cub/cub.cuh. */
#include <cub/cub.cuh>
