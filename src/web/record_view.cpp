#include "web/record_view.h"

#include <charconv>

#include "base/canonical_json.h"
#include "domain/risk_scoring.h"
#include "service/incidents.h"

namespace aims::web {

namespace {

using domain::FieldKind;

// Field values as display text and links, one overload per member type (domain/field.h).
struct CellWriter {
  NameCache& names;
  bool listed_only;
  DataList cells;

  Data& Cell(const domain::Field& f) {
    Data cell;
    cell.set("label", FieldLabel(f.name));
    cell.set("name", std::string(f.name));
    cell.set("long", f.kind == FieldKind::kLongText);
    cells.push_back(std::move(cell));
    return cells.back();
  }
  bool Skip(const domain::Field& f) const { return listed_only && !f.in_list; }

  void operator()(const domain::Field& f, const std::string& v) {
    if (!Skip(f)) Cell(f).set("text", v);
  }
  void operator()(const domain::Field& f, const int64_t& v) {
    if (!Skip(f)) Cell(f).set("text", std::to_string(v));
  }
  void operator()(const domain::Field& f, const bool& v) {
    if (!Skip(f)) Cell(f).set("text", std::string(v ? "yes" : "no"));
  }
  void operator()(const domain::Field& f, const std::optional<base::Date>& v) {
    if (!Skip(f)) Cell(f).set("text", v ? v->ToString() : std::string());
  }
  void operator()(const domain::Field& f, const std::optional<base::Timestamp>& v) {
    if (!Skip(f)) Cell(f).set("text", v ? names.Zone().Format(*v) : std::string());
  }
  void operator()(const domain::Field& f, const std::vector<std::string>& v) {
    if (Skip(f)) return;
    std::string text;
    for (const auto& s : v) text += (text.empty() ? "" : "; ") + s;
    Cell(f).set("text", text);
  }
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, const E& v) {
    if (!Skip(f)) Cell(f).set("text", EnumLabel(domain::EnumName(v)));
  }
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, const std::vector<E>& v) {
    if (Skip(f)) return;
    std::string text;
    for (const auto& e : v) text += (text.empty() ? "" : ", ") + EnumLabel(domain::EnumName(e));
    Cell(f).set("text", text);
  }
  void Links(const domain::Field& f, std::span<const domain::Id> ids) {
    DataList links;
    for (domain::Id id : ids) {
      Data link;
      link.set("href", RecordPath(f.ref, id));
      link.set("text", names.Name(f.ref, id));
      links.push_back(std::move(link));
    }
    Cell(f).set("links", links);
  }
  void operator()(const domain::Field& f, const std::optional<domain::Id>& v) {
    if (Skip(f)) return;
    if (v) Links(f, std::span<const domain::Id>(&*v, 1));
    else Cell(f).set("text", std::string());
  }
  void operator()(const domain::Field& f, const std::vector<domain::Id>& v) {
    if (!Skip(f)) Links(f, v);
  }
};

// Form inputs, one overload per member type.
struct InputWriter {
  NameCache& names;
  const std::map<std::string, std::string>& errors;
  DataList fields;

  Data& Input(const domain::Field& f, std::string_view type) {
    Data d;
    d.set("name", std::string(f.name));
    d.set("label", FieldLabel(f.name));
    d.set("id", "f-" + std::string(f.name));
    if (!f.help.empty()) d.set("help", std::string(f.help));
    d.set("required", f.required);
    d.set(std::string("is_") + std::string(type), true);
    if (auto it = errors.find(std::string(f.name)); it != errors.end()) d.set("error", it->second);
    fields.push_back(std::move(d));
    return fields.back();
  }

