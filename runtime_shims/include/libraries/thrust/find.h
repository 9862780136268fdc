/* Stand-in for Thrust's <thrust/find.h> (parsing only): the declarations are in thrust/cutrans_thrust.h. */
#include <thrust/cutrans_thrust.h>
