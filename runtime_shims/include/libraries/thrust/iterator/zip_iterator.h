/* Stand-in for Thrust's <thrust/iterator/zip_iterator.h> (parsing only): the declarations are in thrust/cutrans_thrust.h. */
#include <thrust/cutrans_thrust.h>
