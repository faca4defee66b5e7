#include "checking/csv.hpp"

#include <optional>

namespace nntrace {
namespace {

// Reads one record from `pos`; on a fault, says what and leaves `pos` where reading resumes.
class RecordReader {
public:
    RecordReader(std::string_view text, std::size_t& pos, int& line)
        : t_(text), pos_(pos), line_(line), counted_to_(pos) {}  // a record starts a line

    // The record's fields, or nothing after setting `fault` (and where it is).
    std::optional<CsvRecord> read(std::string& fault, int& fault_line, int& fault_column) {
        const std::size_t start = pos_;
        const int start_line = line_;
        CsvRecord record{start_line, {}, {}};
        for (;;) {
            std::string field;
            record.columns.push_back(column_at(pos_));
            const bool ok = at('"') ? quoted(field, fault) : plain(field, fault);
            if (!ok) {
                // An unbalanced quote is blamed on the quote that opened it, anything else on
                // the character where reading stopped.
                const bool unbalanced = fault == "unbalanced quote";
                fault_line = unbalanced ? start_line : line_;
                fault_column = unbalanced ? record.columns.back() : column_at(pos_);
                if (unbalanced) resume_after_line(start, start_line);  // a lost quote must not swallow the file
                else skip_line();
                return std::nullopt;
            }
            record.fields.push_back(std::move(field));
            if (at(',')) { ++pos_; continue; }
            end_of_line();
            return record;
        }
    }

private:
    // The column of t_[at] on its line, in characters (UTF-8 continuation bytes not counted).
    // Counted on from the last answer, so that a long line is read once, not once per field.
    int column_at(std::size_t at) {
        if (at < counted_to_) {
            counted_to_ = line_start(at);
            counted_column_ = 1;
        }
        for (; counted_to_ < at; ++counted_to_) {
            if (t_[counted_to_] == '\n') counted_column_ = 1;
            else if ((static_cast<unsigned char>(t_[counted_to_]) & 0xC0) != 0x80) ++counted_column_;
        }
        return counted_column_;
    }
    std::size_t line_start(std::size_t at) const {
        while (at > 0 && t_[at - 1] != '\n') --at;
        return at;
    }

    bool at(char c) const { return pos_ < t_.size() && t_[pos_] == c; }
    bool at_line_end() const { return pos_ >= t_.size() || t_[pos_] == '\n' || (t_[pos_] == '\r' && pos_ + 1 < t_.size() && t_[pos_ + 1] == '\n'); }

    bool plain(std::string& field, std::string& fault) {
        while (!at_line_end() && !at(',')) {
            if (at('"')) return fault = "a quote inside an unquoted field (quote the whole field)", false;
            field.push_back(t_[pos_++]);
        }
        return true;
    }

    bool quoted(std::string& field, std::string& fault) {
        ++pos_;  // the opening quote
        for (;;) {
            if (pos_ >= t_.size()) return fault = "unbalanced quote", false;
            const char c = t_[pos_++];
            if (c == '\n') ++line_;
            if (c != '"') { field.push_back(c); continue; }
            if (at('"')) { field.push_back('"'); ++pos_; continue; }
            if (at(',') || at_line_end()) return true;
            return fault = "text after a closing quote", false;
        }
    }

    void end_of_line() {
        if (at('\r')) ++pos_;
        if (at('\n')) { ++pos_; ++line_; }
    }
    void skip_line() {
        while (pos_ < t_.size() && t_[pos_] != '\n') ++pos_;
        end_of_line();
    }
    void resume_after_line(std::size_t start, int start_line) {
        pos_ = start;
        line_ = start_line;
        skip_line();
    }

    std::string_view t_;
    std::size_t& pos_;
    int& line_;
    std::size_t counted_to_ = 0;  // column_at has counted up to here...
    int counted_column_ = 1;      // ...where the column is this
};

bool blank_line(std::string_view t, std::size_t pos) {
    while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\t' || t[pos] == '\r')) ++pos;
    return pos >= t.size() || t[pos] == '\n';
}

}  // namespace

CsvText read_csv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a spreadsheet's byte order mark
    CsvText out;
    std::size_t pos = 0;
    int line = 1;
    while (pos < text.size()) {
        const int start = line;
        if (blank_line(text, pos)) {
            while (pos < text.size() && text[pos] != '\n') ++pos;
            if (pos < text.size()) ++pos;
            ++line;
            continue;
        }
        std::string fault;
        int fault_line = start, column = 1;
        RecordReader reader(text, pos, line);
        if (auto record = reader.read(fault, fault_line, column)) out.records.push_back(std::move(*record));
        else out.faults.push_back({fault_line, fault, column});
    }
    return out;
}

}  // namespace nntrace
