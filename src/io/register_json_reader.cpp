#include "io/register_json_reader.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cstring>
#include <map>
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
  size_t found() const { return found_; }  // fields present in the object

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
  void operator()(const domain::Field& f, std::optional<base::Timestamp>& v) {
    if (const json::value* j = Find(f)) {
      if (j->is_null()) {
        v.reset();
      } else if (!j->is_string()) {
        Fail(f, "must be an RFC 3339 time string (e.g. 2026-11-28T09:30:00Z) or null");
      } else {
        auto t = base::Timestamp::Parse(j->get_string());
        if (t.ok()) v = *t; else Fail(f, std::string(t.status().message()));
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
    const json::value* v = obj_.if_contains(f.name);
    found_ += v != nullptr;
    return v;
  }
  void Fail(const domain::Field& f, const std::string& msg) {
    if (status_.ok()) status_ = base::Status::InvalidArgument(msg, ptr_ + "/" + std::string(f.name));
  }

  const json::object& obj_;
  std::string ptr_;
  base::Status status_;
  size_t found_ = 0;
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

// The first key of `obj` that is not a field of T, if any.
template <class T>
const json::key_value_pair* FirstUnknownKey(const json::object& obj) {
  static const std::set<std::string, std::less<>> allowed = [] {
    std::set<std::string, std::less<>> keys = {"id", "record_version", "created_at", "updated_at",
                                               "retired_at"};
    for (const auto& f : domain::FieldsOf<T>()) keys.emplace(f.name);
    return keys;
  }();
  for (const auto& kv : obj) {
    if (!allowed.count(std::string_view(kv.key()))) return &kv;
  }
  return nullptr;
}

template <class T>
base::Status ReadFields(const json::object& obj, const std::string& ptr, base::Timestamp now, T* record,
                        size_t* found) {
  const json::value* id = obj.if_contains("id");
  if (!id) return base::Status::InvalidArgument("required field is missing", ptr + "/id");
  auto parsed_id = FieldJsonReader::AsId(*id);
  if (!parsed_id) return base::Status::InvalidArgument("must be a positive whole number", ptr + "/id");
  record->meta.id = *parsed_id;
  record->meta.version = 1;
  *found = 1;
  if (const json::value* v = obj.if_contains("record_version")) {
    if (!v->is_int64() || v->get_int64() < 1) {
      return base::Status::InvalidArgument("must be a whole number >= 1", ptr + "/record_version");
    }
    record->meta.version = v->get_int64();
    ++*found;
  }
  *found += obj.contains("created_at") + obj.contains("updated_at") + obj.contains("retired_at");
  AIMS_TRY(ReadTimestamp(obj, "created_at", ptr, now, &record->meta.created_at));
  AIMS_TRY(ReadTimestamp(obj, "updated_at", ptr, record->meta.created_at, &record->meta.updated_at));
  if (const json::value* v = obj.if_contains("retired_at"); v && !v->is_null()) {
    base::Timestamp retired;
    AIMS_TRY(ReadTimestamp(obj, "retired_at", ptr, now, &retired));
    record->meta.retired_at = retired;
  }
  FieldJsonReader reader(obj, ptr);
  record->VisitFields(reader);
  *found += reader.found();
  return reader.status();
}

template <class T>
base::Status ReadRecord(const json::value& value, const std::string& ptr, base::Timestamp now,
                        T* record) {
  if (!value.is_object()) return base::Status::InvalidArgument("must be an object", ptr);
  const json::object& obj = value.get_object();
  size_t found = 0;
  base::Status status = ReadFields(obj, ptr, now, record, &found);
  // Every key was a field unless some went uncounted; an unknown key is the error to report,
  // before any about the fields' values.
  if (!status.ok() || found != obj.size()) {
    if (const json::key_value_pair* unknown = FirstUnknownKey<T>(obj)) {
      return base::Status::InvalidArgument(
          "unknown field for " + domain::WithArticle(domain::Info(T::kKind).noun),
          ptr + "/" + std::string(unknown->key()));
    }
  }
  return status;
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

// Whole document and each record: the same nesting limit, counted from the top of the document.
constexpr size_t kMaxDepth = 64;
constexpr size_t kRecordDepth = 2;  // the top-level object and a section's array hold the records

json::parse_options ParseOptions(size_t depth_used) {
  json::parse_options opts;
  opts.max_depth = kMaxDepth - depth_used;
  return opts;
}

// One top-level member of the document, as byte ranges of the text.
struct Member {
  std::string_view raw_key;                // with its quotes and escapes
  std::string_view value;
  std::vector<std::string_view> elements;  // when the value is an array: each element's bytes
};

// Finds the document's top-level members, and the elements of those that are arrays, without
// building any value: only brackets, strings and separators are followed. A record is parsed in
// full only when it is read, so reading can start at once, on the thread that converts records,
// and the document is never held as a tree. Anything the scan cannot follow is diagnosed by a
// full parse, which names the position of the error.
class StructureScanner {
 public:
  explicit StructureScanner(std::string_view text) : t_(text) {}

  bool Scan(std::vector<Member>* members) {
    SkipSpace();
    if (!Expect('{')) return false;
    SkipSpace();
    if (At('}')) return Close();
    for (;;) {
      Member& m = members->emplace_back();
      size_t key_begin = p_;
      if (!At('"') || !SkipString()) return false;
      m.raw_key = t_.substr(key_begin, p_ - key_begin);
      SkipSpace();
      if (!Expect(':')) return false;
      SkipSpace();
      size_t value_begin = p_;
      if (!(At('[') ? ScanArray(&m.elements) : SkipValue(kMaxDepth - 1))) return false;
      m.value = t_.substr(value_begin, p_ - value_begin);
      SkipSpace();
      if (At(',')) {
        ++p_;
        SkipSpace();
        continue;
      }
      if (At('}')) return Close();
      return false;
    }
  }
  size_t offset() const { return p_; }

 private:
  bool At(char c) const { return p_ < t_.size() && t_[p_] == c; }
  bool Expect(char c) {
    if (!At(c)) return false;
    ++p_;
    return true;
  }
  // The closing brace of the document, then nothing but white space.
  bool Close() {
    ++p_;
    SkipSpace();
    return p_ == t_.size();
  }
  void SkipSpace() {
    while (p_ < t_.size() && (t_[p_] == ' ' || t_[p_] == '\n' || t_[p_] == '\r' || t_[p_] == '\t')) ++p_;
  }
  // At an opening quote: moves past the closing one (a quote preceded by an odd number of
  // backslashes is escaped). memchr keeps this at memory speed on text-heavy records.
  bool SkipString() {
    const size_t open = p_++;
    for (;;) {
      const void* hit = std::memchr(t_.data() + p_, '"', t_.size() - p_);
      if (!hit) {
        p_ = t_.size();
        return false;
      }
      size_t q = static_cast<size_t>(static_cast<const char*>(hit) - t_.data());
      size_t slashes = 0;
      while (q - slashes > open + 1 && t_[q - slashes - 1] == '\\') ++slashes;
      p_ = q + 1;
      if (slashes % 2 == 0) return true;
    }
  }
  // Any value; containers are followed to their matching close, at most `depth` levels deep.
  bool SkipValue(size_t depth) {
    if (p_ >= t_.size()) return false;
    char c = t_[p_];
    if (c == '"') return SkipString();
    if (c != '{' && c != '[') {
      size_t begin = p_;
      while (p_ < t_.size() && std::strchr(" \t\r\n,]}:", t_[p_]) == nullptr) ++p_;
      return p_ > begin;
    }
    std::vector<char> open;
    while (p_ < t_.size()) {
      c = t_[p_];
      if (c == '"') {
        if (!SkipString()) return false;
        continue;
      }
      if (c == '{' || c == '[') {
        if (open.size() == depth) return false;
        open.push_back(c);
      } else if (c == '}' || c == ']') {
        if (open.empty() || open.back() != (c == '}' ? '{' : '[')) return false;
        open.pop_back();
        if (open.empty()) {
          ++p_;
          return true;
        }
      }
      ++p_;
    }
    return false;
  }
  bool ScanArray(std::vector<std::string_view>* elements) {
    ++p_;
    SkipSpace();
    if (Expect(']')) return true;
    for (;;) {
      size_t begin = p_;
      if (!SkipValue(kMaxDepth - kRecordDepth)) return false;
      elements->push_back(t_.substr(begin, p_ - begin));
      SkipSpace();
      if (Expect(',')) {
        SkipSpace();
        continue;
      }
      return Expect(']');
    }
  }

  std::string_view t_;
  size_t p_ = 0;
};

// Parses complete JSON texts (records, section values) that are slices of one document; a
// syntax error is placed at its line and column in the whole document. One parser, with its
// working memory, serves every slice.
class SliceParser {
 public:
  SliceParser(const std::string& document, std::string_view file, size_t depth_used)
      : document_(document), file_(file), parser_(json::storage_ptr(), ParseOptions(depth_used), work_, sizeof work_) {}

  // The value's memory comes from `storage`.
  base::Result<json::value> Parse(std::string_view slice, json::storage_ptr storage) {
    parser_.reset(std::move(storage));
    boost::system::error_code ec;
    size_t consumed = parser_.write_some(slice.data(), slice.size(), ec);
    if (!ec && consumed < slice.size()) ec = json::error::extra_data;
    if (ec) {
      size_t offset = static_cast<size_t>(slice.data() - document_.data()) + consumed;
      return base::Status::InvalidArgument("not valid JSON: " + ec.message(), Position(document_, offset, file_));
    }
    return parser_.release();
  }

 private:
  const std::string& document_;
  std::string_view file_;
  alignas(std::max_align_t) unsigned char work_[4096];
  json::parser parser_;
};

base::Result<json::value> ParseSlice(const std::string& document, std::string_view slice, size_t depth_used,
                                     json::storage_ptr storage, std::string_view file) {
  return SliceParser(document, file, depth_used).Parse(slice, std::move(storage));
}

// The error a full parse reports for a document the structure scan could not follow.
base::Status Diagnose(const std::string& text, size_t scan_offset, std::string_view file) {
  json::monotonic_resource arena;
  auto parsed = ParseSlice(text, text, 0, &arena, file);
  if (!parsed.ok()) return parsed.status();
  if (!parsed->is_object()) return base::Status::InvalidArgument("the document must be a JSON object", file);
  return base::Status::InvalidArgument("not valid JSON: unexpected character", Position(text, scan_offset, file));
}

}  // namespace

struct RegisterJsonSource::Impl {
  std::string text;
  std::string file;
  base::Timestamp now;
  std::map<std::string, Member, std::less<>> sections;

  const Member* Section(std::string_view name) const {
    auto it = sections.find(name);
    return it == sections.end() ? nullptr : &it->second;
  }
};

RegisterJsonSource::RegisterJsonSource(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RegisterJsonSource::RegisterJsonSource(RegisterJsonSource&&) noexcept = default;
RegisterJsonSource& RegisterJsonSource::operator=(RegisterJsonSource&&) noexcept = default;
RegisterJsonSource::~RegisterJsonSource() = default;

base::Result<RegisterJsonSource> RegisterJsonSource::Parse(std::string text, std::string_view file_name,
                                                           base::Timestamp now) {
  if (text.size() > kMaxRegisterBytes) {
    return base::Status::InvalidArgument("file is larger than 2 GiB", file_name);
  }
  auto impl = std::make_unique<Impl>();
  impl->text = std::move(text);
  impl->file = std::string(file_name);
  impl->now = now;
  const std::string& file = impl->file;

  std::vector<Member> members;
  StructureScanner scanner(impl->text);
  if (!scanner.Scan(&members)) return Diagnose(impl->text, scanner.offset(), file);

  std::set<std::string, std::less<>> known = {"format", "blobs"};
  domain::ForEachRecordType([&]<class T>() { known.emplace(domain::Info(T::kKind).plural); });
  for (Member& m : members) {
    json::monotonic_resource arena;
    AIMS_ASSIGN_OR_RETURN(json::value key, ParseSlice(impl->text, m.raw_key, 1, &arena, file));
    std::string name(key.get_string());
    if (!known.count(name)) return base::Status::InvalidArgument("unknown section", file + ":/" + name);
    if (name == "blobs" ? m.value.front() != '{' : name != "format" && m.value.front() != '[') {
      return base::Status::InvalidArgument(name == "blobs" ? "must be an object" : "must be an array",
                                           file + ":/" + name);
    }
    if (impl->sections.count(name)) {
      return base::Status::InvalidArgument("the section appears more than once", file + ":/" + name);
    }
    impl->sections.emplace(std::move(name), std::move(m));
  }
  const Member* format = impl->Section("format");
  bool is_register = false;
  if (format) {
    json::monotonic_resource arena;
    AIMS_ASSIGN_OR_RETURN(json::value v, ParseSlice(impl->text, format->value, 1, &arena, file));
    is_register = v.is_string() && v.get_string() == kRegisterFormat;
  }
  if (!is_register) {
    return base::Status::InvalidArgument(
        "not an aims register document (\"format\" must be \"" + std::string(kRegisterFormat) + "\")",
        file + ":/format");
  }
  return RegisterJsonSource(std::move(impl));
}

template <class T>
size_t RegisterJsonSource::Count() const {
  const Member* section = impl_->Section(domain::Info(T::kKind).plural);
  return section ? section->elements.size() : 0;
}

template <class T>
base::Status RegisterJsonSource::Read(size_t begin, size_t end, std::vector<T>* out) const {
  std::string section(domain::Info(T::kKind).plural);
  const Member* list = impl_->Section(section);
  if (!list) return base::Status::OK();
  end = std::min(end, list->elements.size());
  SliceParser parser(impl_->text, impl_->file, kRecordDepth);
  // A record's values live in a small buffer on the stack, released with the record.
  alignas(std::max_align_t) unsigned char buffer[16384];
  for (size_t i = begin; i < end; ++i) {
    json::monotonic_resource arena(buffer, sizeof buffer);
    AIMS_ASSIGN_OR_RETURN(json::value value, parser.Parse(list->elements[i], &arena));
    std::string ptr = "/" + section + "/" + std::to_string(i);
    base::Status s = ReadRecord(value, ptr, impl_->now, &out->emplace_back());
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
  const Member* section = impl_->Section("blobs");
  if (!section) return base::Status::OK();
  json::monotonic_resource arena;
  AIMS_ASSIGN_OR_RETURN(json::value blobs, ParseSlice(impl_->text, section->value, 1, &arena, impl_->file));
  for (const auto& kv : blobs.get_object()) {
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

template <class T>
base::Status ReadRecordChanges(std::string_view body, T* record) {
  json::monotonic_resource arena;
  json::parser parser(&arena, ParseOptions(0));
  boost::system::error_code ec;
  size_t consumed = parser.write_some(body.data(), body.size(), ec);
  if (!ec && consumed < body.size()) ec = json::error::extra_data;
  if (ec) {
    std::string where = Position(body, consumed, "");
    return base::Status::InvalidArgument("not valid JSON: " + ec.message(), where.substr(1));
  }
  json::value value = parser.release();
  if (!value.is_object()) return base::Status::InvalidArgument("the body must be a JSON object", "");
  const json::object& obj = value.get_object();
  if (const json::key_value_pair* unknown = FirstUnknownKey<T>(obj)) {
    return base::Status::InvalidArgument(
        "unknown field for " + domain::WithArticle(domain::Info(T::kKind).noun), "/" + std::string(unknown->key()));
  }
  FieldJsonReader reader(obj, "");
  record->VisitFields(reader);
  return reader.status();
}

#define AIMS_INSTANTIATE_CHANGES(T) template base::Status ReadRecordChanges<domain::T>(std::string_view, domain::T*);
AIMS_RECORD_TYPES(AIMS_INSTANTIATE_CHANGES)
#undef AIMS_INSTANTIATE_CHANGES

base::Result<RegisterDocument> ReadRegisterJson(std::string_view text, std::string_view file_name,
                                                base::Timestamp now) {
  AIMS_ASSIGN_OR_RETURN(RegisterJsonSource source, RegisterJsonSource::Parse(std::string(text), file_name, now));
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
