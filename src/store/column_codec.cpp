#include "store/column_codec.h"

#include <boost/json.hpp>

#include "base/canonical_json.h"

namespace aims::store {

std::string EncodeTextList(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out.push_back(',');
    base::AppendJsonString(&out, values[i]);
  }
  out.push_back(']');
  return out;
}

base::Result<std::vector<std::string>> DecodeTextList(std::string_view json) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(json, ec);
  if (ec || !v.is_array()) return base::Status::Corruption("not a JSON array of strings");
  std::vector<std::string> out;
  for (const auto& item : v.as_array()) {
    if (!item.is_string()) return base::Status::Corruption("not a JSON array of strings");
    out.emplace_back(item.as_string());
  }
  return out;
}

void FieldReader::operator()(const domain::Field& f, std::optional<base::Date>& v) {
  int c = next_++;
  if (stmt_->IsNull(c)) {
    v.reset();
    return;
  }
  auto d = base::Date::Parse(stmt_->Text(c));
  if (d.ok()) v = *d; else Bad(f, std::string(d.status().message()));
}

void FieldReader::operator()(const domain::Field& f, std::vector<std::string>& v) {
  auto list = DecodeTextList(stmt_->Text(next_++));
  if (list.ok()) v = std::move(*list); else Bad(f, std::string(list.status().message()));
}

void FieldReader::Bad(const domain::Field& f, const std::string& why) {
  if (!status_.ok()) return;
  status_ = base::Status::Corruption(
      "stored value does not decode: " + why,
      std::string(table_) + " id " + std::to_string(id_) + " column " + std::string(f.name));
}

base::Status ReadMeta(Statement* stmt, std::string_view table, domain::RecordMeta* meta) {
  meta->id = stmt->Int(0);
  meta->version = stmt->Int(1);
  std::string where = std::string(table) + " id " + std::to_string(meta->id);
  auto created = base::Timestamp::Parse(stmt->Text(2));
  auto updated = base::Timestamp::Parse(stmt->Text(3));
  if (!created.ok() || !updated.ok()) {
    return base::Status::Corruption("stored timestamp does not decode", where);
  }
  meta->created_at = *created;
  meta->updated_at = *updated;
  if (stmt->IsNull(4)) {
    meta->retired_at.reset();
  } else {
    auto retired = base::Timestamp::Parse(stmt->Text(4));
    if (!retired.ok()) return base::Status::Corruption("stored timestamp does not decode", where);
    meta->retired_at = *retired;
  }
  return base::Status::OK();
}

}  // namespace aims::store
