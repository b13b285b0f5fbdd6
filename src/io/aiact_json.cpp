#include "io/aiact_json.h"

#include <boost/json.hpp>

#include <charconv>
#include <cmath>
#include <set>

#include "base/canonical_json.h"

namespace aims::io {

namespace json = boost::json;

namespace {

using base::Status;

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

// Reads the members of one JSON object; keeps the first error, with its pointer.
class AnswerReader {
 public:
  AnswerReader(const json::object& obj, std::string ptr) : obj_(obj), ptr_(std::move(ptr)) {}
  const Status& status() const { return status_; }

  void RefuseUnknown(const std::set<std::string_view>& allowed) {
    for (const auto& kv : obj_) {
      if (!allowed.count(std::string_view(kv.key()))) {
        return Fail(kv.key(), "unknown key (expected " + Join(allowed) + ")");
      }
    }
  }
  void Bool(std::string_view key, bool* out) {
    if (const json::value* j = Find(key)) {
      if (j->is_bool()) *out = j->get_bool();
      else if (!j->is_null()) Fail(key, "must be true or false");
    }
  }
  void OptionalText(std::string_view key, std::optional<std::string>* out) {
    if (const json::value* j = Find(key)) {
      if (j->is_string() && !j->get_string().empty()) *out = std::string(j->get_string());
      else if (!j->is_null()) Fail(key, "must be a non-empty string or null");
    }
  }
  void TextList(std::string_view key, std::vector<std::string>* out) {
    if (const json::value* j = Find(key)) {
      if (j->is_null()) return;
      if (!j->is_array()) return Fail(key, "must be an array of strings");
      for (const auto& item : j->get_array()) {
        if (!item.is_string()) return Fail(key, "must be an array of strings");
        out->emplace_back(item.get_string());
      }
    }
  }
  // Kept to 15 significant digits: Boost.JSON (1.81) may read a double one unit in the last place
  // off, and rounding makes write-then-read give the same value, so the canonical form is stable.
  void OptionalNumber(std::string_view key, std::optional<double>* out) {
    if (const json::value* j = Find(key)) {
      if (j->is_null()) return;
      double v = 0;
      if (j->is_int64()) v = static_cast<double>(j->get_int64());
      else if (j->is_uint64()) v = static_cast<double>(j->get_uint64());
      else if (j->is_double()) v = j->get_double();
      else return Fail(key, "must be a number or null");
      if (!std::isfinite(v)) return Fail(key, "must be a finite number");
      char buf[64];
      auto end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 15).ptr;
      std::from_chars(buf, end, v);
      if (v == 0) v = 0;  // -0 reads as 0: one spelling, so the stored answers round-trip
      *out = v;
    }
  }
  void Role(std::string_view key, domain::AiActRole* out) {
    const json::value* j = Find(key);
    if (!status_.ok()) return;
    auto roles = domain::EnumNames<domain::AiActRole>().subspan(1);  // not "undetermined"
    std::string hint = " (expected " + domain::JoinNames(roles) + ")";
    if (!j || j->is_null()) return Fail(key, "required" + hint);
    if (!j->is_string()) return Fail(key, "must be a string" + hint);
    auto role = domain::ParseEnum<domain::AiActRole>(j->get_string());
    if (!role || *role == domain::AiActRole::kUndetermined) {
      return Fail(key, "unknown value \"" + std::string(j->get_string()) + "\"" + hint);
    }
    *out = *role;
  }
  // A nested object; nullptr when absent or null (or on error).
  const json::object* Object(std::string_view key) {
    const json::value* j = Find(key);
    if (!j || j->is_null()) return nullptr;
    if (!j->is_object()) {
      Fail(key, "must be an object");
      return nullptr;
    }
    return &j->get_object();
  }
  std::string Pointer(std::string_view key) const { return ptr_ + "/" + std::string(key); }
  void Absorb(const Status& s) {
    if (status_.ok()) status_ = s;
  }

