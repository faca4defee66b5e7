#include "checking/check_record.hpp"

#include <optional>
#include <algorithm>
#include <set>

#include "core/compare.hpp"

namespace nntrace {
namespace {

Message words(const std::string& id, std::vector<Arg> args = {}) { return Message{id, std::move(args)}; }
Arg text(const std::string& s) { return Arg{s, std::nullopt}; }
Cell word_cell(Message m) { return Cell{std::nullopt, std::move(m)}; }

Section section(const std::string& key, Message title) {
    Section s;
    s.key = key;
    s.title = std::move(title);
    return s;
}

// ∂A/∂B from the sections that differentiate and their elementary steps (not the training
// rounds, which repeat them).
bool differentiates(const Section& s) {
    return s.key == "backward" || s.key == "derivatives" || s.key == "backward-steps" || s.key == "derivatives-steps";
}

// The textbook chain of ∂of/∂wrt, made to stand alone: every formula written out (none was
// written before it on a check page) and no δ borrowed from another chain.
std::optional<NamedChain> named_chain_of(const Record& record, const std::string& of, const std::string& wrt) {
    for (const auto& s : record.sections) {
        if (!differentiates(s)) continue;
        for (const auto& item : s.items) {
            const auto* c = std::get_if<NamedChain>(&item);
            if (!c || c->of != of || c->wrt != wrt) continue;
            NamedChain alone = *c;
            for (ChainFactor& f : alone.factors) {
                f.first = true;
                f.delta.reset();
                for (ChainPath& p : f.paths)
                    for (ChainFactor& pf : p.factors) pf.first = true;
            }
            return alone;
        }
    }
    return std::nullopt;
}

std::vector<Item> chain_to(const Record& record, const std::string& root, const std::string& target) {
    std::set<std::string> wanted{target};  // names whose gradient the answer is built from
    std::vector<const Item*> picked;
    for (auto s = record.sections.rbegin(); s != record.sections.rend(); ++s) {
        if (!differentiates(*s)) continue;
        for (auto i = s->items.rbegin(); i != s->items.rend(); ++i) {
            if (const auto* c = std::get_if<ChainLine>(&*i); c && c->root == root && wanted.count(c->target)) {
                wanted.insert(c->through);
                picked.push_back(&*i);
            }
            if (const auto* g = std::get_if<GradientSum>(&*i); g && g->root == root && wanted.count(g->target))
                picked.push_back(&*i);
        }
    }
    std::vector<Item> out;
    for (auto p = picked.rbegin(); p != picked.rend(); ++p) out.push_back(**p);
    return out;
}

const Item* item_keyed(const Record& record, const std::string& key) {
    for (const auto& s : record.sections)
        for (const auto& item : s.items) {
            if (const auto* st = std::get_if<Step>(&item); st && st->key == key) return &item;
            if (const auto* u = std::get_if<Update>(&item); u && u->key == key) return &item;
        }
    return nullptr;
}

Table answers_table(const std::vector<Judgement>& judgements) {
    Table t;
    t.key = "answers";
    t.title = words("check.table.answers");
    for (const char* c : {"answer", "given", "computed", "verdict", "cause"})
        t.columns.push_back(Column{c, words(std::string("check.column.") + c), std::nullopt});
    for (const auto& j : judgements) {
        Message cause = j.reason.value_or(words("check.cause.none"));
        if (j.verdict == Verdict::correct || j.verdict == Verdict::blank) cause = words("check.cause.empty");
        t.rows.push_back({word_cell(words("check.as_written", {text(j.key)})),
                          word_cell(words("check.as_written", {text(j.given)})), Cell{j.computed, std::nullopt},
                          word_cell(verdict_words(j.verdict)), word_cell(cause)});
    }
    return t;
}

// What explains an answer that is not correct: the verdict, then each cause found, or what the
// finder tried.
std::vector<Item> diagnosis(const Judgement& j) {
    std::vector<Item> out;
    const bool last = j.verdict == Verdict::last_digit;
    const Arg decimals = text(std::to_string(j.decimals));
    const char* verdict = last ? "check.note.last_digit" : j.verdict == Verdict::carried ? "check.note.carried" : "check.note.wrong";
    out.emplace_back(Note{"verdict", Note::Kind::warning, words(verdict, {text(j.key), text(j.given), decimals})});
    if (j.causes.empty()) {
        out.emplace_back(Note{"no-cause", Note::Kind::info, words(last ? "check.note.last_digit_unexplained" : "check.note.no_cause")});
        if (j.reason) out.emplace_back(Note{"tried", Note::Kind::info, *j.reason});
    } else
        out.emplace_back(Note{"causes", Note::Kind::info, words(last ? "check.note.last_digit_causes" : "check.note.causes")});
    for (std::size_t i = 0; i < j.causes.size(); ++i)
        out.emplace_back(Note{"cause-" + std::to_string(i + 1), Note::Kind::info, j.causes[i].message});
    return out;
}

}  // namespace

Message verdict_words(Verdict v) {
    switch (v) {
        case Verdict::correct: return words("check.verdict.correct");
        case Verdict::last_digit: return words("check.verdict.last_digit");
        case Verdict::carried: return words("check.verdict.carried");
        case Verdict::wrong: return words("check.verdict.wrong");
        case Verdict::blank: return words("check.verdict.blank");
    }
    return words("check.verdict.blank");
}

std::vector<Item> lines_leading_to(const Record& record, const std::string& key) {
    std::vector<Item> out;
    std::string derivative = key;
    if (!key.empty() && key.back() == '+' && key.find('@') == std::string::npos && record.settings.count("loss"))
        derivative = "d" + record.settings.at("loss") + "/d" + key.substr(0, key.size() - 1);
    // A derivative: its textbook chain (the factors the student multiplied), or where there is
    // none (too many routes), the elementary lines.
    if (auto d = parse_derivative_name(derivative)) {
        if (auto chain = named_chain_of(record, d->of, d->wrt)) out.emplace_back(std::move(*chain));
        else out = chain_to(record, d->of, d->wrt);
    }
    if (derivative != key)
        if (const Item* g = item_keyed(record, derivative)) out.push_back(*g);
    if (const Item* own = item_keyed(record, key)) out.push_back(*own);
    return out;
}

Record record_about(const Record& run, const std::string& suffix) {
    Record r;
    r.id = run.id + "-" + suffix;
    r.title = run.title;
    r.strings = run.strings;
    r.arithmetic = run.arithmetic;
    r.digits = run.digits;
    r.exact_digits = run.exact_digits;
    return r;
}

Record check_record(const Judge& judge, const std::vector<Judgement>& judgements) {
    Record r = record_about(judge.record(), "check");
    Section answers = section("answers", words("check.section.answers"));
    answers.items.emplace_back(answers_table(judgements));
    for (const auto& j : judgements)
        if (j.decimals_capped)
            answers.items.emplace_back(Note{"decimals-capped-" + j.key, Note::Kind::info,
                                            words("check.note.decimals_capped",
                                                  {text(j.key), text(std::to_string(max_judged_decimals))})});
    const auto first_wrong = std::find_if(judgements.begin(), judgements.end(), [](const Judgement& j) {
        return j.verdict == Verdict::wrong || j.verdict == Verdict::last_digit;
    });
    const bool any_carried = std::any_of(judgements.begin(), judgements.end(), [](const Judgement& j) { return j.verdict == Verdict::carried; });
    if (first_wrong != judgements.end() && any_carried)
        answers.items.emplace_back(Note{"first-wrong", Note::Kind::warning,
                                        words("check.note.first_wrong", {text(first_wrong->key), text(first_wrong->given)})});
    r.sections.push_back(std::move(answers));
    for (const auto& j : judgements) {
        if (j.verdict == Verdict::correct || j.verdict == Verdict::blank) continue;
        Section s = section("answer-" + j.key, words("check.section.answer", {text(j.key), text(j.given)}));
        s.items = diagnosis(j);
        s.items.emplace_back(Note{"correct-lines", Note::Kind::info, words("check.note.correct_lines")});
        for (auto& line : lines_leading_to(judge.record(), j.key)) s.items.push_back(std::move(line));
        r.sections.push_back(std::move(s));
    }
    return r;
}

}  // namespace nntrace
