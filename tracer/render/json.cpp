// The record as JSON for programs: every number with its exact value, the value the run used
// and the figure a page shows; every message with its id and its text in the chosen language.
#include <nlohmann/json.hpp>

#include "formats.hpp"
#include "formula_text.hpp"
#include "page.hpp"

namespace nntrace {
namespace {

using nlohmann::json;

class JsonWriter {
public:
    explicit JsonWriter(const Page& page) : page_(page) {}

    json record() const;

private:
    json num(const Num& n, int decimals) const {
        return {{"exact", n.exact}, {"value", n.hand}, {"shown", format_number(n.hand, decimals)}};
    }
    json num(const Num& n) const { return num(n, page_.digits); }
    json message(const Message& m) const { return {{"id", m.id}, {"text", page_.words(m)}}; }
    json formula(const Formula& f) const;
    json item(const Item& item) const;
    json step(const Step& s) const;
    json chain(const ChainLine& c) const;
    json sum(const GradientSum& g) const;
    json named_chain(const NamedChain& c) const;
    json factor(const ChainFactor& f) const;
    json update(const Update& u) const;
    json table(const Table& t) const;
    json note(const Note& n) const;
    json diagram(const Diagram& d) const;
    json network(const NetworkDiagram& n) const;
    json plot(const Plot& p) const;
    json label(const Arg& a) const;
    json comparison(const Comparison& c) const;

