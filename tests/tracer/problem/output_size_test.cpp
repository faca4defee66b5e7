// A long chain of terms writes output in proportion to its length (issue 14, item 7): the labels
// of its intermediate steps are bounded, not each a copy of everything before it. No timing: the
// bytes per term of a run of 4,000 terms against one of 1,000.
#include <catch2/catch.hpp>

#include <filesystem>

#include "render/render.hpp"
#include "support.hpp"

namespace {

std::size_t output_bytes(int terms, nntrace::Format format) {
    std::string expression = "w";
    for (int i = 1; i < terms; ++i) expression += " + w";
    const std::string toml = "[params]\nw = 0.5\n[nodes]\nL = \"" + expression + "\"\n[loss]\nnode = \"L\"\n";
    const nntrace::Record record = nntrace::run_problem(nntrace::parse_problem(toml, "chain.toml"), {});
    nntrace::RenderOptions options;
    options.messages_dir = std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates/messages";
    options.templates_dir = std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates";
    return nntrace::render(record, format, options).size();
}

void check_linear(nntrace::Format format) {
    const double small = static_cast<double>(output_bytes(1000, format)) / 1000;
    const double large = static_cast<double>(output_bytes(4000, format)) / 4000;
    INFO("bytes per term: " << small << " for 1,000 terms, " << large << " for 4,000");
    CHECK(large <= 1.25 * small);
}

}  // namespace

TEST_CASE("Problem output: text grows linearly with a chain's terms", "[problem][scale]") {
    check_linear(nntrace::Format::text);
}

TEST_CASE("Problem output: JSON grows linearly with a chain's terms", "[problem][scale]") {
    check_linear(nntrace::Format::json);
}
