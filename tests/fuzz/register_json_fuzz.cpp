// libFuzzer target for the import parser (io/register_json_reader): any input either fails with a
// Status or yields a document that writes and re-reads to the same bytes. The reader finds records
// by a scan of the document's structure and parses them one by one; it must never accept a text
// that a full JSON parse refuses.
#include <boost/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/register_json_reader.h"
#include "io/register_json_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = aims::io::ReadRegisterJson(text, "fuzz.json", aims::base::Timestamp(0));
  if (!doc.ok()) return 0;
  boost::json::parse_options opts;
  opts.max_depth = 64;
  boost::system::error_code ec;
  boost::json::parse(text, ec, {}, opts);
  if (ec) std::abort();
  std::string written = aims::io::WriteRegisterJson(*doc);
  auto again = aims::io::ReadRegisterJson(written, "rewritten.json", aims::base::Timestamp(0));
  if (!again.ok() || aims::io::WriteRegisterJson(*again) != written) std::abort();
  return 0;
}
