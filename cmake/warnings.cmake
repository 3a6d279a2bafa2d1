# Warnings for Gavel's own code; generated protobuf code is built without them.
add_library(gavel_warnings INTERFACE)
target_compile_options(gavel_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${GAVEL_WERROR}>:-Werror>)
add_library(gavel::warnings ALIAS gavel_warnings)
