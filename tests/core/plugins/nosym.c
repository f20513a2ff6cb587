/* nosym.c - a shared object without the entry point (test). */
#include "ppreg/plugin.h"

PPREG_EXPORT int not_a_plugin(void);
PPREG_EXPORT int not_a_plugin(void) { return 0; }
