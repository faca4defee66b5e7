// The pages' requests (web/web_api) give what the command line gives: the same figures, the same
// messages, the same verdicts.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tracer/cli/cli_fixture.hpp"
#include "web/web_api.hpp"

namespace {

using json = nlohmann::json;

// [["w5", "0.3"], …] (a braced list alone would make a JSON object of two-element lists).
json pairs(const std::vector<std::pair<std::string, std::string>>& list) {
    json out = json::array();
    for (const auto& [name, value] : list) out.push_back(json::array({name, value}));
    return out;
}

json ask(const json& request) { return json::parse(nntrace::render_request(request.dump(), NNTRACE_SOURCE_HOME)); }

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The value a step shows in `nntrace run … --format json` (the CLI's own figure).
std::string cli_shown(const std::vector<std::string>& args, const std::string& key) {
    const CliResult r = run(args);
    REQUIRE(r.code == 0);
    const json record = json::parse(r.out);
    for (const json& section : record.at("sections"))
        for (const json& item : section.at("items"))
            if (item.value("kind", "") == "step" && item.value("key", "") == key) return item.at("value").at("shown");
    FAIL("no step " << key);
    return "";
}

// The CLI's error line without the program's name.
std::string cli_message(const std::vector<std::string>& args) {
    const CliResult r = run(args);
    REQUIRE(r.code == 2);
    std::string line = r.err.substr(0, r.err.find('\n'));
    return line;
}

const char* const bad_problem = "[inputs]\nx = 1\n[nodes]\ny = \"2 * (x + \"\n";

}  // namespace

TEST_CASE("web api: net-222 with w5=0.3 shows the E_total and dE_total/dw5 of the CLI", "[web]") {
    const json answer = ask({{"what", "lesson"}, {"lesson", "net-222"}, {"lang", "en"}, {"settings", pairs({{"w5", "0.3"}})}});
    REQUIRE(answer.at("ok") == true);
    const std::string html = answer.at("html");
    const std::string total = cli_shown({"run", "net-222", "--set", "w5=0.3", "--format", "json"}, "E_total");
    const std::string slope = cli_shown({"run", "net-222", "--set", "w5=0.3", "--format", "json"}, "dE_total/dw5");
    const std::string lesson_total = cli_shown({"run", "net-222", "--format", "json"}, "E_total");
    REQUIRE(total != lesson_total);
    CHECK(html.find(total) != std::string::npos);
    CHECK(html.find(slope) != std::string::npos);
}

TEST_CASE("web api: decimals and exact are the CLI's --decimals and --exact", "[web]") {
    const json hand = ask({{"what", "lesson"}, {"lesson", "net-222"}, {"settings", pairs({{"decimals", "4"}})}});
    REQUIRE(hand.at("ok") == true);
    CHECK(hand.at("html").get<std::string>().find(cli_shown({"run", "net-222", "--decimals", "4", "--format", "json"}, "E_total")) !=
          std::string::npos);
    const json exact = ask({{"what", "lesson"}, {"lesson", "homework-q7"}, {"settings", pairs({{"exact", "1"}})}});
    REQUIRE(exact.at("ok") == true);
    CHECK(exact.at("html").get<std::string>().find(cli_shown({"run", "homework-q7", "--exact", "--format", "json"}, "L")) !=
          std::string::npos);
}

TEST_CASE("web api: a bad setting answers the CLI's message beside the setting", "[web]") {
    const json answer = ask({{"what", "lesson"}, {"lesson", "net-222"}, {"settings", pairs({{"w5", "abc"}})}});
    REQUIRE(answer.at("ok") == false);
    const json& error = answer.at("errors").at(0);
    CHECK(error.at("setting") == "w5");
    CHECK(error.at("message") == cli_message({"run", "net-222", "--set", "w5=abc"}));
}

TEST_CASE("web api: a bad decimals answers the CLI's message beside decimals", "[web]") {
    const json answer = ask({{"what", "lesson"}, {"lesson", "net-222"}, {"settings", pairs({{"decimals", "13"}})}});
    REQUIRE(answer.at("ok") == false);
    const json& error = answer.at("errors").at(0);
    CHECK(error.at("setting") == "decimals");
    CHECK(error.at("message") == cli_message({"run", "net-222", "--decimals", "13"}));
}

TEST_CASE("web api: a bad problem file answers the line and column and message of the CLI", "[web]") {
    ScratchDir dir("web-bad-problem");
    const auto file = dir.path() / "bad.toml";
    std::ofstream(file) << bad_problem;
    const std::string cli = cli_message({"run", file.string()});  // FILE:4:COLUMN: message
    const json answer = ask({{"what", "problem"}, {"text", bad_problem}, {"name", "bad.toml"}, {"lang", "en"}});
    REQUIRE(answer.at("ok") == false);
    const json& error = answer.at("errors").at(0);
    CHECK(error.at("line") == 4);
    const std::string where = file.string() + ":4:" + std::to_string(error.at("column").get<int>()) + ": ";
    CHECK(cli == where + error.at("message").get<std::string>());
}

TEST_CASE("web api: check judges exercise-7's yhat = 0.384 correct", "[web]") {
    const json answer = ask({{"what", "check"},
                             {"text", read_text(source_path("examples/exercise-7.toml"))},
                             {"name", "exercise-7.toml"},
                             {"answers", pairs({{"yhat", "0.384"}})}});
    REQUIRE(answer.at("ok") == true);
    bool judged = false;
    for (const json& v : answer.at("verdicts"))
        if (v.at("answer") == "yhat") {
            judged = true;
            CHECK(v.at("given") == "0.384");
            CHECK(v.at("verdict") == "correct");
        }
    CHECK(judged);
    CHECK(answer.at("html").get<std::string>().find("<main>") == std::string::npos);
}

TEST_CASE("web api: a wrong answer is judged wrong as nntrace check judges it", "[web]") {
    const json answer = ask({{"what", "check"},
                             {"text", read_text(source_path("examples/exercise-7.toml"))},
                             {"name", "exercise-7.toml"},
                             {"answers", pairs({{"yhat", "0.5"}})}});
    REQUIRE(answer.at("ok") == true);
    const CliResult cli = run({"check", source_path("examples/exercise-7.toml"), "--answer", "yhat=0.5", "--format", "json"});
    REQUIRE(cli.out.find("check.verdict.wrong") != std::string::npos);
    CHECK(answer.at("verdicts").at(0).at("verdict") == "wrong");
}

TEST_CASE("web api: a diagram comes with the DOT source nntrace run writes under its img src", "[web]") {
    const json answer = ask({{"what", "lesson"}, {"lesson", "net-222"}});
    REQUIRE(answer.at("ok") == true);
    const std::string html = answer.at("html");
    const json& figures = answer.at("figures");
    REQUIRE(figures.contains("../figures/forward-network.svg"));
    CHECK(figures.at("../figures/forward-network.svg") == read_text(source_path("tests/golden/dot/net-222-forward-network.dot")));
    for (const auto& [src, dot] : figures.items()) CHECK(html.find("src=\"" + src + "\"") != std::string::npos);
}

TEST_CASE("web api: a plot comes with null and keeps its img src", "[web]") {
    const json answer = ask({{"what", "lesson"}, {"lesson", "gd-1d"}, {"settings", pairs({{"rate", "0.2"}})}});
    REQUIRE(answer.at("ok") == true);
    const json& figures = answer.at("figures");
    REQUIRE(figures.contains("../figures/descent-plot.svg"));
    CHECK(figures.at("../figures/descent-plot.svg").is_null());
    CHECK(answer.at("html").get<std::string>().find("src=\"../figures/descent-plot.svg\"") != std::string::npos);
}

TEST_CASE("web api: a request that is not JSON answers an error and no page", "[web]") {
    const json answer = json::parse(nntrace::render_request("{\"what\":", NNTRACE_SOURCE_HOME));
    CHECK(answer.at("ok") == false);
    CHECK_FALSE(answer.at("errors").at(0).at("message").get<std::string>().empty());
    CHECK_FALSE(answer.contains("html"));
}
