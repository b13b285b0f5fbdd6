// EmbeddedFile: a data file compiled into the binary (catalogs, migrations); see
// cmake/embed_files.cmake. The bytes live for the whole program.
#pragma once

#include <span>
#include <string_view>

namespace aims::base {

struct EmbeddedFile {
  std::string_view path;  // relative to the source tree, e.g. "catalogs/iso42001-2023.yaml"
  std::string_view data;
};

}  // namespace aims::base
