#include "lessons/lesson_file.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "lessons/kinds.hpp"
#include "lessons/toml_fields.hpp"

namespace nntrace {
namespace {

const std::vector<std::string_view> common_keys = {
    "id", "kind", "section", "source", "title", "summary", "arithmetic", "digits", "parameters", "secret", "internal",
    "strings",
    "published"};

// "2.2" → {2, 2}; digits and dots only.
std::vector<int> read_section(const Fields& f) {
    const auto text = f.optional_string("section");
    if (!text) return {};
    std::vector<int> parts{0};
    bool digit_seen = false;
    for (char c : *text) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            parts.back() = parts.back() * 10 + (c - '0');
            digit_seen = true;
        } else if (c == '.' && digit_seen) {
            parts.push_back(0);
            digit_seen = false;
        } else {
            throw f.error(*f.find("section"), "'section' must be numbers separated by dots, like \"2.2\"");
        }
    }
    if (!digit_seen) throw f.error(*f.find("section"), "'section' must end with a number");
    return parts;
}

Arithmetic read_arithmetic(const Fields& f) {
    const toml::table* t = f.optional_subtable("arithmetic");
    if (!t) return Arithmetic::exact();
    const Fields a(*t, f.file());
    a.only({"decimals", "rounding"});
    const auto decimals = a.optional_integer("decimals");
    if (!decimals) throw a.error_here("[arithmetic] needs 'decimals' (leave the table out for exact arithmetic)");
    if (*decimals < 0 || *decimals > 12) throw a.error(*a.find("decimals"), "'decimals' must be between 0 and 12");
    const std::string rounding = a.optional_string("rounding").value_or("half-up");
    if (rounding != "half-up" && rounding != "truncate")
        throw a.error(*a.find("rounding"), "'rounding' must be \"half-up\" or \"truncate\"");
    return Arithmetic::hand(static_cast<int>(*decimals),
                            rounding == "truncate" ? Rounding::truncate : Rounding::half_up);
}

Parameter read_parameter(const std::string& file, const std::string& name, const toml::node& value) {
    Parameter p;
    p.name = name;
    p.file = file;
    p.line = static_cast<int>(value.source().begin.line);
    p.column = static_cast<int>(value.source().begin.column);
    if (value.is_integer()) {
        p.number = static_cast<double>(value.as_integer()->get());
    } else if (value.is_floating_point() && std::isfinite(value.as_floating_point()->get())) {
        p.number = value.as_floating_point()->get();
    } else if (value.is_string()) {
        p.type = Parameter::Type::text;
        p.text = value.as_string()->get();
    } else if (value.is_boolean()) {
        p.type = Parameter::Type::boolean;
        p.flag = value.as_boolean()->get();
    } else {
        throw error_at(file, value, "parameter '" + name + "' must be a finite number, a string or true/false");
    }
    return p;
}

// Parameters in the order the file declares them (a TOML table itself is sorted by key).
Parameters read_parameters(const Fields& f) {
    Parameters out;
    const toml::table* t = f.optional_subtable("parameters");
    if (!t) return out;
    std::vector<std::pair<std::string, const toml::node*>> listed;
    for (const auto& [name, value] : *t) listed.emplace_back(std::string(name.str()), &value);
    std::sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) {
        const auto& pa = a.second->source().begin;
        const auto& pb = b.second->source().begin;
        return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
    });
    for (const auto& [name, value] : listed) out.declare(read_parameter(f.file(), name, *value));
    return out;
}

std::map<std::string, std::map<std::string, std::string>> read_strings(const Fields& f) {
    std::map<std::string, std::map<std::string, std::string>> out;
    const toml::table* t = f.optional_subtable("strings");
    if (!t) return out;
    const Fields strings(*t, f.file());
    for (const auto& [name, value] : *t) out[std::string(name.str())] = strings.texts(name.str());
    return out;
}

