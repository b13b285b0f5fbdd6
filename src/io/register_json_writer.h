// Writes a RegisterDocument as JSON, deterministically: sections in the order of
// domain::AllRecordTypes, records in id order, one record per line with fields in declaration
// order, blobs by hash. Equal registers give byte-identical documents.
#pragma once

#include <string>

#include "io/register_document.h"

namespace aims::io {

// Appends record JSON objects; for streaming writers (aims export, list --json).
class RecordJsonWriter {
 public:
  template <class T>
  static void Append(const T& record, std::string* out);
};

std::string WriteRegisterJson(const RegisterDocument& doc);

namespace internal {

void AppendMeta(const domain::RecordMeta& meta, std::string* out);

class FieldJsonWriter {
 public:
  explicit FieldJsonWriter(std::string* out) : out_(out) {}
  void operator()(const domain::Field& f, const std::string& v);
  void operator()(const domain::Field& f, const int64_t& v);
  void operator()(const domain::Field& f, const bool& v);
  void operator()(const domain::Field& f, const std::optional<base::Date>& v);
  void operator()(const domain::Field& f, const std::optional<base::Timestamp>& v);
  void operator()(const domain::Field& f, const std::vector<std::string>& v);
  void operator()(const domain::Field& f, const std::optional<domain::Id>& v);
  void operator()(const domain::Field& f, const std::vector<domain::Id>& v);
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, const E& v) {
    Key(f);
    Str(domain::EnumName(v));
  }
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, const std::vector<E>& v) {
    Key(f);
    out_->push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out_->append(", ");
      Str(domain::EnumName(v[i]));
    }
    out_->push_back(']');
  }

 private:
  void Key(const domain::Field& f);
  void Str(std::string_view s);
  std::string* out_;
};

}  // namespace internal

template <class T>
void RecordJsonWriter::Append(const T& record, std::string* out) {
  out->push_back('{');
  internal::AppendMeta(record.meta, out);
  internal::FieldJsonWriter writer(out);
  domain::VisitConst(record, writer);
  out->push_back('}');
}

}  // namespace aims::io
