# nntrace-web.js: the module the interactive pages load (issue 16). One JavaScript file with the
# WebAssembly inside (SINGLE_FILE: a page opened from file:// cannot fetch a .wasm beside it),
# a factory `createNntrace()` (MODULARIZE) resolving to a module whose `render(requestJson)` is
# web/web_api's render_request, and the lessons and templates it reads embedded at /nntrace.
# Included from tracer/web/CMakeLists.txt when EMSCRIPTEN is set.
add_executable(nntrace_web_module ${CMAKE_CURRENT_SOURCE_DIR}/module.cpp)
target_link_libraries(nntrace_web_module PRIVATE nntrace_web)
set_target_properties(nntrace_web_module PROPERTIES OUTPUT_NAME nntrace-web SUFFIX .js
                      RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
target_link_options(nntrace_web_module PRIVATE
  --bind
  -sSINGLE_FILE=1 -sMODULARIZE=1 -sEXPORT_NAME=createNntrace
  -sALLOW_MEMORY_GROWTH=1
  "SHELL:--embed-file ${PROJECT_SOURCE_DIR}/lessons@/nntrace/lessons"
  "SHELL:--embed-file ${PROJECT_SOURCE_DIR}/templates@/nntrace/templates"
  "SHELL:--exclude-file ${PROJECT_SOURCE_DIR}/templates/assets")
# A changed lesson or template links the module again.
file(GLOB_RECURSE nntrace_embedded_files CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/lessons/* ${PROJECT_SOURCE_DIR}/templates/*)
set_property(TARGET nntrace_web_module APPEND PROPERTY LINK_DEPENDS ${nntrace_embedded_files})
