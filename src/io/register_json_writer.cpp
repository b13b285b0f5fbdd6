#include "io/register_json_writer.h"

#include "base/base64.h"
#include "base/canonical_json.h"

namespace aims::io {

namespace internal {

void AppendMeta(const domain::RecordMeta& meta, std::string* out) {
  out->append("\"id\": ");
  out->append(std::to_string(meta.id));
  out->append(", \"record_version\": ");
  out->append(std::to_string(meta.version));
  out->append(", \"created_at\": \"");
  out->append(meta.created_at.ToString());
  out->append("\", \"updated_at\": \"");
  out->append(meta.updated_at.ToString());
  out->append("\", \"retired_at\": ");
  if (meta.retired_at) {
    out->push_back('"');
    out->append(meta.retired_at->ToString());
    out->push_back('"');
  } else {
    out->append("null");
  }
}

void FieldJsonWriter::Key(const domain::Field& f) {
  out_->append(", \"");
  out_->append(f.name);
  out_->append("\": ");
}

void FieldJsonWriter::Str(std::string_view s) { base::AppendJsonString(out_, s); }

void FieldJsonWriter::operator()(const domain::Field& f, const std::string& v) {
  Key(f);
  Str(v);
}
void FieldJsonWriter::operator()(const domain::Field& f, const int64_t& v) {
  Key(f);
  out_->append(std::to_string(v));
}
void FieldJsonWriter::operator()(const domain::Field& f, const bool& v) {
  Key(f);
  out_->append(v ? "true" : "false");
}
void FieldJsonWriter::operator()(const domain::Field& f, const std::optional<base::Date>& v) {
  Key(f);
  if (v) Str(v->ToString()); else out_->append("null");
}
void FieldJsonWriter::operator()(const domain::Field& f, const std::optional<base::Timestamp>& v) {
  Key(f);
  if (v) Str(v->ToString()); else out_->append("null");
}
void FieldJsonWriter::operator()(const domain::Field& f, const std::vector<std::string>& v) {
  Key(f);
  out_->push_back('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out_->append(", ");
    Str(v[i]);
  }
  out_->push_back(']');
}
void FieldJsonWriter::operator()(const domain::Field& f, const std::optional<domain::Id>& v) {
  Key(f);
  out_->append(v ? std::to_string(*v) : "null");
}
void FieldJsonWriter::operator()(const domain::Field& f, const std::vector<domain::Id>& v) {
  Key(f);
  out_->push_back('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out_->append(", ");
    out_->append(std::to_string(v[i]));
  }
  out_->push_back(']');
}

}  // namespace internal

std::string WriteRegisterJson(const RegisterDocument& doc) {
  std::string out = "{\n  \"format\": \"";
  out.append(kRegisterFormat);
  out.append("\"");
  domain::ForEachRecordType([&]<class T>() {
    const auto& records = doc.records<T>();
    out.append(",\n  \"");
    out.append(domain::Info(T::kKind).plural);
    out.append("\": [");
    for (size_t i = 0; i < records.size(); ++i) {
      out.append(i ? ",\n    " : "\n    ");
      RecordJsonWriter::Append(records[i], &out);
    }
    out.append(records.empty() ? "]" : "\n  ]");
  });
  out.append(",\n  \"blobs\": {");
  bool first = true;
  for (const auto& [sha, bytes] : doc.blobs) {
    out.append(first ? "\n    \"" : ",\n    \"");
    out.append(sha);
    out.append("\": \"");
    out.append(base::Base64Encode(bytes));
    out.push_back('"');
    first = false;
  }
  out.append(doc.blobs.empty() ? "}" : "\n  }");
  out.append("\n}\n");
  return out;
}

}  // namespace aims::io