 private:
  static std::string Join(const std::set<std::string_view>& names) {
    std::string out;
    for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
  }
  const json::value* Find(std::string_view key) {
    if (!status_.ok()) return nullptr;
    return obj_.if_contains(key);
  }
  void Fail(std::string_view key, const std::string& msg) {
    if (status_.ok()) status_ = Status::InvalidArgument(msg, Pointer(key));
  }

  const json::object& obj_;
  std::string ptr_;
  Status status_;
};

Status ReadAnnexI(const json::object& obj, domain::AiActAnswers::AnnexI* out) {
  AnswerReader r(obj, "/annex_i");
  r.RefuseUnknown({"safety_component_or_product", "third_party_conformity_assessment"});
  r.Bool("safety_component_or_product", &out->safety_component_or_product);
  r.Bool("third_party_conformity_assessment", &out->third_party_conformity_assessment);
  return r.status();
}

Status ReadGpai(const json::object& obj, domain::AiActAnswers::Gpai* out) {
  AnswerReader r(obj, "/gpai");
  r.RefuseUnknown({"is_gpai_model", "training_compute_flop", "open_source", "designated_systemic_risk"});
  r.Bool("is_gpai_model", &out->is_gpai_model);
  r.OptionalNumber("training_compute_flop", &out->training_compute_flop);
  r.Bool("open_source", &out->open_source);
  r.Bool("designated_systemic_risk", &out->designated_systemic_risk);
  return r.status();
}

Status ReadAnswers(const json::object& obj, domain::AiActAnswers* a) {
  AnswerReader r(obj, "");
  r.RefuseUnknown({"role", "scope_exclusion", "prohibited", "annex_i", "annex_iii", "derogation_6_3", "profiling",
                   "transparency", "gpai", "public_body_or_public_service"});
  r.Role("role", &a->role);
  r.OptionalText("scope_exclusion", &a->scope_exclusion);
  r.TextList("prohibited", &a->prohibited);
  if (const json::object* annex_i = r.Object("annex_i")) r.Absorb(ReadAnnexI(*annex_i, &a->annex_i));
  r.OptionalText("annex_iii", &a->annex_iii);
  r.OptionalText("derogation_6_3", &a->derogation_6_3);
  r.Bool("profiling", &a->profiling);
  r.TextList("transparency", &a->transparency);
  if (const json::object* gpai = r.Object("gpai")) r.Absorb(ReadGpai(*gpai, &a->gpai));
  r.Bool("public_body_or_public_service", &a->public_body_or_public_service);
  return r.status();
}

void Str(std::string* out, std::string_view s) { base::AppendJsonString(out, s); }

void OptionalStr(std::string* out, const std::optional<std::string>& s) {
  if (s) Str(out, *s);
  else out->append("null");
}

void StrArray(std::string* out, const std::vector<std::string>& values, std::string_view sep) {
  out->push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out->append(sep);
    Str(out, values[i]);
  }
  out->push_back(']');
}

const char* BoolText(bool b) { return b ? "true" : "false"; }

// The shortest text that reads back to the same double.
std::string Number(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : "null";
}

void AppendObligation(std::string* out, const domain::AiActObligation& o) {
  out->append("    {\"id\": ");
  Str(out, o.id);
  out->append(", \"article\": ");
  Str(out, o.article);
  out->append(", \"summary\": ");
  Str(out, o.summary);
  out->append(", \"binds\": ");
  Str(out, domain::EnumName(o.binds));
  out->append(", \"applies_from\": ");
  Str(out, o.applies_from.ToString());
  out->append(", \"in_force\": ");
  out->append(BoolText(o.in_force));
  out->push_back('}');
}

}  // namespace

