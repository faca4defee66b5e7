// A class's pages stay lean: `grade --format html|md` of 10⁵ rows was killed at 60 s with
// 3.3 GB, because every table cell became a template object copied at each level of the
// page's data. No timing here (speed goals are in bench/grade_pages_bench.cpp): the page must
// grow linearly with the class, and rendering it must not allocate much more than it writes.
#include <cstdlib>
#include <new>

#include <catch2/catch.hpp>

#include "checking/answers.hpp"
#include "checking/grade.hpp"
#include "checking/judge.hpp"
#include "problem/problem.hpp"
#include "render/render.hpp"

namespace {

// Bytes asked of operator new while `counting`; this test program only.
bool counting = false;
std::size_t allocated = 0;

}  // namespace

// Every unaligned form is replaced, not only the plain one: std::stable_sort asks for its buffer
// with the nothrow form, and a block from the sanitizer's own operator new given back to
// std::free here is an alloc-dealloc mismatch under AddressSanitizer.
namespace {
void* counted_malloc(std::size_t n) noexcept {
    if (counting) allocated += n;
    return std::malloc(n == 0 ? 1 : n);
}
}  // namespace

void* operator new(std::size_t n) {
    if (void* p = counted_malloc(n)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    if (void* p = counted_malloc(n)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_malloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_malloc(n); }
// Every operator new above takes its block from std::malloc, so std::free is its match; GCC
// cannot see that once it inlines a standard container's allocation into this file (a std::map
// in a header the test includes did) and warns of a mismatch that is not one.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

using namespace nntrace;

namespace {

const std::string home = NNTRACE_SOURCE_HOME;

// Rows of exercise 7's answers: in each 5, two all right and one wrong answer in each column.
std::string sheet(std::size_t rows) {
    const char* right[] = {"0.384", "-0.410", "-0.301"};
    const char* wrong[] = {"0.385", "0.410", "-0.150"};
    std::string out = "student,yhat,dL/dw7,dL/dw8\n";
    for (std::size_t i = 0; i < rows; ++i) {
        const std::string number = std::to_string(100000 + i);  // every name as long
        out += "student " + number;
        for (std::size_t j = 0; j < 3; ++j) out += std::string(",") + (i % 5 == j + 2 ? wrong[j] : right[j]);
        out += "\n";
    }
    return out;
}

Record graded(std::size_t rows) {
    static const Problem problem = read_problem(home + "/examples/exercise-7.toml");
    const GradeSheet s = read_grade_sheet(sheet(rows), "sheet.csv");
    std::vector<GivenAnswer> asked;
    for (const auto& a : s.answers) asked.push_back({a, "", std::nullopt, ""});
    const Judge judge(with_answers(problem, asked), s.answers, MistakeContext{3});
    return grade_record(judge, s, grade_students(judge, s));
}

RenderOptions options() {
    RenderOptions o;
    o.messages_dir = home + "/templates/messages";
    o.templates_dir = home + "/templates";
    return o;
}

}  // namespace

TEST_CASE("Grade pages: a page grows by the same bytes for every row", "[hardening][grade-pages]") {
    for (const Format f : {Format::html, Format::md}) {
        const std::size_t small = render(graded(500), f, options()).size();
        const std::size_t middle = render(graded(1000), f, options()).size();
        const std::size_t large = render(graded(2000), f, options()).size();
        INFO(static_cast<int>(f) << ": " << small << ", " << middle << ", " << large);
        const double first = static_cast<double>(middle - small) / 500;
        const double second = static_cast<double>(large - middle) / 1000;
        CHECK(second == Approx(first).epsilon(0.02));
    }
}

TEST_CASE("Grade pages: rendering a class allocates little more than the page it writes", "[hardening][grade-pages]") {
    const Record record = graded(2000);
    for (const Format f : {Format::html, Format::md}) {
        allocated = 0;
        counting = true;
        const std::string page = render(record, f, options());
        counting = false;
        INFO(static_cast<int>(f) << ": " << allocated << " bytes allocated for a page of " << page.size());
        CHECK(allocated < 60 * page.size());  // before: a peak of over 100 times the page
    }
}
