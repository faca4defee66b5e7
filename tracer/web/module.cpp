// The module for the browser (nntrace-web.js): render_request as `module.render(requestJson)`.
// The lessons and templates are embedded in the module at /nntrace (cmake/web_module.cmake).
#include <string>

#include <emscripten/bind.h>

#include "web/web_api.hpp"

namespace {

std::string render(const std::string& request_json) { return nntrace::render_request(request_json, "/nntrace"); }

}  // namespace

EMSCRIPTEN_BINDINGS(nntrace) { emscripten::function("render", &render); }
