#include "checking/grade_by_variant.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "checking/answers.hpp"
#include "core/compare.hpp"
#include "core/errors.hpp"

namespace nntrace {
namespace {

constexpr std::size_t variant_progress_every = 500;

using Key = std::vector<std::optional<double>>;  // one value per answer of the sheet

std::vector<GivenAnswer> asked_of(const GradeSheet& sheet) {
    std::vector<GivenAnswer> asked;
    for (const auto& a : sheet.answers) asked.push_back({a, "", std::nullopt, ""});
    return asked;
}

// The class's variants, each judged at most once and only when needed.
class ClassJudges {
public:
    ClassJudges(const std::vector<ClassVariant>& variants, const GradeSheet& sheet, const MistakeContext& context)
        : variants_(variants), sheet_(sheet), context_(context), asked_(asked_of(sheet)), judges_(variants.size()),
          keys_(variants.size()) {
        for (std::size_t i = 0; i < variants.size(); ++i) index_.emplace(variants[i].id, i);
    }

    std::optional<std::size_t> find(const std::string& id) const {
        const auto it = index_.find(id);
        return it == index_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }
    std::size_t size() const { return variants_.size(); }
    const std::string& id(std::size_t v) const { return variants_[v].id; }

    const Judge& judge(std::size_t v) {
        if (!judges_[v]) {
            const Problem& p = variants_[v].problem;
            judges_[v] = std::make_unique<Judge>(asking_the_sheet(p), sheet_.answers, context_, RunOptions{}, true, &shapes_);
            for (const auto& a : sheet_.answers)
                if (!judges_[v]->knows(a))
                    throw InputError(p.file + ": the variant of " + variants_[v].id + " computes no '" + a + "' (an answer of the sheet)");
        }
        return *judges_[v];
    }

    // The variant as its Judge needs it: asking the sheet's answers. A run reads only their names
    // (an answer dA/dB asks for that derivative), so a variant whose [answers] name the sheet's,
    // in its order (the files nntrace variants writes), is lent as it is instead of copied.
    std::shared_ptr<const Problem> asking_the_sheet(const Problem& p) const {
        const bool same = std::equal(p.answers.begin(), p.answers.end(), sheet_.answers.begin(), sheet_.answers.end(),
                                     [](const Answer& a, const std::string& name) { return a.name == name; });
        if (same) return std::shared_ptr<const Problem>(std::shared_ptr<const Problem>(), &p);  // not owned: variants_ outlives it
        return std::make_shared<const Problem>(with_answers(p, asked_));
    }

    // A Judge whose rows are judged, once its key is known: a class of 10⁴ variants would
    // otherwise keep 10⁴ problems, graphs and records alive until the end.
    void release(std::size_t v) {
        key(v);
        judges_[v].reset();
    }

    // The variant's key for the sheet's answers: its own [answers] (the key nntrace variants
    // writes) when they hold every answer, else its run.
    const Key& key(std::size_t v) {
        if (keys_[v]) return *keys_[v];
        Key key;
        const Problem& p = variants_[v].problem;
        for (const auto& a : sheet_.answers) {
            std::optional<double> value;
            for (const auto& written : p.answers)
                if (written.name == a)
                    if (auto printed = read_printed(written.text)) value = printed->value;
            key.push_back(value);
        }
        if (std::any_of(key.begin(), key.end(), [](const auto& k) { return !k.has_value(); }))
            for (std::size_t a = 0; a < key.size(); ++a) key[a] = judge(v).record().find(sheet_.answers[a])->hand;
        keys_[v] = std::move(key);
        return *keys_[v];
    }

private:
    const std::vector<ClassVariant>& variants_;
    const GradeSheet& sheet_;
    MistakeContext context_;
    std::vector<GivenAnswer> asked_;
    std::unordered_map<std::string, std::size_t> index_;
    ShapePool shapes_;  // the variants' graphs, one of each shape per thread; before the Judges that lease them
    std::vector<std::unique_ptr<Judge>> judges_;
    std::vector<std::optional<Key>> keys_;
};

bool matches_key(const std::vector<Judgement>& row, const Key& key) {
    bool any = false;
    for (std::size_t a = 0; a < row.size(); ++a) {
        const auto printed = read_printed(row[a].given);
        if (!printed) continue;  // a blank says nothing
        if (!key[a]) return false;
        const int d = row[a].decimals;
        if (last_digit_units(printed->value, d, Rounding::half_up) != last_digit_units(*key[a], d, Rounding::half_up))
            return false;
        any = true;
    }
    return any;
}

// Another student's variant whose key a row reproduces, found through an index of every key's
// first answer at the decimals that answer is compared at.
class KeyIndex {
public:
    explicit KeyIndex(ClassJudges& judges) : judges_(judges) {}

