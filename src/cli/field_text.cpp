#include "cli/field_text.h"

#include <charconv>

#include "service/incidents.h"

namespace aims::cli {

std::string OptionName(std::string_view field) {
  std::string out = "--";
  for (char c : field) out.push_back(c == '_' ? '-' : c);
  return out;
}

namespace internal {

std::vector<std::string> SplitList(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const auto& value : raw) {
    size_t start = 0;
    while (start <= value.size()) {
      size_t comma = value.find(',', start);
      std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      size_t b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
      if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

const std::vector<std::string>* TextAssigner::Given(const domain::Field& f) {
  if (!status_.ok() || f.managed) return nullptr;
  auto it = values_.find(std::string(f.name));
  return it == values_.end() || it->second.empty() ? nullptr : &it->second;
}

void TextAssigner::Fail(const domain::Field& f, std::string msg) {
  if (status_.ok()) status_ = base::Status::InvalidArgument(msg, OptionName(f.name));
}

void TextAssigner::BadEnum(const domain::Field& f, const std::string& value) {
  Fail(f, "unknown value \"" + value + "\" (expected " + domain::JoinNames(f.enum_names) + ")");
}

void TextAssigner::operator()(const domain::Field& f, int64_t& v) {
  auto* raw = Given(f);
  if (!raw) return;
  const std::string& text = raw->back();
  int64_t parsed = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return Fail(f, "not a whole number: \"" + text + "\"");
  }
  v = parsed;
}

void TextAssigner::operator()(const domain::Field& f, bool& v) {
  auto* raw = Given(f);
  if (!raw) return;
  const std::string& t = raw->back();
  if (t == "true" || t == "yes" || t == "1") v = true;
  else if (t == "false" || t == "no" || t == "0") v = false;
  else Fail(f, "expected yes or no, got \"" + t + "\"");
}

void TextAssigner::operator()(const domain::Field& f, std::optional<base::Date>& v) {
  auto* raw = Given(f);
  if (!raw) return;
  if (raw->back().empty()) {
    v.reset();
    return;
  }
  auto d = base::Date::Parse(raw->back());
  if (d.ok()) v = *d;
  else Fail(f, std::string(d.status().message()));
}

void TextAssigner::operator()(const domain::Field& f, std::optional<base::Timestamp>& v) {
  auto* raw = Given(f);
  if (!raw) return;
  if (raw->back().empty()) {
    v.reset();
    return;
  }
  auto zone = service::OrganisationZone(tx_);
  if (!zone.ok()) return Fail(f, std::string(zone.status().message()));
  auto t = zone->ParseTime(raw->back());
  if (t.ok()) v = *t;
  else Fail(f, std::string(t.status().message()));
}

void TextAssigner::operator()(const domain::Field& f, std::optional<domain::Id>& v) {
  auto* raw = Given(f);
  if (!raw) return;
  if (raw->back().empty()) {
    v.reset();
    return;
  }
  auto id = ResolveRef(tx_, f.ref, raw->back());
  if (id.ok()) v = *id;
  else if (status_.ok()) status_ = base::Status(id.status().code(), id.status().message(), OptionName(f.name));
}

void TextAssigner::operator()(const domain::Field& f, std::vector<domain::Id>& v) {
  auto* raw = Given(f);
  if (!raw) return;
  v.clear();
  for (const auto& token : SplitList(*raw)) {
    auto id = ResolveRef(tx_, f.ref, token);
    if (!id.ok()) {
      if (status_.ok()) status_ = base::Status(id.status().code(), id.status().message(), OptionName(f.name));
      return;
    }
    v.push_back(*id);
  }
}

}  // namespace internal

namespace {

// Sets the string or int field `name` of a probe record from text.
struct KeySetter {
  std::string_view name;
  std::string_view value;
  bool ok = true;
  void operator()(const domain::Field& f, std::string& v) {
    if (f.name == name) v = std::string(value);
  }
  void operator()(const domain::Field& f, int64_t& v) {
    if (f.name != name) return;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    ok = ec == std::errc() && ptr == value.data() + value.size();
  }
  template <class V>
  void operator()(const domain::Field&, V&) {}
};

}  // namespace

base::Result<domain::Id> ResolveRef(store::Tx& tx, domain::EntityKind kind, std::string_view token) {
  const auto& info = domain::Info(kind);
  if (auto id = domain::ParseDisplayId(kind, token)) {
    base::Result<bool> exists = false;
    domain::VisitRecordType(kind, [&]<class T>() { exists = tx.records<T>().Exists(*id); });
    if (!exists.ok()) return exists.status();
    if (*exists) return *id;
    return base::Status::NotFound("no " + std::string(info.noun) + " " + domain::DisplayId(kind, *id));
  }
  base::Result<std::optional<domain::Id>> found = std::optional<domain::Id>();
  std::string key_names;
  domain::VisitRecordType(kind, [&]<class T>() {
    T probe;
    std::string_view rest = token;
    for (size_t i = 0; i < T::kNaturalKey.size(); ++i) {
      key_names += (i ? "@" : "") + std::string(T::kNaturalKey[i]);
      std::string_view part = rest;
      if (i + 1 < T::kNaturalKey.size()) {
        size_t sep = rest.find_first_of("@:");
        part = rest.substr(0, sep);
        rest = sep == std::string_view::npos ? std::string_view() : rest.substr(sep + 1);
      }
      KeySetter setter{T::kNaturalKey[i], part};
      probe.VisitFields(setter);
      if (!setter.ok) return;
    }
    if (!T::kNaturalKey.empty()) found = tx.records<T>().FindByKey(probe);
  });
  if (!found.ok()) return found.status();
  if (*found) return **found;
  std::string hint = "give an id such as " + std::string(info.prefix) + "-1";
  if (!key_names.empty()) hint += " or the " + key_names;
  return base::Status::NotFound("no " + std::string(info.noun) + " \"" + std::string(token) +
                                "\" (" + hint + ")");
}

}  // namespace aims::cli
