#include "io/register_json_reader.h"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "base/base64.h"
#include "base/sha256.h"

namespace aims::io {

namespace json = boost::json;

namespace {

std::string EnumHint(std::span<const std::string_view> names) {
  return " (expected " + domain::JoinNames(names) + ")";
}

// Reads one record's fields from a JSON object; keeps the first error, with its pointer.
class FieldJsonReader {
 public:
  FieldJsonReader(const json::object& obj, std::string ptr) : obj_(obj), ptr_(std::move(ptr)) {}
  const base::Status& status() const { return status_; }

  void operator()(const domain::Field& f, std::string& v) {
    if (const json::value* j = Find(f)) {
      if (j->is_string()) v = std::string(j->get_string());
      else Fail(f, "must be a string");
    }
  }
  void operator()(const domain::Field& f, int64_t& v) {
    if (const json::value* j = Find(f)) {
      if (j->is_int64()) v = j->get_int64();
      else if (j->is_uint64() && j->get_uint64() <= INT64_MAX) v = static_cast<int64_t>(j->get_uint64());
      else Fail(f, "must be a whole number");
    }
  }
  void operator()(const domain::Field& f, bool& v) {
    if (const json::value* j = Find(f)) {
      if (j->is_bool()) v = j->get_bool();
      else Fail(f, "must be true or false");
    }
  }
  void operator()(const domain::Field& f, std::optional<base::Date>& v) {
    if (const json::value* j = Find(f)) {
      if (j->is_null()) {
        v.reset();
      } else if (!j->is_string()) {
        Fail(f, "must be a date string YYYY-MM-DD or null");
      } else {
        auto d = base::Date::Parse(j->get_string());
        if (d.ok()) v = *d; else Fail(f, std::string(d.status().message()));
      }
    }
  }
  void operator()(const domain::Field& f, std::vector<std::string>& v) {
    if (const json::value* j = Find(f)) {
      if (!j->is_array()) return Fail(f, "must be an array of strings");
      v.clear();
      for (const auto& item : j->get_array()) {
        if (!item.is_string()) return Fail(f, "must be an array of strings");
        v.emplace_back(item.get_string());
      }
    }
  }
  void operator()(const domain::Field& f, std::optional<domain::Id>& v) {
    if (const json::value* j = Find(f)) {
      if (j->is_null()) v.reset();
      else if (auto id = AsId(*j)) v = *id;
      else Fail(f, "must be the positive id of a " + std::string(domain::Info(f.ref).noun) + " or null");
    }
  }
  void operator()(const domain::Field& f, std::vector<domain::Id>& v) {
    if (const json::value* j = Find(f)) {
      if (!j->is_array()) return Fail(f, "must be an array of ids");
      v.clear();
      for (const auto& item : j->get_array()) {
        auto id = AsId(item);
        if (!id) return Fail(f, "must be an array of positive ids");
        v.push_back(*id);
      }
    }
  }
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, E& v) {
    if (const json::value* j = Find(f)) {
      if (!j->is_string()) return Fail(f, "must be a string" + EnumHint(domain::EnumNames<E>()));
      auto parsed = domain::ParseEnum<E>(j->get_string());
      if (!parsed) {
        return Fail(f, "unknown value \"" + std::string(j->get_string()) + "\"" +
                           EnumHint(domain::EnumNames<E>()));
      }
      v = *parsed;
    }
  }
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, std::vector<E>& v) {
    if (const json::value* j = Find(f)) {
      if (!j->is_array()) return Fail(f, "must be an array" + EnumHint(domain::EnumNames<E>()));
      v.clear();
      for (const auto& item : j->get_array()) {
        auto parsed = item.is_string() ? domain::ParseEnum<E>(item.get_string()) : std::nullopt;
        if (!parsed) return Fail(f, "unknown value in list" + EnumHint(domain::EnumNames<E>()));
        v.push_back(*parsed);
      }
    }
  }

  static std::optional<domain::Id> AsId(const json::value& j) {
    if (j.is_int64() && j.get_int64() > 0) return j.get_int64();
    if (j.is_uint64() && j.get_uint64() > 0 && j.get_uint64() <= INT64_MAX) {
      return static_cast<domain::Id>(j.get_uint64());
    }
    return std::nullopt;
  }

 private:
  const json::value* Find(const domain::Field& f) {
    if (!status_.ok()) return nullptr;
    return obj_.if_contains(f.name);
  }
  void Fail(const domain::Field& f, const std::string& msg) {
    if (status_.ok()) status_ = base::Status::InvalidArgument(msg, ptr_ + "/" + std::string(f.name));
  }

