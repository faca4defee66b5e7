# The build for the browser (issue 16): the engine, the problem reader and the renderers compiled
# with Emscripten (`emcmake cmake`, driven by scripts/build-web) into one JavaScript file. Included
# by the top-level CMakeLists.txt instead of the native dependencies when EMSCRIPTEN is set.
#
# Emscripten compiles against its own sysroot, not /usr/include, so the header-only libraries the
# engine uses are taken from Debian's packages through a folder that holds only them: the rest of
# /usr/include (glibc's headers) must not reach this compiler. toml++ is used in its header-only
# form here (Debian's native build links its shared library); Boost is not needed, because the
# command-line front end is not part of the module.
set(nntrace_host_headers ${CMAKE_BINARY_DIR}/host-headers)
file(MAKE_DIRECTORY ${nntrace_host_headers})
foreach(dir toml++ nlohmann kainjow)
  if(NOT EXISTS /usr/include/${dir})
    message(FATAL_ERROR "/usr/include/${dir} not found: run scripts/install-deps.sh")
  endif()
  if(NOT EXISTS ${nntrace_host_headers}/${dir})
    file(CREATE_LINK /usr/include/${dir} ${nntrace_host_headers}/${dir} SYMBOLIC)
  endif()
endforeach()
include_directories(SYSTEM ${nntrace_host_headers})

add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
add_library(tomlplusplus::tomlplusplus INTERFACE IMPORTED)
set_target_properties(tomlplusplus::tomlplusplus PROPERTIES INTERFACE_COMPILE_DEFINITIONS TOML_HEADER_ONLY=1)

# The engine reports bad input by throwing: C++ exceptions on, in every object and at the link.
# WebAssembly's own exceptions, not Emscripten's JavaScript ones (-fexceptions), which route every
# call that may unwind through JavaScript: net-222 took 840 ms with those. Browsers have had
# them since 2021-22 (Chrome 95, Firefox 100, Safari 15.2), Node.js since 17.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)
# -Os: at -O2 the module is 3.14 MB (the goal is 3 MB), and a page's recompute is no slower.
set(CMAKE_CXX_FLAGS_RELEASE "-Os -DNDEBUG")
