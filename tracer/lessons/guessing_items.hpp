// Record sections for the guessing games (algorithms/guessing.hpp): the rules, one section per
// round whose steps are each labelled with the word of training they illustrate, a table of
// all rounds (and, for the black box, a plot), and the five words mapped onto the game. Values
// are copied from the algorithm's results; nothing is computed here beyond counting rounds and
// the sign and size of a difference the learner is told. Message ids: templates/messages/guessing.toml. Internal to
// the lessons library.
//
// Keys: "setup/<symbol>", "round/<k>/<step>" (k from 1), "summary" (the table: "summary/<k>/<column>"),
// "summary/plot", "words/<word>".
#pragma once

#include <string>
#include <vector>

#include "algorithms/guessing.hpp"
#include "core/record.hpp"

namespace nntrace {

std::vector<Section> number_game_sections(const NumberGame& game, const std::vector<GuessRound>& rounds);
std::vector<Section> black_box_sections(const BoxPlan& plan, const BoxRun& run);

// Shared by the two games; a namespace of their own keeps these short names out of the way.
namespace guessing {

// The five words of training, in the order a round goes through them.
enum class TrainingWord { initialisation, forward, loss, backward, descent };
inline constexpr TrainingWord training_words[] = {TrainingWord::initialisation, TrainingWord::forward,
                                                  TrainingWord::loss, TrainingWord::backward,
                                                  TrainingWord::descent};

const char* word_name(TrainingWord w);  // "initialisation", … as keys and message ids use them
Message word_label(TrainingWord w);     // "guessing.word.<name>"

Piece symbol(std::string name, Num value);
Piece text(std::string t);
Num whole(long long v);
Message message(std::string id, std::vector<Arg> args = {});
Arg number_arg(Num n);

// A section whose title is "Round k".
Section round_section(std::size_t k);
// The closing section: one note per training word, "guessing.map.<game>.<word>", each with the
// arguments given for it (in training_words order).
Section words_section(const std::string& game, const std::vector<std::vector<Arg>>& args);

}  // namespace guessing
}  // namespace nntrace
