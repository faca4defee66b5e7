// libFuzzer target: any text as a problem file. Reading either succeeds or throws InputError
// (with a position); running either succeeds or throws InputError. Anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/errors.hpp"
#include "problem/problem.hpp"

using namespace nntrace;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const Problem problem = parse_problem(text, "fuzz.toml");
        run_problem(problem, {});
    } catch (const InputError&) {
    }
    return 0;
}
