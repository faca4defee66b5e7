#include "lessons/guessing_items.hpp"

namespace nntrace::guessing {

const char* word_name(TrainingWord w) {
    switch (w) {
        case TrainingWord::initialisation: return "initialisation";
        case TrainingWord::forward: return "forward";
        case TrainingWord::loss: return "loss";
        case TrainingWord::backward: return "backward";
        case TrainingWord::descent: return "descent";
    }
    return "";
}

Message word_label(TrainingWord w) { return message(std::string("guessing.word.") + word_name(w)); }

Piece symbol(std::string name, Num value) { return {std::move(name), value}; }
Piece text(std::string t) { return {std::move(t), std::nullopt}; }
Num whole(long long v) { return Num::both(static_cast<double>(v)); }
Message message(std::string id, std::vector<Arg> args) { return {std::move(id), std::move(args)}; }
Arg number_arg(Num n) { return {{}, n}; }

Section round_section(std::size_t k) {
    return {"round/" + std::to_string(k),
            message("guessing.section.round", {number_arg(whole(static_cast<long long>(k)))}), {}};
}

Section words_section(const std::string& game, const std::vector<std::vector<Arg>>& args) {
    Section s{"words", message("guessing.section.words"), {}};
    std::size_t i = 0;
    for (TrainingWord w : training_words) {
        const std::string name = word_name(w);
        s.items.emplace_back(Note{"words/" + name, Note::Kind::info,
                                  message("guessing.map." + game + "." + name, i < args.size() ? args[i] : std::vector<Arg>{})});
        ++i;
    }
    return s;
}

}  // namespace nntrace::guessing