// A published figure's label: a name or formula as the source prints it ("Δw", "∂J/∂x"), the
// same in every language, or words, { en = "…", zh = "…" }. Words become one of the lesson's
// strings ("published.3") and the label that string's message id, which a page resolves in its
// language wherever the label shows (the comparison table, a reason, a table row).
std::string read_label(const Fields& p, LessonFile& lesson, std::size_t index) {
    const toml::node* label = p.find("label");
    if (!label || !label->is_table()) return p.string("label");
    std::map<std::string, std::string> texts = p.texts("label");
    if (!texts.count("zh")) throw p.error(*label, "'label' in words needs both languages: { en = \"…\", zh = \"…\" }");
    const std::string local_name = "published." + std::to_string(index + 1);
    lesson.strings[local_name] = std::move(texts);
    return lesson_message_id(lesson, local_name);
}

void read_published(const Fields& f, LessonFile& lesson) {
    const toml::array* a = f.optional_array("published");
    if (!a) return;
    for (const toml::node& item : *a) {
        if (!item.is_table()) throw f.error(item, "each [[published]] entry must be a table");
        const Fields p(*item.as_table(), f.file());
        p.only({"key", "value", "label"});
        const toml::node* value = p.find("value");
        if (value && !value->is_string())
            throw p.error(*value, "write the published figure as a string, as printed (\"0.6670\" keeps its zero)");
        std::string label = read_label(p, lesson, lesson.published.size());
        lesson.published.push_back({p.string("key"), p.string("value"), std::move(label)});
    }
}

const LessonKind& read_kind(const Fields& f) {
    const std::string kind = f.string("kind");
    const LessonKind* k = find_lesson_kind(kind);
    if (!k) throw f.error(*f.find("kind"), "unknown lesson kind '" + kind + "' (known kinds: " + lesson_kind_names() + ")");
    return *k;
}

}  // namespace

LessonFile load_lesson_file(const std::filesystem::path& dir) {
    LessonFile lesson;
    lesson.path = (dir / "lesson.toml").string();
    lesson.root = parse_toml_file(lesson.path);
    const Fields f(lesson.root, lesson.path);
    const LessonKind& kind = read_kind(f);
    std::vector<std::string_view> known = common_keys;
    known.insert(known.end(), kind.keys.begin(), kind.keys.end());
    f.only(known);

    lesson.kind = std::string(kind.name);
    lesson.info.id = f.string("id");
    lesson.info.dir = dir;
    if (lesson.info.id != dir.filename().string())
        throw f.error(*f.find("id"), "the id '" + lesson.info.id + "' must be the folder's name, '" +
                                         dir.filename().string() + "'");
    lesson.info.title = f.texts("title");
    lesson.info.summary = f.texts("summary");
    f.string("source");
    lesson.section = read_section(f);
    lesson.arithmetic = read_arithmetic(f);
    if (const auto digits = f.optional_integer("digits")) {
        if (*digits < 0 || *digits > 12) throw f.error(*f.find("digits"), "'digits' must be between 0 and 12");
        lesson.exact_digits = static_cast<int>(*digits);
    }
    lesson.parameters = read_parameters(f);
    lesson.secret = f.strings("secret");
    for (const std::string& name : lesson.secret)
        if (!lesson.parameters.has(name) || lesson.parameters.at(name).type != Parameter::Type::text)
            throw f.error(*f.find("secret"), "'secret' lists text parameters only: '" + name + "' is not one");
    for (const std::string& name : f.strings("internal")) {
        if (!lesson.parameters.has(name))
            throw f.error(*f.find("internal"), "'internal' lists parameters only: '" + name + "' is not one");
        lesson.internal.insert(name);
    }
    lesson.strings = read_strings(f);
    read_published(f, lesson);
    return lesson;
}

std::string lesson_message_id(const LessonFile& lesson, const std::string& local_name) {
    return lesson.info.id + "." + local_name;
}

}  // namespace nntrace
