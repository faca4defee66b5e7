// The arithmetic policy of a run: exact (double) or a hand calculation that rounds every
// intermediate to N decimals, the way a student with a calculator does.
#pragma once

#include <cmath>
#include <optional>

namespace nntrace {

enum class Rounding {
    exact,     // plain double arithmetic, nothing rounded
    half_up,   // 四舍五入: round half away from zero (0.7225 → 0.723, −0.0625 → −0.063)
    truncate,  // drop the digits past N (toward zero), as some calculators do
};

// Rounds v to `decimals` decimals, decimal-exactly. The double is first read at 15 significant
// digits, as a calculator's display would show it, so 0.85 × 0.85 (0.72249999999999992 in
// binary) is seen as 0.7225 and rounds half up to 0.723. printf("%.3f") would give 0.722.
double round_decimal(double v, int decimals, Rounding mode);

// Whether v, read as round_decimal reads it, lies within `tolerance` of a value where rounding to
// `decimals` by `mode` jumps: …5 exactly past the last digit for half-up (0.7225 at 3 decimals),
// just below a whole last digit for truncate (0.72299999999 at 3). There the digit written down
// depends on the calculator (half-to-even, a 10-digit display), so a key computed there is not
// one every student can reproduce. Exact arithmetic has no boundary.
bool near_rounding_boundary(double v, int decimals, Rounding mode, double tolerance);

// While one lives, every value a hand calculation on this thread rounds (Arithmetic::apply) is
// looked at, and the first that lies near a rounding boundary is kept. `nntrace variants` runs a
// drawn variant under a watch and draws again when it finds one. Watches nest: the innermost
// sees the values. Per thread, so that parallel runs do not report to each other.
class RoundingWatch {
public:
    explicit RoundingWatch(double tolerance = 1e-9);
    ~RoundingWatch();
    RoundingWatch(const RoundingWatch&) = delete;
    RoundingWatch& operator=(const RoundingWatch&) = delete;

    // The first value rounded near a boundary, with the decimals it was rounded to.
    const std::optional<double>& first_on_boundary() const { return first_; }
    int first_decimals() const { return first_decimals_; }

    void see(double v, int decimals, Rounding mode) {
        if (!first_ && near_rounding_boundary(v, decimals, mode, tolerance_)) first_ = v, first_decimals_ = decimals;
    }

    static RoundingWatch* active() { return active_; }

private:
    double tolerance_;
    std::optional<double> first_;
    int first_decimals_ = 0;
    RoundingWatch* outer_;
    static thread_local RoundingWatch* active_;
};

struct Arithmetic {
    Rounding rounding = Rounding::exact;
    int decimals = 0;  // meaningful only when rounding != exact

    static Arithmetic exact() { return {}; }
    static Arithmetic hand(int decimals, Rounding r = Rounding::half_up) { return {r, decimals}; }

    bool is_hand() const { return rounding != Rounding::exact; }
    // The value a hand calculation writes down; the identity in exact mode.
    double apply(double v) const {
        if (!is_hand()) return v;
        if (RoundingWatch* watch = RoundingWatch::active()) watch->see(v, decimals, rounding);
        return round_decimal(v, decimals, rounding);
    }
};

// A number as the run used it (`hand`: rounded in a hand calculation, equal to `exact` otherwise)
// and as exact arithmetic along the same path would have produced it.
struct Num {
    double exact = 0;
    double hand = 0;

    static Num both(double v) { return {v, v}; }
};

// Whether both tracks hold a number (an overflow or a fault leaves inf or nan in either).
inline bool is_finite(const Num& n) { return std::isfinite(n.exact) && std::isfinite(n.hand); }

// The steps an algorithm takes itself (a Δ, a share, an update) in both tracks: the exact track
// computes exactly, the hand track rounds as it is produced. "+ 0.0" turns −0 (−1 · 0) into 0.
inline Num add(const Num& a, const Num& b, const Arithmetic& ar) {
    return {a.exact + b.exact + 0.0, ar.apply(a.hand + b.hand) + 0.0};
}
inline Num subtract(const Num& a, const Num& b, const Arithmetic& ar) {
    return {a.exact - b.exact + 0.0, ar.apply(a.hand - b.hand) + 0.0};
}
inline Num multiply(const Num& a, const Num& b, const Arithmetic& ar) {
    return {a.exact * b.exact + 0.0, ar.apply(a.hand * b.hand) + 0.0};
}
inline Num multiply(double k, const Num& a, const Arithmetic& ar) { return multiply(Num::both(k), a, ar); }
inline Num divide(const Num& a, const Num& b, const Arithmetic& ar) {
    return {a.exact / b.exact + 0.0, ar.apply(a.hand / b.hand) + 0.0};
}

}  // namespace nntrace
