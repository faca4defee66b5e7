// The number game in the record. Symbols: n the hidden number, g A's guess, min and max the
// range A still considers possible, s the sign B reports.
#include "lessons/guessing_items.hpp"

namespace nntrace {
namespace {

using namespace guessing;

const char* verdict_name(Verdict v) {
    switch (v) {
        case Verdict::too_big: return "too_big";
        case Verdict::too_small: return "too_small";
        case Verdict::right: return "right";
    }
    return "";
}

int sign_of(Verdict v) { return v == Verdict::too_big ? 1 : v == Verdict::too_small ? -1 : 0; }

Section setup_section(const NumberGame& game) {
    Section s{"setup", message("guessing.section.setup"), {}};
    s.items.emplace_back(Note{"setup/rules", Note::Kind::info, message("guessing.number.setup")});
    s.items.emplace_back(Step{"setup/min", "min", {}, whole(game.low), std::nullopt});
    s.items.emplace_back(Step{"setup/max", "max", {}, whole(game.high), std::nullopt});
    s.items.emplace_back(Step{"setup/hidden", "n", {}, whole(game.hidden), std::nullopt});
    return s;
}

// The guess: the first one is simply stated (initialisation); each later one is the middle of
// what is left, stated aloud (forward computation).
Step guess_step(const GuessRound& r, std::size_t k, const std::string& p) {
    if (k == 1) return {p + "guess", "g", {}, whole(r.guess), word_label(TrainingWord::initialisation)};
    return {p + "guess", "g",
            {text("⌊("), symbol("min", whole(r.low)), text(" + "), symbol("max", whole(r.high)), text(") / 2⌋")},
            whole(r.guess), word_label(TrainingWord::forward)};
}

// A moves the end of the range the answer rules out: past the guess.
Step descent_step(const GuessRound& r, const std::string& p) {
    const bool up = r.verdict == Verdict::too_small;
    return {p + (up ? "min" : "max"), up ? "min" : "max",
            {symbol("g", whole(r.guess)), text(up ? " + 1" : " − 1")}, whole(r.guess + (up ? 1 : -1)),
            word_label(TrainingWord::descent)};
}

Section round_of(const NumberGame& game, const GuessRound& r, std::size_t k) {
    Section s = round_section(k);
    const std::string p = s.key + "/";
    const Num miss = whole(r.guess - game.hidden);
    s.items.emplace_back(guess_step(r, k, p));
    s.items.emplace_back(Step{p + "loss", "g − n", {symbol("g", whole(r.guess)), text(" − "), symbol("n", whole(game.hidden))},
                              miss, word_label(TrainingWord::loss)});
    // Only the sign travels back to A, never the size of the miss.
    s.items.emplace_back(Step{p + "sign", "s", {text("sign("), symbol("g − n", miss), text(")")},
                              whole(sign_of(r.verdict)), word_label(TrainingWord::backward)});
    s.items.emplace_back(Note{p + "says", Note::Kind::info,
                              message(std::string("guessing.number.says.") + verdict_name(r.verdict))});
    if (r.verdict == Verdict::right)
        s.items.emplace_back(Note{p + "end", Note::Kind::info,
                                  message("guessing.number.found", {number_arg(whole(static_cast<long long>(k)))})});
    else
        s.items.emplace_back(descent_step(r, p));
    return s;
}

Column column(std::string key, Message title) { return {std::move(key), std::move(title), 0}; }

Table summary_table(const std::vector<GuessRound>& rounds) {
    Table t{"summary", message("guessing.table.rounds"),
            {column("round", message("guessing.column.round")),
             column("min", message("guessing.column.name", {{"min", std::nullopt}})),
             column("max", message("guessing.column.name", {{"max", std::nullopt}})),
             column("guess", message("guessing.column.name", {{"g", std::nullopt}})),
             column("verdict", message("guessing.column.verdict"))},
            {}};
    for (std::size_t k = 1; k <= rounds.size(); ++k) {
        const GuessRound& r = rounds[k - 1];
        t.rows.push_back({Cell{whole(static_cast<long long>(k)), std::nullopt}, Cell{whole(r.low), std::nullopt},
                          Cell{whole(r.high), std::nullopt}, Cell{whole(r.guess), std::nullopt},
                          Cell{std::nullopt, message(std::string("guessing.verdict.") + verdict_name(r.verdict))}});
    }
    return t;
}

}  // namespace

std::vector<Section> number_game_sections(const NumberGame& game, const std::vector<GuessRound>& rounds) {
    std::vector<Section> out{setup_section(game)};
    for (std::size_t k = 1; k <= rounds.size(); ++k) out.push_back(round_of(game, rounds[k - 1], k));
    out.push_back(Section{"summary", message("guessing.section.summary"), {summary_table(rounds)}});
    out.push_back(words_section("number", {{number_arg(whole(game.first_guess))}}));
    return out;
}

}  // namespace nntrace
