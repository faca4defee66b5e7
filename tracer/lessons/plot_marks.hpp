// What a plot writes beside its points and lines, chosen where the numbers are (the renderer
// only draws): the points' numbers as the page's table counts them, left out where they would
// print over each other; contour levels from the stop level up, each with a place on its line.
// Internal to the lessons library.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "core/record.hpp"

namespace nntrace {

using Range = std::pair<double, double>;

// The span of what must be seen: the declared range (if any) and every value in `values`,
// with a margin so the extreme points are not on the frame.
Range plot_range(const std::optional<Range>& declared, const std::vector<double>& values);

// The share of the frame's width a label's box takes (a number of one or two digits at the
// plot's font), and the height of the plotted area as a share of its width: what decides whether
// two labels collide.
struct LabelRoom {
    double label_width = 0.05;
    double height_ratio = 0.75;  // 1: the frame's own shape (equal scales)
};

// The points' numbers, first_index for the first point, as Args (a number each, shown bare); a
// point whose label would overlap an earlier one's is left unlabelled. The first and the last
// point are labelled first, then the others in order.
std::vector<Arg> numbered_marks(const std::vector<double>& x, const std::vector<double>& y, Range xr, Range yr,
                                int first_index, LabelRoom room = {});

// Levels at 1, 2 and 5 times the powers of ten from `lowest` (the stop level, itself included)
// up to `highest`; at most `most` of them (every other decade's 2 and 5 dropped when more).
std::vector<double> round_levels(double lowest, double highest, std::size_t most = 12);

// Each level of a grid series, with its label where the level's line crosses the lowest row of the
// grid it reaches (at or above `inset` rows from the bottom), at the rightmost such crossing; a
// label that would print over another is left out (the first level's is kept).
std::vector<Series::Level> labelled_levels(const Series& grid, const std::vector<double>& levels, std::size_t inset,
                                          LabelRoom room = {});

}  // namespace nntrace
