// Grading a class in which every student has a variant of their own (nntrace variants): each
// row of the sheet is judged against the variant of its id, with the mistake finder and
// follow-on marking, and a row whose answers are another student's key is marked wrong with
// that reason. The judgements have the same shape as a one-problem grading's, so the report and
// the gradebook count verdicts and mistakes across the variants.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "checking/grade.hpp"

namespace nntrace {

struct ClassVariant {
    std::string id;   // the student's id, as the roster and the sheet write it
    Problem problem;  // the student's concrete problem: no [random], the drawn values in place
};

struct VariantGrading {
    std::vector<StudentResult> results;  // the rows whose id has a variant, in sheet order
    std::vector<CsvFault> unmatched;     // the rows whose id has none: reported, never graded
    Record run;                          // the first graded variant's run: the report's title and arithmetic
};

// Judges each row of `sheet` against the variant of its id. `variants` is the whole class (the
// roster, or the folders of `nntrace variants`), not only those in the sheet: a row is compared
// with every other student's key. A row all of whose answers (blanks aside) equal another
// student's key, at the decimals each is compared at, while some are wrong for its own variant,
// has those wrong ones marked wrong with the cause "other_variant <id>" (the other student's
// id, also in its message), before any other cause. Each variant is run when its first row is judged, and
// its mistakes when one of its answers is not correct; a variant with no row is run only to
// read its key when its [answers] do not hold the sheet's answers. Throws InputError when a
// variant does not compute an answer of the sheet, naming its file.
// Runs body(k) for every k < count, in any order and on any threads (nntrace grade passes its
// parallel_for); unset: one after the other.
using ForEach = std::function<void(std::size_t count, const std::function<void(std::size_t)>& body)>;

// The variants are judged by `for_each`, one task per variant with rows (each its own Judge);
// the comparison with the other keys then runs in sheet order. A failing task's error (that of
// the lowest task, if for_each rethrows so) is thrown.
VariantGrading grade_by_variant(const std::vector<ClassVariant>& variants, const GradeSheet& sheet,
                                const MistakeContext& context,
                                const std::function<void(std::size_t, std::size_t)>& progress = {},
                                const ForEach& for_each = {});

}  // namespace nntrace
