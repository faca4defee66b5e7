// The printf/strtod forms of core/double_chars (what the browser build runs) give the same text
// and values as std::to_chars and std::from_chars (what the native build runs).
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/double_chars.hpp"

namespace nntrace {
namespace {

std::string standard_shortest(double v) {
    char buf[64];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

std::string standard_fixed(double v, int decimals) {
    std::vector<char> buf(400);
    return std::string(buf.data(), std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, decimals).ptr);
}

std::string standard_scientific(double v, int digits) {
    char buf[64];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, digits).ptr);
}

double from_bits(std::uint64_t bits) {
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

// Doubles of every kind: any bit pattern (every exponent), figures a lesson writes (0.384,
// 1e-05), powers of two (where the double below is nearer than the one above), and edges.
std::vector<double> sample_doubles() {
    std::vector<double> out = {0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.0, 0.384, 1e-5, 1e-4, 1e21, 1e22, 1e23, 5e-324,
                               2.2250738585072014e-308, 1.7976931348623157e308, 123456789012345680000.0,
                               0.30000000000000004, 9.5367431640625e-07, 1e15, 1e16, 1e17, 1234567.0};
    std::mt19937_64 random(20261202);
    for (int i = 0; i < 20000; ++i) {
        const double v = from_bits(random());
        if (std::isfinite(v)) out.push_back(v);
    }
    for (int e = -1074; e <= 1023; ++e) out.push_back(std::ldexp(1.0, e));
    for (int k = -20000; k <= 20000; k += 7) out.push_back(k / 1000.0);
    for (int e = -30; e <= 30; ++e) out.push_back(std::pow(10.0, e));
    return out;
}

}  // namespace

TEST_CASE("double chars: the portable shortest text is std::to_chars's", "[core][double_chars]") {
    for (const double v : sample_doubles()) {
        INFO(standard_shortest(v));
        REQUIRE(portable_chars::shortest_text(v) == standard_shortest(v));
    }
}

TEST_CASE("double chars: the portable fixed text is std::to_chars's", "[core][double_chars]") {
    for (const double v : sample_doubles()) {
        if (std::fabs(v) > 1e30) continue;  // a page never shows a figure that long
        for (int decimals : {0, 1, 3, 4, 9, 12}) REQUIRE(portable_chars::fixed_text(v, decimals) == standard_fixed(v, decimals));
    }
}

TEST_CASE("double chars: the portable scientific text is std::to_chars's", "[core][double_chars]") {
    for (const double v : sample_doubles())
        for (int digits : {0, 2, 14, 16}) REQUIRE(portable_chars::scientific_text(v, digits) == standard_scientific(v, digits));
}

TEST_CASE("double chars: the portable reader reads what std::from_chars reads", "[core][double_chars]") {
    for (const double v : sample_doubles()) {
        const std::string text = standard_shortest(v);
        REQUIRE(portable_chars::read_double(text) == std::optional<double>(v));
    }
    for (const char* text : {"0.384", "-3", "1e-3", ".5", "5.", "1e-400", "1e400", "1e-310", "2.5e-320"}) {
        INFO(text);
        double v = 0;
        const auto res = std::from_chars(text, text + std::strlen(text), v);
        const bool read = res.ec == std::errc() && res.ptr == text + std::strlen(text);
        REQUIRE(portable_chars::read_double(text) == (read ? std::optional<double>(v) : std::nullopt));
    }
}

TEST_CASE("double chars: the portable reader refuses what std::from_chars refuses", "[core][double_chars]") {
    for (const char* text : {"", "+1", " 1", "0x10", "1 ", "1.5x", "--1", "e5"})
        REQUIRE_FALSE(portable_chars::read_double(text).has_value());
}

}  // namespace nntrace
