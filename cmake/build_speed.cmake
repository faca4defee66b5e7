# Build speed (bench/build-time.md has the measurements). Most of a translation unit's time goes
# to generating code for the inline functions and templates it uses (std::variant, std::function,
# strings), not to parsing, and every file generates them again. A unity build compiles a
# target's files in batches, so each batch generates them once: about 2.5x less CPU time.
# Files that define file-local helpers under a name another file of the target also uses are left
# out of the batches (listed below); a new clash shows as a "redefinition" error — rename the
# helper, list the file here, or configure with -DNNTRACE_UNITY_BUILD=OFF.
# Included at the end of the top-level CMakeLists.txt, once every target exists.
option(NNTRACE_UNITY_BUILD "Compile each target's files in batches (faster builds)" ON)
# Batches of 16 files: big enough to share the work, enough batches to keep 2 cores busy. 0 puts
# a whole target in one batch (the way to find every clash at once).
set(NNTRACE_UNITY_BATCH_SIZE 16 CACHE STRING "Files per unity batch (0: the whole target)")

set(nntrace_unity_targets
  nntrace_core nntrace_algorithms nntrace_problem nntrace_lessons nntrace_checking nntrace_render
  nntrace_cli core_tests problem_tests render_tests checking_tests cli_tests)

# Files whose file-local helpers share names with another file of their target.
set(nntrace_unity_apart
  tracer/algorithms/guessing.cpp tracer/algorithms/target_seeking.cpp
  tracer/checking/grade.cpp tracer/checking/variant_runs.cpp
  tracer/lessons/descent_plots.cpp tracer/lessons/guessing_box_items.cpp
  tracer/lessons/guessing_number_items.cpp tracer/lessons/part_verbs.cpp
  tracer/lessons/perceptron_items.cpp tracer/lessons/perceptron_neuron.cpp
  tracer/lessons/seek_config.cpp tracer/lessons/seek_items.cpp tracer/lessons/seek_parts.cpp
  tracer/problem/network_table.cpp tracer/problem/reader.cpp tracer/problem/run.cpp
  tracer/render/math.cpp tracer/render/people_text.cpp
  tests/tracer/problem/network_errors_test.cpp tests/tracer/problem/overrides_test.cpp
  tests/tracer/problem/record_test.cpp tests/tracer/cli/grade_test.cpp)

if(NNTRACE_UNITY_BUILD)
  foreach(target IN LISTS nntrace_unity_targets)
    if(NOT TARGET ${target})
      continue()
    endif()
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "INTERFACE_LIBRARY")
      continue()
    endif()
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${NNTRACE_UNITY_BATCH_SIZE})
    # GCC warns when a type of one file's anonymous namespace meets another file's in a batch.
    target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-Wno-subobject-linkage>)
    get_target_property(source_dir ${target} SOURCE_DIR)
    foreach(file IN LISTS nntrace_unity_apart)
      if(EXISTS ${PROJECT_SOURCE_DIR}/${file})
        set_source_files_properties(${PROJECT_SOURCE_DIR}/${file} DIRECTORY ${source_dir}
                                    PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
      endif()
    endforeach()
  endforeach()
endif()

# The lesson tests are one file per executable, each parsing Catch2 and toml++ again: one
# precompiled header serves them all (their compile options are the same).
if(BUILD_TESTING)
  get_property(nntrace_lesson_tests DIRECTORY ${PROJECT_SOURCE_DIR}/tests/lessons PROPERTY BUILDSYSTEM_TARGETS)
endif()
if(nntrace_lesson_tests)
  list(POP_FRONT nntrace_lesson_tests first)
  target_precompile_headers(${first} PRIVATE <catch2/catch.hpp> <toml++/toml.h>
                            ${PROJECT_SOURCE_DIR}/tests/lessons/lesson_test_helpers.hpp)
  foreach(test IN LISTS nntrace_lesson_tests)
    target_precompile_headers(${test} REUSE_FROM ${first})
  endforeach()
endif()