  void operator()(const domain::Field& f, const std::string& v) {
    if (f.managed) return;
    Input(f, f.kind == FieldKind::kLongText ? "textarea" : "text").set("value", v);
  }
  void operator()(const domain::Field& f, const int64_t& v) {
    if (f.managed) return;
    Data& d = Input(f, "number");
    d.set("value", std::to_string(v));
    if (f.min != std::numeric_limits<int64_t>::min()) d.set("min", std::to_string(f.min));
    if (f.max != std::numeric_limits<int64_t>::max()) d.set("max", std::to_string(f.max));
  }
  void operator()(const domain::Field& f, const bool& v) {
    if (!f.managed) Input(f, "checkbox").set("checked", v);
  }
  void operator()(const domain::Field& f, const std::optional<base::Date>& v) {
    if (!f.managed) Input(f, "date").set("value", v ? v->ToString() : std::string());
  }
  void operator()(const domain::Field& f, const std::optional<base::Timestamp>& v) {
    if (f.managed) return;
    const base::TimeZone& zone = names.Zone();
    Data& d = Input(f, "datetime");
    d.set("value", v ? zone.FormatLocalInput(*v) : std::string());
    d.set("help", (f.help.empty() ? std::string() : std::string(f.help) + "; ") + "time in " + zone.name());
  }
  void operator()(const domain::Field& f, const std::vector<std::string>& v) {
    if (f.managed) return;
    std::string text;
    for (const auto& s : v) text += s + "\n";
    Data& d = Input(f, "textarea");
    d.set("value", text);
    d.set("help", std::string(f.help.empty() ? "one per line" : std::string(f.help) + " (one per line)"));
  }
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, const E& v) {
    if (f.managed) return;
    DataList options;
    for (auto name : domain::EnumNames<E>()) {
      Data o;
      o.set("value", std::string(name));
      o.set("label", EnumLabel(name));
      o.set("selected", name == domain::EnumName(v));
      options.push_back(std::move(o));
    }
    Input(f, "select").set("options", options);
  }
  template <domain::DomainEnum E>
  void operator()(const domain::Field& f, const std::vector<E>& v) {
    if (f.managed) return;
    DataList options;
    int i = 0;
    for (auto name : domain::EnumNames<E>()) {
      Data o;
      o.set("value", std::string(name));
      o.set("label", EnumLabel(name));
      o.set("id", "f-" + std::string(f.name) + "-" + std::to_string(i++));
      bool on = false;
      for (auto e : v) on = on || domain::EnumName(e) == name;
      o.set("checked", on);
      options.push_back(std::move(o));
    }
    Input(f, "checkboxes").set("options", options);
  }
  void Refs(const domain::Field& f, std::span<const domain::Id> selected, bool multiple) {
    auto choices = names.Choices(f.ref);
    if (!choices) {
      // Too many to list: ids typed in, as display ids or numbers.
      std::string text;
      for (domain::Id id : selected) text += (text.empty() ? "" : ", ") + domain::DisplayId(f.ref, id);
      Data& d = Input(f, "text");
      d.set("value", text);
      d.set("help", std::string("ids such as ") + domain::DisplayId(f.ref, 12) + (multiple ? ", separated by commas" : ""));
      return;
    }
    DataList options;
    if (!multiple) {
      Data none;
      none.set("value", std::string());
      none.set("label", std::string("(none)"));
      none.set("selected", selected.empty());
      options.push_back(std::move(none));
    }
    for (const auto& [id, name] : *choices) {
      Data o;
      o.set("value", std::to_string(id));
      o.set("label", name);
      bool on = false;
      for (domain::Id s : selected) on = on || s == id;
      o.set("selected", on);
      options.push_back(std::move(o));
    }
    Data& d = Input(f, multiple ? "multiselect" : "select");
    d.set("options", options);
    d.set("size", std::to_string(std::clamp<size_t>(choices->size(), 3, 8)));
  }
  void operator()(const domain::Field& f, const std::optional<domain::Id>& v) {
    if (!f.managed) Refs(f, v ? std::span<const domain::Id>(&*v, 1) : std::span<const domain::Id>(), false);
  }
  void operator()(const domain::Field& f, const std::vector<domain::Id>& v) {
    if (!f.managed) Refs(f, v, true);
  }
};

// Values of a form field: every value sent under its name, without the empty sentinel that
// keeps an all-unchecked group present.
std::vector<std::string> Values(const Form& form, std::string_view name) {
  std::vector<std::string> out;
  auto [first, last] = form.equal_range(name);
  for (auto it = first; it != last; ++it) {
    if (!it->second.empty()) out.push_back(it->second);
  }
  return out;
}

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return std::string(s);
}

// An id typed or chosen: "SYS-12", "12". Unparseable text goes through as a string, for the
// reader to refuse with the field's name.
void AppendId(std::string* json, domain::EntityKind kind, std::string_view text) {
  std::string t = Trimmed(text);
  if (auto id = domain::ParseDisplayId(kind, t)) *json += std::to_string(*id);
  else base::AppendJsonString(json, t);
}

bool IsInteger(std::string_view s) {
  int64_t n = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  return !s.empty() && ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

std::string Capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

base::Result<int64_t> FormVersion(const Form& form) {
  std::string v = FormValue(form, "_version");
  int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size() || n < 1) {
    return base::Status::InvalidArgument("the form lacks the version it was made on; open it again", "_version");
  }
  return n;
}

std::string FieldLabel(std::string_view name) {
  static const std::map<std::string_view, std::string_view> kLabels = {
      {"ai_act_role", "EU AI Act role"}, {"ai_act_tier", "EU AI Act tier"}, {"iso22989_roles", "ISO/IEC 22989 roles"},
      {"sha256", "SHA-256"}, {"applicable", "Applicable"}, {"url", "URL"}};
  if (auto it = kLabels.find(name); it != kLabels.end()) return std::string(it->second);
  return Capitalised(EnumLabel(name));
}

