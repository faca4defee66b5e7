// RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a field in double quotes may
// hold commas, line breaks and doubled quotes (""). A record that breaks these rules is reported
// with the line and column where it breaks them, and reading goes on with the next line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nntrace {

struct CsvRecord {
    int line = 0;  // where it starts, 1-based
    std::vector<std::string> fields;
    std::vector<int> columns;  // where each field starts on its line, 1-based, in characters
};

struct CsvFault {
    int line = 0;
    std::string what;  // "unbalanced quote", "text after a closing quote"
    int column = 1;    // where the fault was found, 1-based, in characters
};

struct CsvText {
    std::vector<CsvRecord> records;  // blank lines are not records
    std::vector<CsvFault> faults;    // in line order
};

CsvText read_csv(std::string_view text);

}  // namespace nntrace
