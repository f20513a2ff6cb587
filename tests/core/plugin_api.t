#!/bin/sh
# Unit tests of include/ppreg/plugin.h's helpers over the API's growth.
. "$(dirname "$0")/../lib/tap.sh"
exec "$PPREG_BUILD/tests/plugin_api_test"