std::string EnumLabel(std::string_view value) {
  std::string s(value);
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  return s;
}

std::string KindPath(domain::EntityKind kind) { return "/" + std::string(domain::Info(kind).plural); }
std::string RecordPath(domain::EntityKind kind, domain::Id id) { return KindPath(kind) + "/" + std::to_string(id); }

// At most 80 bytes of `text`, cut between UTF-8 characters, with an ellipsis when cut.
static std::string Shortened(const std::string& text) {
  if (text.size() <= 80) return text;
  size_t end = 80;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

template <class T>
std::string DisplayName(const T& record) {
  if constexpr (std::is_same_v<T, domain::SoaEntry>) {
    return record.requirement;
  } else if constexpr (std::is_same_v<T, domain::ImpactAssessment>) {
    return "Impact assessment version " + std::to_string(record.version) + " (" +
           std::string(domain::EnumName(record.status)) + ")";
  } else if constexpr (std::is_same_v<T, domain::AiActAssessment>) {
    return "Classification version " + std::to_string(record.version) + ": " +
           EnumLabel(domain::EnumName(record.tier));
  } else if constexpr (std::is_same_v<T, domain::Obligation>) {
    return record.article + ": " + Shortened(record.summary);
  } else if constexpr (std::is_same_v<T, domain::ImpactItem>) {
    return std::string(domain::EnumName(record.kind)) + ": " + Shortened(record.description);
  } else {
    std::string name;
    auto find = [&name](const domain::Field& f, const auto& v) {
      if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
        if (name.empty() && f.kind == FieldKind::kText && !v.empty()) name = v;
      }
    };
    domain::VisitConst(record, find);
    return name.empty() ? domain::DisplayId(T::kKind, record.meta.id) : name;
  }
}

std::string NameCache::Name(domain::EntityKind kind, domain::Id id) {
  auto key = std::make_pair(kind, id);
  if (auto it = names_.find(key); it != names_.end()) return it->second;
  std::string name = domain::DisplayId(kind, id);
  domain::VisitRecordType(kind, [&]<class T>() {
    (void)ws_.Read([&](store::Tx& tx) -> base::Status {
      auto record = tx.records<T>().Get(id);
      if (record.ok()) name = DisplayName(*record);
      return base::Status::OK();
    });
  });
  names_.emplace(key, name);
  return name;
}

const base::TimeZone& NameCache::Zone() {
  if (!zone_) {
    base::TimeZone zone = base::TimeZone::Utc();
    (void)ws_.Read([&](store::Tx& tx) -> base::Status {
      auto found = service::OrganisationZone(tx);
      if (found.ok()) zone = *found;
      return base::Status::OK();
    });
    zone_ = zone;
  }
  return *zone_;
}

std::optional<std::vector<std::pair<domain::Id, std::string>>> NameCache::Choices(domain::EntityKind kind, size_t limit) {
  std::optional<std::vector<std::pair<domain::Id, std::string>>> out;
  domain::VisitRecordType(kind, [&]<class T>() {
    (void)ws_.Read([&](store::Tx& tx) -> base::Status {
      store::RecordQuery q;
      q.limit = static_cast<int64_t>(limit) + 1;
      std::vector<T> records;
      std::optional<store::PageKey> next;
      AIMS_TRY(tx.records<T>().Query(q, &records, &next));
      if (records.size() > limit) return base::Status::OK();
      out.emplace();
      for (const auto& r : records) {
        std::string name = DisplayName(r);
        names_.emplace(std::make_pair(kind, r.meta.id), name);
        out->emplace_back(r.meta.id, std::move(name));
      }
      return base::Status::OK();
    });
  });
  return out;
}

std::map<std::string, std::string> DateFlags(const domain::Risk& risk, const base::TimeZone& zone, base::Timestamp now) {
  const base::Date today = zone.LocalDate(now);
  std::map<std::string, std::string> flags;
  for (const auto& late : domain::OverdueDates(risk, today)) flags[std::string(late.field)] = std::string(late.what) + " overdue";
  return flags;
}

std::map<std::string, std::string> DateFlags(const domain::Incident& incident, const base::TimeZone& zone,
                                             base::Timestamp now) {
  std::map<std::string, std::string> flags;
  auto clock = domain::ReportingClockOf(incident, zone, now);
  if (!clock) return flags;
  if (clock->state.reported) {
    flags["aware_at"] = clock->state.overdue ? "reported late" : "reported in time";
  } else {
    flags["aware_at"] = clock->state.overdue ? "report OVERDUE" : "report due: " + clock->state.text;
  }
  return flags;
}