base::Result<domain::AiActAnswers> ReadAiActAnswersJson(std::string_view text, std::string_view file_name) {
  std::string file(file_name);
  if (text.size() > kMaxAiActAnswersBytes) {
    return Status::InvalidArgument("larger than " + std::to_string(kMaxAiActAnswersBytes) + " bytes", file);
  }
  json::monotonic_resource arena;
  json::parse_options opts;
  opts.max_depth = 8;
  json::parser parser(&arena, opts);
  boost::system::error_code ec;
  size_t consumed = parser.write(text.data(), text.size(), ec);  // a whole text: incomplete is an error
  if (ec) return Status::InvalidArgument("not valid JSON: " + ec.message(), Position(text, consumed, file));
  json::value value = parser.release();
  if (!value.is_object()) return Status::InvalidArgument("the answers must be a JSON object", file + ":");
  domain::AiActAnswers answers;
  Status s = ReadAnswers(value.get_object(), &answers);
  if (!s.ok()) return Status::InvalidArgument(s.message(), file + ":" + std::string(s.where()));
  return answers;
}

std::string WriteAiActAnswersJson(const domain::AiActAnswers& a) {
  std::string out = "{\"role\": ";
  Str(&out, domain::EnumName(a.role));
  out.append(", \"scope_exclusion\": ");
  OptionalStr(&out, a.scope_exclusion);
  out.append(", \"prohibited\": ");
  StrArray(&out, a.prohibited, ", ");
  out.append(", \"annex_i\": {\"safety_component_or_product\": ");
  out.append(BoolText(a.annex_i.safety_component_or_product));
  out.append(", \"third_party_conformity_assessment\": ");
  out.append(BoolText(a.annex_i.third_party_conformity_assessment));
  out.append("}, \"annex_iii\": ");
  OptionalStr(&out, a.annex_iii);
  out.append(", \"derogation_6_3\": ");
  OptionalStr(&out, a.derogation_6_3);
  out.append(", \"profiling\": ");
  out.append(BoolText(a.profiling));
  out.append(", \"transparency\": ");
  StrArray(&out, a.transparency, ", ");
  out.append(", \"gpai\": {\"is_gpai_model\": ");
  out.append(BoolText(a.gpai.is_gpai_model));
  out.append(", \"training_compute_flop\": ");
  out.append(a.gpai.training_compute_flop ? Number(*a.gpai.training_compute_flop) : "null");
  out.append(", \"open_source\": ");
  out.append(BoolText(a.gpai.open_source));
  out.append(", \"designated_systemic_risk\": ");
  out.append(BoolText(a.gpai.designated_systemic_risk));
  out.append("}, \"public_body_or_public_service\": ");
  out.append(BoolText(a.public_body_or_public_service));
  out.append("}");
  return out;
}

std::string WriteAiActClassificationJson(const domain::AiActClassification& c) {
  std::string out = "{\n  \"text\": ";
  Str(&out, c.text);
  out.append(",\n  \"as_of\": ");
  Str(&out, c.as_of.ToString());
  out.append(",\n  \"tier\": ");
  Str(&out, domain::EnumName(c.tier));
  out.append(",\n  \"gpai\": ");
  Str(&out, domain::EnumName(c.gpai));
  out.append(",\n  \"fria_required\": ");
  out.append(BoolText(c.fria_required));
  out.append(",\n  \"transparency_obligations\": ");
  StrArray(&out, c.transparency_obligations, ", ");
  out.append(",\n  \"obligations\": [");
  for (size_t i = 0; i < c.obligations.size(); ++i) {
    out.append(i ? ",\n" : "\n");
    AppendObligation(&out, c.obligations[i]);
  }
  out.append(c.obligations.empty() ? "]" : "\n  ]");
  out.append(",\n  \"rationale\": [");
  for (size_t i = 0; i < c.rationale.size(); ++i) {
    out.append(i ? ",\n    " : "\n    ");
    Str(&out, c.rationale[i]);
  }
  out.append(c.rationale.empty() ? "]" : "\n  ]");
  out.append("\n}\n");
  return out;
}

}  // namespace aims::io