  const json::object& obj_;
  std::string ptr_;
  base::Status status_;
};

base::Status ReadTimestamp(const json::object& obj, std::string_view key, const std::string& ptr,
                           base::Timestamp fallback, base::Timestamp* out) {
  const json::value* j = obj.if_contains(key);
  if (!j) {
    *out = fallback;
    return base::Status::OK();
  }
  if (!j->is_string()) {
    return base::Status::InvalidArgument("must be an RFC 3339 timestamp", ptr + "/" + std::string(key));
  }
  auto t = base::Timestamp::Parse(j->get_string());
  if (!t.ok()) return base::Status::InvalidArgument(t.status().message(), ptr + "/" + std::string(key));
  *out = *t;
  return base::Status::OK();
}

template <class T>
base::Status ReadRecord(const json::value& value, const std::string& ptr, base::Timestamp now,
                        T* record) {
  if (!value.is_object()) return base::Status::InvalidArgument("must be an object", ptr);
  const json::object& obj = value.get_object();

  static const std::set<std::string, std::less<>> allowed = [] {
    std::set<std::string, std::less<>> keys = {"id", "record_version", "created_at", "updated_at",
                                               "retired_at"};
    for (const auto& f : domain::FieldsOf<T>()) keys.emplace(f.name);
    return keys;
  }();
  for (const auto& kv : obj) {
    if (!allowed.count(std::string_view(kv.key()))) {
      return base::Status::InvalidArgument(
          "unknown field for " + domain::WithArticle(domain::Info(T::kKind).noun),
          ptr + "/" + std::string(kv.key()));
    }
  }

  const json::value* id = obj.if_contains("id");
  if (!id) return base::Status::InvalidArgument("required field is missing", ptr + "/id");
  auto parsed_id = FieldJsonReader::AsId(*id);
  if (!parsed_id) return base::Status::InvalidArgument("must be a positive whole number", ptr + "/id");
  record->meta.id = *parsed_id;
  record->meta.version = 1;
  if (const json::value* v = obj.if_contains("record_version")) {
    if (!v->is_int64() || v->get_int64() < 1) {
      return base::Status::InvalidArgument("must be a whole number >= 1", ptr + "/record_version");
    }
    record->meta.version = v->get_int64();
  }
  AIMS_TRY(ReadTimestamp(obj, "created_at", ptr, now, &record->meta.created_at));
  AIMS_TRY(ReadTimestamp(obj, "updated_at", ptr, record->meta.created_at, &record->meta.updated_at));
  if (const json::value* v = obj.if_contains("retired_at"); v && !v->is_null()) {
    base::Timestamp retired;
    AIMS_TRY(ReadTimestamp(obj, "retired_at", ptr, now, &retired));
    record->meta.retired_at = retired;
  }
  FieldJsonReader reader(obj, ptr);
  record->VisitFields(reader);
  return reader.status();
}

// "file:line:column" for a byte offset.
std::string Position(std::string_view text, size_t offset, std::string_view file) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::string(file) + ":" + std::to_string(line) + ":" + std::to_string(col);
}

}  // namespace

struct RegisterJsonSource::Impl {
  json::monotonic_resource arena;  // one arena for the whole document: millions of small values
  // Same storage as the parser's, so taking the parsed document is a move, not a deep copy,
  // and freeing it is releasing the arena.
  json::value root = json::value(json::storage_ptr(&arena));
  std::string file;
  base::Timestamp now;

  const json::array* Section(std::string_view name) const {
    const json::value* v = root.get_object().if_contains(name);
    return v ? &v->get_array() : nullptr;
  }
};