    const Page& page_;
};

// A formula as its pieces, and written out with symbols and with values.
json JsonWriter::formula(const Formula& f) const {
    json pieces = json::array();
    for (const Piece& p : f) {
        json piece = {{"text", p.text}};
        if (p.value) piece["value"] = num(*p.value);
        pieces.push_back(std::move(piece));
    }
    const FormulaText text = formula_text(f, page_.value_style());
    return {{"pieces", pieces}, {"formula", text.symbols}, {"substituted", text.substituted}};
}

json JsonWriter::step(const Step& s) const {
    json out = formula(s.formula);
    out.update({{"kind", "step"}, {"key", s.key}, {"name", s.name}, {"value", num(s.value)}});
    if (s.label) out["label"] = message(*s.label);
    return out;
}

json JsonWriter::chain(const ChainLine& c) const {
    return {{"kind", "chain"}, {"key", c.key}, {"root", c.root}, {"target", c.target},
            {"through", c.through}, {"upstream", num(c.upstream)}, {"rule", c.rule},
            {"local_formula", formula(c.local_formula)}, {"local", num(c.local)},
            {"contribution", num(c.contribution)}};
}

json JsonWriter::sum(const GradientSum& g) const {
    json terms = json::array();
    for (const Num& t : g.terms) terms.push_back(num(t));
    return {{"kind", "sum"}, {"key", g.key}, {"root", g.root}, {"target", g.target},
            {"through", g.through}, {"terms", terms}, {"total", num(g.total)}};
}

// The chain as data: each factor with its formula (symbols and substituted) or its routes.
json JsonWriter::factor(const ChainFactor& f) const {
    json out = {{"of", f.of}, {"wrt", f.wrt}, {"value", num(f.value)}, {"first", f.first}};
    if (f.paths.empty()) out["formula"] = formula(f.formula);
    json paths = json::array();
    for (const ChainPath& p : f.paths) {
        json factors = json::array();
        for (const ChainFactor& pf : p.factors) factors.push_back(factor(pf));
        paths.push_back({{"through", p.through}, {"whole_of", p.whole_of}, {"factors", factors}, {"value", num(p.value)}});
    }
    if (!f.paths.empty()) out["paths"] = paths;
    if (f.delta) out["delta"] = {{"name", f.delta->name}, {"value", num(f.delta->value)}, {"first", f.delta->first}};
    return out;
}

json JsonWriter::named_chain(const NamedChain& c) const {
    json factors = json::array();
    for (const ChainFactor& f : c.factors) factors.push_back(factor(f));
    json out = {{"kind", "named_chain"}, {"key", c.key}, {"of", c.of}, {"wrt", c.wrt}, {"factors", factors},
                {"value", num(c.value)}, {"tape", num(c.tape)}, {"agrees", c.agrees}};
    if (c.reason) out["reason"] = message(*c.reason);
    return out;
}

json JsonWriter::update(const Update& u) const {
    return {{"kind", "update"}, {"key", u.key}, {"param", u.param}, {"loss", u.loss},
            {"before", num(u.before)}, {"rate", num(u.rate)}, {"gradient", num(u.gradient)},
            {"after", num(u.after)}};
}

json JsonWriter::table(const Table& t) const {
    json columns = json::array();
    for (const Column& c : t.columns)
        columns.push_back({{"key", c.key}, {"title", message(c.title)},
                           {"decimals", c.decimals.value_or(page_.digits)}});
    json rows = json::array();
    for (const auto& row : t.rows) {
        json cells = json::array();
        for (std::size_t c = 0; c < row.size(); ++c) {
            json cell = json::object();
            const int decimals = c < t.columns.size() ? page_.column_style(t.columns[c]).decimals : page_.digits;
            if (row[c].number) cell["number"] = num(*row[c].number, decimals);
            if (row[c].words) cell["words"] = message(*row[c].words);
            cells.push_back(cell.empty() ? json(nullptr) : cell);
        }
        rows.push_back(std::move(cells));
    }
    return {{"kind", "table"}, {"key", t.key}, {"title", message(t.title)}, {"columns", columns}, {"rows", rows}};
}

const char* note_kind_name(Note::Kind kind) {
    switch (kind) {
        case Note::Kind::info: return "info";
        case Note::Kind::convention: return "convention";
        case Note::Kind::warning: return "warning";
        case Note::Kind::fault: return "fault";
    }
    return "info";
}

json JsonWriter::note(const Note& n) const {
    return {{"kind", "note"}, {"key", n.key}, {"level", note_kind_name(n.kind)}, {"message", message(n.message)}};
}

json JsonWriter::diagram(const Diagram& d) const {
    json nodes = json::array();
    for (const DiagramNode& n : d.nodes) {
        json node = {{"id", n.id}, {"name", n.name}, {"op", n.op}, {"named", n.named},
                     {"layer", n.layer}, {"value", num(n.value)}};
        if (n.gradient) node["gradient"] = num(*n.gradient);
        nodes.push_back(std::move(node));
    }
    json edges = json::array();
    for (const DiagramEdge& e : d.edges) {
        json edge = {{"from", e.from}, {"to", e.to}, {"rule", e.rule}, {"local", num(e.local)}};
        if (e.contribution) edge["contribution"] = num(*e.contribution);
        if (!e.formula.empty()) edge["formula"] = formula(e.formula);  // a named local derivative
        edges.push_back(std::move(edge));
    }
    return {{"kind", "diagram"}, {"key", d.key}, {"title", message(d.title)}, {"root", d.root},
            {"nodes", nodes}, {"edges", edges}};
}

// Optional numbers are left out when unset, as in a diagram: a forward view has no gradients.
json JsonWriter::network(const NetworkDiagram& d) const {
    auto maybe = [&](json& j, const char* field, const std::optional<Num>& n) {
        if (n) j[field] = num(*n);
    };
    json neurons = json::array();
    for (const NetworkNeuron& n : d.neurons) {
        json neuron = {{"id", n.id}, {"name", n.name}, {"layer", n.layer}, {"value_name", n.value_name},
                       {"value", num(n.value)}, {"sum_name", n.sum_name}};
        maybe(neuron, "sum", n.sum);
        maybe(neuron, "value_gradient", n.value_gradient);
        maybe(neuron, "sum_gradient", n.sum_gradient);
        neurons.push_back(std::move(neuron));
    }
    json weights = json::array();
    for (const NetworkWeight& w : d.weights) {
        json weight = {{"name", w.name}, {"from", w.from}, {"to", w.to}, {"value", num(w.value)}};
        maybe(weight, "gradient", w.gradient);
        weights.push_back(std::move(weight));
    }
    json biases = json::array();
    for (const NetworkBias& b : d.biases) {
        json bias = {{"id", b.id}, {"name", b.name}, {"layer", b.layer}, {"to", b.to}, {"value", num(b.value)}};
        maybe(bias, "gradient", b.gradient);
        biases.push_back(std::move(bias));
    }
    json out = {{"kind", "network"}, {"key", d.key}, {"title", message(d.title)}, {"backward", d.backward},
                {"neurons", neurons}, {"weights", weights}, {"biases", biases}, {"loss", d.loss}};
    maybe(out, "loss_value", d.loss_value);
    return out;
}

// A label beside a point or on a line: a word, or a number as the page shows it.
json JsonWriter::label(const Arg& a) const {
    if (!a.number) return a.text;
    if (!a.decimals || *a.decimals >= 0) return num(*a.number, a.decimals.value_or(page_.digits));
    // Negative decimals: up to that many, trailing zeros dropped, as the plot writes it (0.01).
    return {{"exact", a.number->exact}, {"value", a.number->hand},
            {"shown", format_number(a.number->hand, NumberStyle{-*a.decimals, Shape::trim_zeros, Minus::ascii})}};
}

json JsonWriter::plot(const Plot& p) const {
    json series = json::array();
    for (const Series& s : p.series) {
        json one = {{"kind", series_kind_name(s.kind)}, {"label", s.label}, {"x", s.x}, {"y", s.y}, {"z", s.z}};
        if (s.label_value) one["label_value"] = label(*s.label_value);
        if (!s.marks.empty()) {
            json marks = json::array();
            for (const Arg& a : s.marks) marks.push_back(label(a));
            one["marks"] = marks;
        }
        if (!s.levels.empty()) {
            json levels = json::array();
            for (const Series::Level& l : s.levels) levels.push_back(label(l.value));
            one["levels"] = levels;
        }
        if (s.side_arrow) one["side_arrow"] = *s.side_arrow;
        if (s.dashed) one["dashed"] = true;
        series.push_back(std::move(one));
    }
    json out = {{"kind", "plot"}, {"key", p.key}, {"title", message(p.title)}, {"x_label", p.x_label},
                {"y_label", p.y_label}, {"series", series}};
    if (p.x_range) out["x_range"] = {p.x_range->first, p.x_range->second};
    if (p.y_range) out["y_range"] = {p.y_range->first, p.y_range->second};
    if (p.equal_scales) out["equal_scales"] = true;
    if (p.integer_x) out["integer_x"] = true;
    return out;
}

json JsonWriter::item(const Item& item) const {
    struct Visit {
        const JsonWriter& w;
        json operator()(const Step& s) const { return w.step(s); }
        json operator()(const ChainLine& c) const { return w.chain(c); }
        json operator()(const GradientSum& g) const { return w.sum(g); }
        json operator()(const NamedChain& c) const { return w.named_chain(c); }
        json operator()(const Update& u) const { return w.update(u); }
        json operator()(const Table& t) const { return w.table(t); }
        json operator()(const Note& n) const { return w.note(n); }
        json operator()(const Diagram& d) const { return w.diagram(d); }
        json operator()(const NetworkDiagram& n) const { return w.network(n); }
        json operator()(const Plot& p) const { return w.plot(p); }
    };
    return std::visit(Visit{*this}, item);
}

const char* verdict_name(Comparison::Verdict v) {
    switch (v) {
        case Comparison::Verdict::matches: return "matches";
        case Comparison::Verdict::last_digit: return "last_digit";
        case Comparison::Verdict::differs: return "differs";
        case Comparison::Verdict::another_row: return "another_row";
        case Comparison::Verdict::missing: return "missing";
    }
    return "missing";
}

json JsonWriter::comparison(const Comparison& c) const {
    json out = {{"key", c.key}, {"label", page_.label(c.label)}, {"published", c.published}, {"digits", c.digits},
                {"verdict", verdict_name(c.verdict)}};
    // A missing value has nothing computed to show.
    out["computed"] = c.verdict == Comparison::Verdict::missing ? json(nullptr) : num(c.computed, c.digits);
    out["reason"] = c.reason ? message(*c.reason) : json(nullptr);
    return out;
}

const char* rounding_name(Rounding r) {
    switch (r) {
        case Rounding::exact: return "exact";
        case Rounding::half_up: return "half_up";
        case Rounding::truncate: return "truncate";
    }
    return "exact";
}

json JsonWriter::record() const {
    const Record& r = page_.record;
    json out = {{"id", r.id}, {"lang", page_.options.lang}, {"title", message(r.title)},
                {"digits", r.digits}, {"exact_digits", r.exact_digits}, {"settings", r.settings}};
    out["arithmetic"] = {{"rounding", rounding_name(r.arithmetic.rounding)},
                         {"decimals", r.arithmetic.is_hand() ? json(r.arithmetic.decimals) : json(nullptr)},
                         {"convention", message(convention_message(r))}};
    out["parameters"] = json::object();
    for (const auto& [name, value] : r.parameters) out["parameters"][name] = num(value);
    out["sections"] = json::array();
    for (const Section& s : r.sections) {
        // A section may show its values at its own precision.
        const Page section_page = page_.in_section(s);
        const JsonWriter writer(section_page);
        json items = json::array();
        for (const Item& i : s.items) items.push_back(writer.item(i));
        json section = {{"key", s.key}, {"title", message(s.title)}, {"digits", section_page.digits}, {"items", items}};
        if (s.folded) section["folded"] = true;
        out["sections"].push_back(std::move(section));
    }
    out["comparisons"] = json::array();
    for (const Comparison& c : r.comparisons) out["comparisons"].push_back(comparison(c));
    return out;
}

}  // namespace

std::string render_json(const Record& record, const RenderOptions& options) {
    const Page page(record, options, Minus::ascii);
    // Invalid UTF-8 in a name becomes U+FFFD rather than an exception halfway through a page.
    return JsonWriter(page).record().dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace nntrace
