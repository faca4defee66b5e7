#include <iostream>

#include "cli.hpp"

int main(int argc, char** argv) {
    return nntrace::run_cli(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