std::map<std::string, std::string> DateFlags(const domain::Policy& policy, const base::TimeZone& zone,
                                             base::Timestamp now) {
  if (!domain::PolicyReviewOverdue(policy, zone.LocalDate(now))) return {};
  return {{"next_review", "review overdue"}};
}

void ApplyFlags(const std::map<std::string, std::string>& flags, DataList* cells) {
  if (flags.empty()) return;
  for (auto& cell : *cells) {
    const Data* name = cell.get("name");
    if (!name || !name->is_string()) continue;
    if (auto it = flags.find(name->string_value()); it != flags.end()) cell.set("flag", it->second);
  }
}

template <class T>
DataList FieldCells(const T& record, NameCache& names, bool listed_only) {
  CellWriter w{names, listed_only, {}};
  domain::VisitConst(record, w);
  return std::move(w.cells);
}

template <class T>
DataList FormFields(const T& record, NameCache& names, const std::map<std::string, std::string>& errors) {
  InputWriter w{names, errors, {}};
  domain::VisitConst(record, w);
  return std::move(w.fields);
}

template <class T>
std::string FormToJson(const Form& form, std::span<const std::string_view> extra, const base::TimeZone& zone) {
  std::string json = "{";
  bool first = true;
  auto key = [&](std::string_view name) {
    json += first ? "" : ", ";
    first = false;
    base::AppendJsonString(&json, name);
    json += ": ";
  };
  for (const auto& f : domain::FieldsOf<T>()) {
    bool wanted = !f.managed || std::find(extra.begin(), extra.end(), f.name) != extra.end();
    if (!wanted || !form.count(f.name)) continue;
    std::string value = Trimmed(FormValue(form, f.name));
    switch (f.kind) {
      case FieldKind::kText:
      case FieldKind::kLongText:
      case FieldKind::kEnum:
        key(f.name);
        base::AppendJsonString(&json, f.kind == FieldKind::kLongText ? FormValue(form, f.name) : value);
        break;
      case FieldKind::kInt:
        if (value.empty()) break;  // left as it is
        key(f.name);
        if (IsInteger(value)) json += value;
        else base::AppendJsonString(&json, value);
        break;
      case FieldKind::kBool:
        key(f.name);
        json += value == "true" || value == "on" ? "true" : "false";
        break;
      case FieldKind::kDate:
        key(f.name);
        if (value.empty()) json += "null";
        else base::AppendJsonString(&json, value);
        break;
      case FieldKind::kTimestamp: {
        // A datetime-local input holds a wall-clock time in the organisation's zone.
        key(f.name);
        if (value.empty()) {
          json += "null";
          break;
        }
        auto at = zone.ParseTime(value);
        base::AppendJsonString(&json, at.ok() ? at->ToString() : value);  // a bad value is reported by the reader
        break;
      }
      case FieldKind::kRef:
        key(f.name);
        if (value.empty()) json += "null";
        else AppendId(&json, f.ref, value);
        break;
      case FieldKind::kTextList:
      case FieldKind::kEnumList:
      case FieldKind::kRefList: {
        // A list arrives as several values (checkboxes, multiple select), or as one text of
        // lines (text lists) or of comma-separated ids (references typed in).
        std::vector<std::string> items;
        for (const auto& v : Values(form, f.name)) {
          size_t start = 0;
          const char sep = f.kind == FieldKind::kTextList ? '\n' : ',';
          while (start <= v.size()) {
            size_t end = v.find(sep, start);
            if (end == std::string::npos) end = v.size();
            std::string item = Trimmed(std::string_view(v).substr(start, end - start));
            if (!item.empty()) items.push_back(std::move(item));
            start = end + 1;
          }
        }
        key(f.name);
        json += "[";
        for (size_t i = 0; i < items.size(); ++i) {
          if (i) json += ", ";
          if (f.kind == FieldKind::kRefList) AppendId(&json, f.ref, items[i]);
          else base::AppendJsonString(&json, items[i]);
        }
        json += "]";
        break;
      }
    }
  }
  return json + "}";
}

std::string ErrorField(const base::Status& status) {
  std::string_view where = status.where();
  if (where.starts_with("/")) where.remove_prefix(1);
  size_t slash = where.find('/');
  return std::string(where.substr(0, slash));
}

#define AIMS_WEB_INSTANTIATE(T)                                                                        \
  template std::string DisplayName<domain::T>(const domain::T&);                                       \
  template DataList FieldCells<domain::T>(const domain::T&, NameCache&, bool);                         \
  template DataList FormFields<domain::T>(const domain::T&, NameCache&, const std::map<std::string, std::string>&); \
  template std::string FormToJson<domain::T>(const Form&, std::span<const std::string_view>, const base::TimeZone&);
AIMS_RECORD_TYPES(AIMS_WEB_INSTANTIATE)
#undef AIMS_WEB_INSTANTIATE

}  // namespace aims::web
