// Handout and key as records: the renderers turn them into Markdown, HTML and CSV, so every
// number in them is formatted where every other number is.
#include "checking/variant_pages.hpp"

#include <stdexcept>

namespace nntrace {
namespace {

Message plain(const std::string& text) { return Message{"problem.name", {Arg{text, std::nullopt}}}; }
Cell text_cell(const std::string& text) { return Cell{std::nullopt, plain(text)}; }

Table definitions_table(const Problem& p) {
    Table t{"definitions", Message{"variants.table.definitions", {}}, {}, {}};
    t.columns = {Column{"name", Message{"problem.column.name", {}}, std::nullopt},
                 Column{"definition", Message{"variants.column.definition", {}}, std::nullopt}};
    for (const FunctionDefinition& f : p.functions) t.rows.push_back({text_cell(f.name + "(x)"), text_cell(f.body.text)});
    for (const NodeDefinition& n : p.nodes) t.rows.push_back({text_cell(n.name), text_cell(n.source.text)});
    return t;
}

Section task_section(const Problem& p) {
    Section s{"task", Message{"variants.section.task", {}}, {}};
    std::string asked;
    for (const std::string& name : variant_answer_names(p)) asked += (asked.empty() ? "" : ", ") + name;
    s.items.emplace_back(definitions_table(p));
    if (p.loss) s.items.emplace_back(Note{"loss", Note::Kind::info, Message{"variants.note.loss", {Arg{p.loss->name, std::nullopt}}}});
    s.items.emplace_back(Note{"compute", Note::Kind::info, Message{"variants.note.compute", {Arg{asked, std::nullopt}}}});
    return s;
}

}  // namespace

Record handout_record(const Record& run, const Problem& variant, const RosterStudent& student) {
    Record r;
    r.id = run.id;
    r.title = run.title;
    r.strings = run.strings;
    r.arithmetic = run.arithmetic;
    r.is_task = true;
    r.digits = run.digits;
    r.exact_digits = run.exact_digits;
    // No parameter list or run settings in the header: the "Given" table below lists every
    // value once, and settings such as "loss = L" are the solution's business.
    Section who{"student", Message{"variants.section.student", {}}, {}};
    who.items.emplace_back(Note{"student", Note::Kind::info,
                                Message{"variants.note.student", {Arg{student.name, std::nullopt}, Arg{student.id, std::nullopt}}}});
    r.sections.push_back(std::move(who));
    // The run's "Given": its values are the data, not answers.
    for (const Section& s : run.sections)
        if (s.key == "setup") r.sections.push_back(s);
    r.sections.push_back(task_section(variant));
    return r;
}

Record key_record(const Roster& roster, const std::vector<Variant>& variants) {
    if (variants.size() != roster.students.size()) throw std::logic_error("key_record: one variant per student");
    Record r;
    r.id = "key";
    r.title = Message{"variants.table.key", {}};
    Table t{"key", Message{"variants.table.key", {}}, {}, {}};
    for (const std::string& name : {std::string("id"), std::string("name")}) t.columns.push_back(Column{name, plain(name), std::nullopt});
    for (const std::string& name : roster.other_columns) t.columns.push_back(Column{name, plain(name), std::nullopt});
    if (!variants.empty()) {
        r.digits = variants.front().digits;
        for (const auto& [name, value] : variants.front().answers) t.columns.push_back(Column{name, plain(name), r.digits});
    }
    for (std::size_t i = 0; i < variants.size(); ++i) {
        const RosterStudent& s = roster.students[i];
        std::vector<Cell> row = {text_cell(s.id), text_cell(s.name)};
        for (const std::string& cell : s.other) row.push_back(text_cell(cell));
        for (const auto& [name, value] : variants[i].answers) row.push_back(Cell{value, std::nullopt});
        t.rows.push_back(std::move(row));
    }
    r.sections.push_back(Section{"key", Message{"variants.table.key", {}}, {std::move(t)}});
    return r;
}

}  // namespace nntrace
