#include "domain/validate.h"

#include <algorithm>

#include "base/sha256.h"
#include "base/time_zone.h"

namespace aims::domain {

namespace internal {

namespace {

// True if `s` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n;
    uint32_t cp;
    if ((c & 0xe0) == 0xc0) { n = 1; cp = c & 0x1f; }
    else if ((c & 0xf0) == 0xe0) { n = 2; cp = c & 0x0f; }
    else if ((c & 0xf8) == 0xf0) { n = 3; cp = c & 0x07; }
    else return false;
    for (int k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = cp << 6 | (cc & 0x3f);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

}  // namespace

base::Status CheckText(const Field& f, const std::string& v) {
  if (f.required && v.find_first_not_of(" \t\r\n") == std::string::npos) {
    return base::Status::InvalidArgument("required field is missing or empty", f.name);
  }
  bool long_text = f.kind == FieldKind::kLongText;
  size_t limit = long_text ? kMaxLongTextBytes : kMaxTextBytes;
  if (v.size() > limit) {
    return base::Status::InvalidArgument(
        "too long: " + std::to_string(v.size()) + " bytes, at most " + std::to_string(limit),
        f.name);
  }
  // Most text is printable ASCII: one pass that the compiler vectorises settles it.
  bool printable_ascii = true;
  for (char ch : v) printable_ascii &= static_cast<unsigned char>(ch - 0x20) < 0x5f;
  if (printable_ascii) return base::Status::OK();
  if (!ValidUtf8(v)) return base::Status::InvalidArgument("is not valid UTF-8 text", f.name);
  for (char ch : v) {
    auto c = static_cast<unsigned char>(ch);
    bool allowed_control = long_text && (c == '\n' || c == '\t' || c == '\r');
    if ((c < 0x20 && !allowed_control) || c == 0x7f) {
      return base::Status::InvalidArgument(
          long_text ? "contains a control character" : "must be one line without control characters",
          f.name);
    }
  }
  return base::Status::OK();
}

}  // namespace internal

base::Status CheckRules(const Person& r) {
  auto at = r.email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= r.email.size() ||
      r.email.find(' ') != std::string::npos) {
    return base::Status::InvalidArgument("not an email address \"" + r.email + "\"", "email");
  }
  return base::Status::OK();
}

base::Status CheckRules(const SoaEntry& r) {
  if (r.applicable != Applicability::kUndecided &&
      r.justification.find_first_not_of(" \t\r\n") == std::string::npos) {
    return base::Status::InvalidArgument(
        "a justification is required once applicability is decided (yes or no)",
        "justification");
  }
  return base::Status::OK();
}

base::Status CheckRules(const Evidence& r) {
  if (r.sha256.size() != 64 ||
      r.sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return base::Status::InvalidArgument("must be 64 lowercase hex digits", "sha256");
  }
  if (r.observed_from && r.observed_to && *r.observed_to < *r.observed_from) {
    return base::Status::InvalidArgument(
        "observation period ends (" + r.observed_to->ToString() + ") before it starts (" +
            r.observed_from->ToString() + ")",
        "observed_to");
  }
  return base::Status::OK();
}

base::Status CheckRules(const Control& r) {
  for (const auto& ref : r.requirements) {
    std::string framework, item;
    AIMS_TRY(SplitRequirementRef(ref, &framework, &item).WithContext("requirements"));
  }
  return base::Status::OK();
}

base::Status CheckRules(const Risk& r) {
  if ((r.residual_likelihood == 0) != (r.residual_impact == 0)) {
    return base::Status::InvalidArgument("residual likelihood and impact are assessed together: give both or neither",
                                         r.residual_likelihood == 0 ? "residual_likelihood" : "residual_impact");
  }
  return base::Status::OK();
}

base::Status CheckRules(const Organisation& r) {
  if (!r.time_zone.empty()) AIMS_TRY(base::TimeZone::Find(r.time_zone).status());
  return base::Status::OK();
}

base::Status CheckRules(const Incident& r) {
  const bool serious = r.serious_incident != SeriousIncidentKind::kNone;
  if (serious && !r.aware_at) {
    return base::Status::InvalidArgument(
        "a serious incident needs the time the organisation became aware of it: the reporting clock starts there",
        "aware_at");
  }
  if (r.occurred_at && r.aware_at && *r.aware_at < *r.occurred_at) {
    return base::Status::InvalidArgument("awareness cannot come before the incident occurred", "aware_at");
  }
  if (r.reported_at && !serious) {
    return base::Status::InvalidArgument(
        "only a serious incident is reported to the authority under Art. 73: set serious_incident first",
        "reported_at");
  }
  if (r.reported_at && r.aware_at && *r.reported_at < *r.aware_at) {
    return base::Status::InvalidArgument("the report cannot come before awareness", "reported_at");
  }
  if (r.status == IncidentStatus::kClosed && r.root_cause.empty()) {
    return base::Status::InvalidArgument("an incident is closed only once its root cause is recorded", "root_cause");
  }
  return base::Status::OK();
}

base::Status CheckRules(const Objective& r) { return ParseDecimal(r.target, "target").status(); }

base::Status CheckRules(const Measurement& r) { return ParseDecimal(r.value, "value").status(); }

base::Status CheckRules(const CatalogRecord& r) {
  if (base::ToHex(base::Sha256(r.content)) != r.sha256) {
    return base::Status::InvalidArgument("does not match the SHA-256 of the catalog content", "sha256");
  }
  return base::Status::OK();
}

base::Status SplitRequirementRef(std::string_view ref, std::string* framework, std::string* item) {
  auto colon = ref.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == ref.size()) {
    return base::Status::InvalidArgument("\"" + std::string(ref) +
                                         "\" is not a requirement reference "
                                         "(expected <framework>:<id>, e.g. iso42001:A.6.2.8)");
  }
  *framework = std::string(ref.substr(0, colon));
  *item = std::string(ref.substr(colon + 1));
  return base::Status::OK();
}

void Normalise(std::vector<Id>* ids) {
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
}

void Normalise(std::vector<std::string>* refs) {
  std::sort(refs->begin(), refs->end());
  refs->erase(std::unique(refs->begin(), refs->end()), refs->end());
}

}  // namespace aims::domain
