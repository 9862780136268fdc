/* Stand-in for CUB's <cub/iterator/transform_input_iterator.cuh> (parsing only): the declarations are in cub/cub.cuh. */
#include <cub/cub.cuh>