    std::optional<std::size_t> other_matching(std::size_t own, const std::vector<Judgement>& row) {
        std::size_t first = 0;
        while (first < row.size() && !read_printed(row[first].given)) ++first;
        if (first == row.size()) return std::nullopt;
        const int d = row[first].decimals;
        const auto& bucket = by_units(first, d);
        const auto hit = bucket.find(last_digit_units(read_printed(row[first].given)->value, d, Rounding::half_up));
        if (hit == bucket.end()) return std::nullopt;
        for (std::size_t v : hit->second)
            if (v != own && matches_key(row, judges_.key(v))) return v;
        return std::nullopt;
    }

private:
    const std::map<double, std::vector<std::size_t>>& by_units(std::size_t answer, int decimals) {
        const auto at = std::make_pair(answer, decimals);
        auto it = indexes_.find(at);
        if (it != indexes_.end()) return it->second;
        std::map<double, std::vector<std::size_t>> index;
        for (std::size_t v = 0; v < judges_.size(); ++v)
            if (const auto& k = judges_.key(v)[answer]) index[last_digit_units(*k, decimals, Rounding::half_up)].push_back(v);
        return indexes_.emplace(at, std::move(index)).first->second;
    }

    ClassJudges& judges_;
    std::map<std::pair<std::size_t, int>, std::map<double, std::vector<std::size_t>>> indexes_;
};

void mark_other_variant(std::vector<Judgement>& row, const std::string& other) {
    const Cause cause{"other_variant " + other, Message{"check.cause.other_variant", {text_arg(other)}}};
    for (auto& j : row) {
        if (j.verdict != Verdict::wrong && j.verdict != Verdict::carried) continue;
        j.verdict = Verdict::wrong;
        j.causes.insert(j.causes.begin(), cause);
        j.reason = cause.message;
    }
}

bool some_wrong(const std::vector<Judgement>& row) {
    return std::any_of(row.begin(), row.end(), [](const Judgement& j) {
        return j.verdict == Verdict::wrong || j.verdict == Verdict::carried;
    });
}

}  // namespace

VariantGrading grade_by_variant(const std::vector<ClassVariant>& variants, const GradeSheet& sheet,
                                const MistakeContext& context,
                                const std::function<void(std::size_t, std::size_t)>& progress,
                                const ForEach& for_each) {
    ClassJudges judges(variants, sheet, context);
    VariantGrading out;
    // The rows of each variant, so that one task judges one variant's rows with its own Judge.
    std::vector<std::optional<std::size_t>> variant_of(sheet.students.size());
    std::vector<std::vector<std::size_t>> rows_of(variants.size());
    std::vector<std::size_t> used;  // the variants with rows, by their first row
    for (std::size_t i = 0; i < sheet.students.size(); ++i) {
        const StudentAnswers& s = sheet.students[i];
        variant_of[i] = judges.find(s.id);
        if (!variant_of[i]) {
            out.unmatched.push_back(CsvFault{s.line, "no variant for the id '" + s.id + "'", 1});
            continue;
        }
        if (rows_of[*variant_of[i]].empty()) used.push_back(*variant_of[i]);
        rows_of[*variant_of[i]].push_back(i);
    }
    std::vector<std::vector<Judgement>> judged(sheet.students.size());
    const auto judge_variant = [&](std::size_t k) {
        const Judge& judge = judges.judge(used[k]);
        for (std::size_t i : rows_of[used[k]]) {
            std::vector<WrittenAnswer> answers;
            for (std::size_t a = 0; a < sheet.answers.size(); ++a) answers.emplace_back(sheet.answers[a], sheet.students[i].given[a]);
            judged[i] = judge.judge_all(answers);
        }
        if (k != 0) judges.release(used[k]);  // the first one's record is the report's
    };
    if (for_each) for_each(used.size(), judge_variant);
    else for (std::size_t k = 0; k < used.size(); ++k) judge_variant(k);
    if (!used.empty()) out.run = judges.judge(used.front()).record();
    // Then, in sheet order, whether a row is another student's key.
    KeyIndex keys(judges);
    std::size_t done = 0;
    for (std::size_t i = 0; i < sheet.students.size(); ++i) {
        if (++done % variant_progress_every == 0 && progress) progress(done, sheet.students.size());
        if (!variant_of[i]) continue;
        StudentResult r{&sheet.students[i], std::move(judged[i])};
        if (some_wrong(r.judgements))
            if (auto other = keys.other_matching(*variant_of[i], r.judgements)) mark_other_variant(r.judgements, judges.id(*other));
        out.results.push_back(std::move(r));
    }
    if (progress) progress(done, sheet.students.size());
    return out;
}

}  // namespace nntrace
