/* Stand-in for Thrust's <thrust/remove.h> (parsing only): the declarations are in thrust/cutrans_thrust.h. */
#include <thrust/cutrans_thrust.h>
