// Reads the JSON form of a RegisterDocument (aims import), strictly: an unknown key, a value of
// the wrong type, an unknown enum name, a bad date or a malformed file is an InvalidArgument
// whose `where` is the file and the JSON pointer (or line and column for a syntax error).
// Record-level rules (required fields, references, duplicates) are checked later by the service
// when the records are stored. Missing timestamps default to `now`; a missing record_version to 1.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "io/register_document.h"

namespace aims::io {

inline constexpr size_t kMaxRegisterBytes = size_t{2} << 30;

// A register document whose records are parsed and converted on demand, a range of one section
// at a time, so that an import can convert records on one thread while another stores them.
// Parse only finds the document's structure (sections and the extent of each record); a syntax
// error inside a record is reported, with its line and column, when that record is read.
// Thread safety: const methods may run on one thread while no other thread uses the object.
class RegisterJsonSource {
 public:
  // Takes the document's bytes. Errors in the document's structure and an unknown top-level
  // shape are reported here (file, line and column, or the section's JSON pointer).
  static base::Result<RegisterJsonSource> Parse(std::string text, std::string_view file_name,
                                                base::Timestamp now);
  RegisterJsonSource(RegisterJsonSource&&) noexcept;
  RegisterJsonSource& operator=(RegisterJsonSource&&) noexcept;
  ~RegisterJsonSource();

  // Number of records in T's section (0 if absent).
  template <class T>
  size_t Count() const;
  // Appends records [begin, end) of T's section to *out. Errors name "file:/section/i/field".
  template <class T>
  base::Status Read(size_t begin, size_t end, std::vector<T>* out) const;
  base::Status ReadBlobs(std::map<std::string, std::string>* out) const;

 private:
  struct Impl;
  explicit RegisterJsonSource(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Applies a JSON object of field values to `record` (a create or update request body): fields
// that are absent keep their value; the meta keys (id, record_version, created_at, updated_at,
// retired_at) are set by aims and ignored; an unknown key, a value of the wrong type or a
// malformed body is an InvalidArgument whose `where` is the JSON pointer ("/name") or, for a
// syntax error, "line:column".
template <class T>
base::Status ReadRecordChanges(std::string_view body, T* record);

base::Result<RegisterDocument> ReadRegisterJson(std::string_view text, std::string_view file_name,
                                                base::Timestamp now);

}  // namespace aims::io