RegisterJsonSource::RegisterJsonSource(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RegisterJsonSource::RegisterJsonSource(RegisterJsonSource&&) noexcept = default;
RegisterJsonSource& RegisterJsonSource::operator=(RegisterJsonSource&&) noexcept = default;
RegisterJsonSource::~RegisterJsonSource() = default;

base::Result<RegisterJsonSource> RegisterJsonSource::Parse(std::string_view text, std::string_view file_name,
                                                           base::Timestamp now) {
  if (text.size() > kMaxRegisterBytes) {
    return base::Status::InvalidArgument("file is larger than 2 GiB", file_name);
  }
  auto impl = std::make_unique<Impl>();
  impl->file = std::string(file_name);
  impl->now = now;
  json::parse_options opts;
  opts.max_depth = 64;
  json::stream_parser parser(json::storage_ptr(), opts);
  parser.reset(&impl->arena);
  boost::system::error_code ec;
  size_t consumed = parser.write_some(text.data(), text.size(), ec);
  if (!ec && consumed < text.size()) ec = json::error::extra_data;
  if (!ec) parser.finish(ec);
  if (ec) {
    return base::Status::InvalidArgument("not valid JSON: " + ec.message(), Position(text, consumed, file_name));
  }
  impl->root = parser.release();
  const std::string& file = impl->file;
  if (!impl->root.is_object()) return base::Status::InvalidArgument("the document must be a JSON object", file);
  const json::object& top = impl->root.get_object();
  std::set<std::string, std::less<>> sections = {"format", "blobs"};
  domain::ForEachRecordType([&]<class T>() { sections.emplace(domain::Info(T::kKind).plural); });
  for (const auto& kv : top) {
    if (!sections.count(std::string_view(kv.key()))) {
      return base::Status::InvalidArgument("unknown section", file + ":/" + std::string(kv.key()));
    }
    if (kv.key() != "format" && kv.key() != "blobs" && !kv.value().is_array()) {
      return base::Status::InvalidArgument("must be an array", file + ":/" + std::string(kv.key()));
    }
  }
  const json::value* format = top.if_contains("format");
  if (!format || !format->is_string() || format->get_string() != kRegisterFormat) {
    return base::Status::InvalidArgument(
        "not an aims register document (\"format\" must be \"" + std::string(kRegisterFormat) + "\")",
        file + ":/format");
  }
  if (const json::value* blobs = top.if_contains("blobs"); blobs && !blobs->is_object()) {
    return base::Status::InvalidArgument("must be an object", file + ":/blobs");
  }
  return RegisterJsonSource(std::move(impl));
}

template <class T>
size_t RegisterJsonSource::Count() const {
  const json::array* list = impl_->Section(domain::Info(T::kKind).plural);
  return list ? list->size() : 0;
}

template <class T>
base::Status RegisterJsonSource::Read(size_t begin, size_t end, std::vector<T>* out) const {
  std::string section(domain::Info(T::kKind).plural);
  const json::array* list = impl_->Section(section);
  if (!list) return base::Status::OK();
  end = std::min(end, list->size());
  for (size_t i = begin; i < end; ++i) {
    std::string ptr = "/" + section + "/" + std::to_string(i);
    base::Status s = ReadRecord((*list)[i], ptr, impl_->now, &out->emplace_back());
    if (!s.ok()) return s.WithContext(impl_->file + ":");
  }
  return base::Status::OK();
}

#define AIMS_INSTANTIATE_SOURCE(T)                                     \
  template size_t RegisterJsonSource::Count<domain::T>() const;       \
  template base::Status RegisterJsonSource::Read<domain::T>(size_t, size_t, std::vector<domain::T>*) const;
AIMS_RECORD_TYPES(AIMS_INSTANTIATE_SOURCE)
#undef AIMS_INSTANTIATE_SOURCE

base::Status RegisterJsonSource::ReadBlobs(std::map<std::string, std::string>* out) const {
  const json::value* blobs = impl_->root.get_object().if_contains("blobs");
  if (!blobs) return base::Status::OK();
  for (const auto& kv : blobs->get_object()) {
    std::string ptr = impl_->file + ":/blobs/" + std::string(kv.key());
    if (!kv.value().is_string()) return base::Status::InvalidArgument("must be a base64 string", ptr);
    auto bytes = base::Base64Decode(kv.value().get_string());
    if (!bytes.ok()) return base::Status::InvalidArgument(bytes.status().message(), ptr);
    std::string sha = base::ToHex(base::Sha256(*bytes));
    if (sha != std::string_view(kv.key())) {
      return base::Status::InvalidArgument("content does not hash to its key (it hashes to " + sha + ")", ptr);
    }
    out->emplace(sha, std::move(*bytes));
  }
  return base::Status::OK();
}

base::Result<RegisterDocument> ReadRegisterJson(std::string_view text, std::string_view file_name,
                                                base::Timestamp now) {
  AIMS_ASSIGN_OR_RETURN(RegisterJsonSource source, RegisterJsonSource::Parse(text, file_name, now));
  RegisterDocument doc;
  base::Status status;
  domain::ForEachRecordType([&]<class T>() {
    if (!status.ok()) return;
    auto& out = doc.records<T>();
    size_t n = source.Count<T>();
    out.reserve(n);
    status = source.Read<T>(0, n, &out);
  });
  AIMS_TRY(status);
  AIMS_TRY(source.ReadBlobs(&doc.blobs));
  return doc;
}

}  // namespace aims::io
