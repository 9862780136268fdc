/* Stand-in for Thrust's <thrust/universal_vector.h> (parsing only): the declarations are in thrust/cutrans_thrust.h. */
#include <thrust/cutrans_thrust.h>
