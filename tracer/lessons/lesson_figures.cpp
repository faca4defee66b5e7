#include "lessons/lesson_figures.hpp"

#include <exception>

#include "core/compare.hpp"
#include "core/finder.hpp"
#include "lessons/lesson_file.hpp"

namespace nntrace {
namespace {

constexpr int most_decimals = 9;

// The lesson worked by hand at every precision 0…9, half away from zero and truncating: what a
// source that worked at other decimals than it says would have printed.
class HandRuns {
public:
    HandRuns(const LessonFile& lesson, const Parameters& parameters) : lesson_(lesson), parameters_(parameters) {}

    std::vector<Explanation> values_of(const std::string& key, int written_decimals) {
        if (!ran_) run_all();
        std::vector<Explanation> out;
        for (const auto& [arithmetic, record] : runs_) {
            const auto v = record.find(key);
            if (!v) continue;
            const bool cut = arithmetic.rounding == Rounding::truncate;
            const std::string k = std::to_string(arithmetic.decimals);
            Explanation e;
            e.family = Explanation::Family::arithmetic;
            e.order = 1;  // after the single roundings, which say more
            e.id = std::string(cut ? "by_hand_truncating " : "by_hand ") + k;
            e.value = v->hand;
            const Arg value = number_arg(v->hand, std::max(arithmetic.decimals, written_decimals));
            e.message = Message{cut ? "finder.by_hand_truncating" : "finder.by_hand", {text_arg(k), value}};
            e.near_id = cut ? "by_hand_truncating" : "by_hand";
            e.near_args = {text_arg(k), value};
            out.push_back(std::move(e));
        }
        return out;
    }

private:
    void run_all() {
        for (Rounding r : {Rounding::half_up, Rounding::truncate})
            for (int k = 0; k <= most_decimals; ++k) {
                const Arithmetic a = Arithmetic::hand(k, r);
                try {
                    Record record;
                    record.sections = find_lesson_kind(lesson_.kind)->run(LessonRun{lesson_, parameters_, a, true});
                    runs_.emplace_back(a, std::move(record));
                } catch (const std::exception&) {
                    // At this precision the calculation breaks down (a division by a value rounded
                    // to 0): no source worked it that way.
                }
            }
        ran_ = true;
    }

    const LessonFile& lesson_;
    const Parameters& parameters_;
    std::vector<std::pair<Arithmetic, Record>> runs_;
    bool ran_ = false;
};

}  // namespace

std::vector<Comparison> compare_figures(const LessonFile& lesson, const Parameters& source_parameters,
                                        const Record& source) {
    HandRuns hand(lesson, source_parameters);
    std::vector<Comparison> out;
    FigureContext context;
    context.run = &source;
    for (const auto& p : lesson.published) {
        const auto computed = source.find(p.key);
        Comparison c = compare_published(p.key, p.label, p.value, computed, context);
        if (c.verdict != Comparison::Verdict::matches && c.verdict != Comparison::Verdict::missing) {
            FigureContext with_hand = context;
            with_hand.alternatives = hand.values_of(p.key, c.digits);
            c = compare_published(p.key, p.label, p.value, computed, with_hand);
        }
        if (const auto printed = read_printed(p.value); printed && computed)
            context.earlier.emplace_back(*computed, printed->value);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace nntrace
