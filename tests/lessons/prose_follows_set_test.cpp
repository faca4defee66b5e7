// Every lesson's prose and headings follow --set: a parameter's value is written through a
// {{name}} placeholder that the page fills from the run, never as fixed text. For each lesson
// and each numeric parameter, the page rendered with another value must not name the parameter
// with its old value, and must show the new one wherever the prose names it.
#include "lesson_test_helpers.hpp"

#include <cmath>
#include <sstream>

#include "render/number_format.hpp"
#include "render/pages.hpp"

using namespace lesson_test;

namespace {

RenderOptions page_options(const std::string& lang) {
    RenderOptions o;
    o.lang = lang;
    o.messages_dir = std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates/messages";
    o.templates_dir = std::filesystem::path(NNTRACE_SOURCE_HOME) / "templates";
    return o;
}

// A number as prose shows a parameter: every digit it has, Unicode minus.
std::string shown(double v) { return format_number(v, NumberStyle{9, Shape::trim_zeros, Minus::unicode}); }

// The parts of a Markdown page that are prose and headings: the explanation (from its heading
// to the next heading of the page's own level) and every heading line.
std::string prose_of(const std::string& page, const std::string& explanation_heading) {
    std::istringstream in(page);
    std::string out;
    bool in_explanation = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("## ", 0) == 0) in_explanation = line == "## " + explanation_heading;
        if (in_explanation || line.rfind("#", 0) == 0) out += line + "\n";
    }
    return out;
}

// The names prose gives a parameter: its own, the part before an underscore ("x" for
// "x_unit"), and the Greek letter of a rate.
std::vector<std::string> labels_of(const std::string& name) {
    std::vector<std::string> out{name};
    if (const auto underscore = name.find('_'); underscore != std::string::npos && underscore > 0)
        out.push_back(name.substr(0, underscore));
    if (name == "rate" || name.rfind("eta", 0) == 0) out.push_back("η");
    if (name == "alpha") out.push_back("α");
    return out;
}

// Whether `text` says "label = value" with nothing after the value that makes it a longer
// number or a product ("x = 1" but not "x = 1.2" or "b = 4w + 3"), and not as part of a longer
// name ("ax = 1").
bool names_with_value(const std::string& text, const std::string& label, const std::string& value) {
    const std::string said = label + " = " + value;
    for (auto at = text.find(said); at != std::string::npos; at = text.find(said, at + 1)) {
        const auto end = at + said.size();
        const bool longer_number = end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                                         (text[end] == '.' && end + 1 < text.size() &&
                                                          std::isdigit(static_cast<unsigned char>(text[end + 1]))));
        const bool longer_name = at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_');
        if (!longer_number && !longer_name) return true;
    }
    return false;
}

// Another value the lesson accepts for a parameter: counts stay whole, other values move.
double another_value(double v) {
    if (v == std::floor(v)) return v + 1;
    return v * 1.5;
}

}  // namespace

TEST_CASE("Lesson prose: every parameter the prose or a heading names follows --set", "[lessons][pages][prose]") {
    for (const LessonInfo& lesson : list_lessons(lessons_dir())) {
        const auto file = toml::parse_file((lesson.dir / "lesson.toml").string());
        const toml::table* parameters = file["parameters"].as_table();
        if (!parameters) continue;
        for (const auto& [key, node] : *parameters) {
            const auto old_value = node.value<double>();
            if (!old_value || node.is_string()) continue;
            const std::string name(key.str());
            const double new_value = another_value(*old_value);
            std::ostringstream set;
            set.precision(17);
            set << new_value;
            Record r;
            try {
                r = run_with(lesson.id, {{name, set.str()}});
            } catch (const InputError&) {
                continue;  // a value the lesson refuses: nothing to show
            }
            for (const std::string lang : {"en", "zh"}) {
                INFO(lesson.id << " --set " << name << "=" << set.str() << " (" << lang << ")");
                PageContext context;
                context.explanation = lesson_explanation(lesson, lang);
                const std::string heading = lang == "zh" ? "讲解" : "The lesson in words";
                const std::string prose = prose_of(render_lesson_page(r, Format::md, page_options(lang), context), heading);
                CHECK_FALSE(contains(prose, "{{"));  // every placeholder known
                for (const std::string& label : labels_of(name)) {
                    INFO("label " << label);
                    CHECK_FALSE(names_with_value(prose, label, shown(*old_value)));
                }
                if (contains(context.explanation, "{{" + name + "}}")) CHECK(contains(prose, shown(new_value)));
            }
        }
    }
}
