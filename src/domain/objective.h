// Objective: a measurable AI objective (ISO/IEC 42001 6.2) with its metric, target, owner and due
// date; Measurement: one recorded value of it on a day. Whether an objective is met, and how it
// has moved, is derived from its measurements, never stored (ObjectiveProgress).
// Values are decimal numbers written as text ("0.83", "12", "-1.5e-3"), checked when recorded,
// so that a value reads back exactly as it was entered.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "domain/field.h"
#include "domain/record_meta.h"

namespace aims::domain {

enum class TargetDirection { kAtLeast, kAtMost };
template <>
struct EnumTraits<TargetDirection> {
  static constexpr std::array<std::string_view, 2> kNames = {"at_least", "at_most"};
};

struct Objective {
  static constexpr EntityKind kKind = EntityKind::kObjective;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"title"};
  RecordMeta meta;
  std::string title;
  std::string description;
  std::string metric;
  std::string unit;
  TargetDirection direction = TargetDirection::kAtLeast;
  std::string target;  // a decimal number
  std::optional<Id> owner;
  std::optional<base::Date> due;
  std::vector<Id> systems;
  std::vector<std::string> requirements;  // catalog refs, e.g. iso42001:6.2, iso42001:C.2.5

  template <class V>
  void VisitFields(V& v) {
    v(Text("title").Required().Listed(), title);
    v(LongText("description"), description);
    v(Text("metric").Required().Listed().Help("what is measured, e.g. approval-rate ratio under 25 to over 25"), metric);
    v(Text("unit").Help("e.g. ratio, %, hours"), unit);
    v(Enum<TargetDirection>("direction").Listed().Help("whether the target is a minimum or a maximum"), direction);
    v(Text("target").Required().Listed().Help("a number, e.g. 0.8"), target);
    v(Ref("owner", EntityKind::kPerson).Required().Listed(), owner);
    v(DateField("due").Listed().Help("when the target is to be reached"), due);
    v(RefList("systems", EntityKind::kAiSystem), systems);
    v(TextList("requirements").Help("what it serves, e.g. iso42001:6.2, iso42001:C.2.5 (fairness)"), requirements);
  }
};

struct Measurement {
  static constexpr EntityKind kKind = EntityKind::kMeasurement;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  RecordMeta meta;
  std::optional<Id> objective;
  std::optional<base::Date> measured_on;
  std::string value;  // a decimal number
  std::string note;
  std::optional<Id> evidence;

  template <class V>
  void VisitFields(V& v) {
    v(Ref("objective", EntityKind::kObjective).Required().Listed(), objective);
    v(DateField("measured_on").Required().Listed(), measured_on);
    v(Text("value").Required().Listed().Help("a number"), value);
    v(Text("note"), note);
    v(Ref("evidence", EntityKind::kEvidence).Help("where the value comes from"), evidence);
  }
};

// A decimal number as people write it; InvalidArgument (where `field`) for anything else,
// infinities and NaN included.
base::Result<double> ParseDecimal(std::string_view text, std::string_view field);

// Where an objective stands, from its live measurements.
struct ObjectiveProgress {
  struct Point {
    base::Date on;
    double value = 0;
  };
  std::vector<Point> points;      // by day (the last of a day counts)
  std::optional<double> latest;
  bool met = false;               // the latest value meets the target
  bool overdue = false;           // past its due date and not met
  int trend = 0;                  // +1 towards the target since the previous value, -1 away, 0 same or unknown
};
ObjectiveProgress ProgressOf(const Objective& objective, const std::vector<Measurement>& measurements, base::Date today);

}  // namespace aims::domain
