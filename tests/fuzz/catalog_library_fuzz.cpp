// libFuzzer target for the catalog library parser (YAML, aims-catalog/1 and aims-crosswalk/1).
#include <cstdint>
#include <string_view>

#include "catalog/catalog_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto lib = aims::catalog::ParseLibrary(text, "fuzz.yaml");
  if (lib.ok()) {
    if (auto* fw = std::get_if<aims::catalog::Framework>(&*lib)) {
      for (const auto& item : fw->items()) (void)fw->Find(item.id);
      (void)fw->Requirements();
    }
  }
  return 0;
}
