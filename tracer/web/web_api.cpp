#include "web/web_api.hpp"

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "checking/check_answers.hpp"
#include "core/errors.hpp"
#include "lessons/lessons.hpp"
#include "lessons/run_settings.hpp"
#include "problem/problem.hpp"
#include "render/drawings.hpp"
#include "web/course_pages.hpp"

namespace nntrace {
namespace {

using json = nlohmann::json;

// A request that is not of the contract's shape: the page's mistake, not the reader's.
struct BadRequest : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A panel field and the option the command line would have been given for it: an error whose
// message begins with the option is shown beside the field.
struct Field {
    std::string kind;    // "setting" or "answer"
    std::string name;    // "w5", "decimals", "yhat"
    std::string option;  // "--set w5=0.3", "--decimals 4", "--answer yhat=0.384"
};

const json& member(const json& request, const char* name) {
    if (!request.contains(name)) throw BadRequest(std::string("the request has no \"") + name + "\"");
    return request.at(name);
}

std::string text_member(const json& request, const char* name) {
    const json& value = member(request, name);
    if (!value.is_string()) throw BadRequest(std::string("\"") + name + "\" must be a string");
    return value.get<std::string>();
}

// [["w5", "0.3"], …]; absent means none.
std::vector<std::pair<std::string, std::string>> pairs_member(const json& request, const char* name) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!request.contains(name)) return out;
    const json& list = request.at(name);
    if (!list.is_array()) throw BadRequest(std::string("\"") + name + "\" must be a list of [name, value] pairs");
    for (const json& pair : list) {
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
            throw BadRequest(std::string("\"") + name + "\" must be a list of [name, value] pairs of strings");
        out.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
    return out;
}

// The panel's settings as the command line's options.
RunOptions run_options_from_panel(const json& request, std::vector<Field>& fields) {
    RunSettings settings;
    for (const auto& [name, value] : pairs_member(request, "settings")) {
        if (name == "decimals") {
            settings.decimals = value;
            fields.push_back({"setting", name, "--decimals " + value});
        } else if (name == "rounding") {
            settings.rounding = value;
            fields.push_back({"setting", name, "--rounding " + value});
        } else if (name == "exact") {
            fields.push_back({"setting", name, "--exact"});
            if (value == "1" || value == "true") settings.exact = true;
            else if (value != "0" && value != "false")
                throw InputError("--exact " + value + ": expected true or false (1 or 0)");
        } else {
            settings.sets.push_back(name + "=" + value);
            fields.push_back({"setting", name, "--set " + name + "=" + value});
        }
    }
    return run_options_from(settings);
}

bool starts_with_option(const std::string& message, const std::string& option) {
    if (message.compare(0, option.size(), option) != 0) return false;
    return message.size() == option.size() || message[option.size()] == ':' || message[option.size()] == ' ';
}

json error_answer(const InputError& e, const std::vector<Field>& fields) {
    json error;
    if (e.line() > 0) {
        error["line"] = e.line();
        error["column"] = e.column();
        error["message"] = e.message();
    } else {
        error["message"] = e.what();
        // The latest field first: a later --set of the same name is the one that was applied.
        for (auto it = fields.rbegin(); it != fields.rend(); ++it)
            if (starts_with_option(e.what(), it->option)) {
                error[it->kind] = it->name;
                break;
            }
    }
    return json{{"ok", false}, {"errors", json::array({error})}};
}

// Every drawing shown as its picture, and what the page draws it from.
json figures_of(const Record& record, RenderOptions& options) {
    json figures = json::object();
    for (const DrawingSource& source : drawing_sources(record, PlotFormat::svg, false)) {
        options.drawn.insert(source.stem);
        const std::string src = figure_src(options, source.stem);
        if (source.tool == DrawingSource::Tool::dot) figures[src] = source.script;
        else figures[src] = nullptr;
    }
    return figures;
}

// Each lesson read once, and its published figures judged once: the panel runs the same lesson
// again at every change, and the module's files never change.
LessonRunner& lesson_runner(const std::filesystem::path& lessons_dir, const std::string& id) {
    static std::map<std::pair<std::filesystem::path, std::string>, std::unique_ptr<LessonRunner>> runners;
    std::unique_ptr<LessonRunner>& runner = runners[{lessons_dir, id}];
    if (!runner) runner = std::make_unique<LessonRunner>(lessons_dir, id);
    return *runner;
}

json lesson_answer(const json& request, const std::filesystem::path& home, std::vector<Field>& fields) {
    const std::string id = text_member(request, "lesson");
    const std::string lang = request.contains("lang") ? text_member(request, "lang") : "en";
    check_page_language(lang);
    const RunOptions run_options = run_options_from_panel(request, fields);
    LessonRunner& lesson = lesson_runner(home / "lessons", id);
    const Record record = lesson.run(run_options);
    RenderOptions options = course_page_options(home / "templates", lang, true);
    json figures = figures_of(record, options);
    const PageContext context = course_page_context(lesson.info(), lang, Format::html);
    return json{{"ok", true}, {"html", render_lesson_page(record, Format::html, options, context)}, {"figures", figures}};
}

// The playground page (<course>/playground/index.html): the problem as `nntrace run FILE
// --format html` writes it, beside the course's assets.
RenderOptions playground_options(const std::filesystem::path& home, const std::string& lang) {
    RenderOptions options;
    options.lang = lang;
    options.messages_dir = home / "templates" / "messages";
    options.templates_dir = home / "templates";
    options.assets_href = "../assets";
    return options;
}

json problem_answer(const json& request, const std::filesystem::path& home, std::vector<Field>& fields) {
    const std::string lang = request.contains("lang") ? text_member(request, "lang") : "en";
    check_page_language(lang);
    const RunOptions run_options = run_options_from_panel(request, fields);
    const Problem problem = parse_problem(text_member(request, "text"), text_member(request, "name"));
    const Record record = run_problem(problem, run_options);
    RenderOptions options = playground_options(home, lang);
    json figures = figures_of(record, options);
    return json{{"ok", true}, {"html", render(record, Format::html, options)}, {"figures", figures}};
}

// The content of the page's <main>: the report without the page around it.
std::string main_content(const std::string& page) {
    const std::size_t open = page.find("<main>"), close = page.rfind("</main>");
    if (open == std::string::npos || close == std::string::npos || close < open) return page;
    return page.substr(open + 6, close - open - 6);
}

json check_answer(const json& request, const std::filesystem::path& home, std::vector<Field>& fields) {
    const std::string lang = request.contains("lang") ? text_member(request, "lang") : "en";
    check_page_language(lang);
    std::vector<std::string> options;
    for (const auto& [name, value] : pairs_member(request, "answers")) {
        options.push_back(name + "=" + value);
        fields.push_back({"answer", name, "--answer " + name + "=" + value});
    }
    const Problem problem = parse_problem(text_member(request, "text"), text_member(request, "name"));
    const CheckOutcome outcome = check_answers(problem, options);
    json verdicts = json::array();
    for (const Judgement& j : outcome.judgements)
        verdicts.push_back({{"answer", j.key}, {"given", j.given}, {"verdict", verdict_word(j.verdict)}});
    const std::string page = render(outcome.record, Format::html, playground_options(home, lang));
    return json{{"ok", true}, {"html", main_content(page)}, {"verdicts", verdicts}};
}

json answer(const std::string& request_json, const std::filesystem::path& home) {
    std::vector<Field> fields;
    try {
        const json request = json::parse(request_json);
        if (!request.is_object()) throw BadRequest("a request is a JSON object");
        const std::string what = text_member(request, "what");
        if (what == "lesson") return lesson_answer(request, home, fields);
        if (what == "problem") return problem_answer(request, home, fields);
        if (what == "check") return check_answer(request, home, fields);
        throw BadRequest("\"what\" must be \"lesson\", \"problem\" or \"check\", not \"" + what + "\"");
    } catch (const InputError& e) {
        return error_answer(e, fields);
    } catch (const json::exception& e) {
        return json{{"ok", false}, {"errors", json::array({json{{"message", std::string("bad request: ") + e.what()}}})}};
    } catch (const BadRequest& e) {
        return json{{"ok", false}, {"errors", json::array({json{{"message", std::string("bad request: ") + e.what()}}})}};
    }
}

}  // namespace

std::string render_request(const std::string& request_json, const std::filesystem::path& home) {
    try {
        // A broken byte in the text becomes U+FFFD rather than an answer that is not JSON.
        return answer(request_json, home).dump(-1, ' ', false, json::error_handler_t::replace);
    } catch (const std::exception& e) {
        const json failure{{"ok", false}, {"errors", json::array({json{{"message", std::string("nntrace: ") + e.what()}}})}};
        return failure.dump(-1, ' ', false, json::error_handler_t::replace);
    }
}

}  // namespace nntrace
