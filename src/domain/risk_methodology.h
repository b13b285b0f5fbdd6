// RiskMethodology: how the organisation scores AI risks (ISO/IEC 42001 6.1.2 c-d): a likelihood
// scale and an impact scale of 3 to 5 named levels, a matrix mapping each pair to a risk level,
// the risk appetite (the highest level accepted without an approver) and how often risks of each
// level are reviewed. One per register; without one, aims uses DefaultMethodology().
//
// A risk's level is derived, never stored: it is the matrix cell of its scores under the current
// methodology, so changing the methodology re-scores every risk at once and no level is stale.
// Pure: the service finds the methodology and counts risks per cell.
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

inline constexpr int kMinScaleLevels = 3;
inline constexpr int kMaxScaleLevels = 5;

struct RiskMethodology {
  static constexpr EntityKind kKind = EntityKind::kRiskMethodology;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"name"};
  RecordMeta meta;
  std::string name;
  std::string description;
  std::vector<std::string> likelihood_scale;  // lowest first, "Rare: less than once in 10 years"
  std::vector<std::string> impact_scale;      // lowest first, "Negligible: no one is harmed"
  std::vector<std::string> levels;            // risk levels, lowest first: "low", "medium", ...
  std::vector<std::string> matrix;            // row per likelihood (lowest first): "low, low, medium"
  std::string appetite;                       // the highest level retained without approval
  std::vector<std::string> review_days;       // per level, days between reviews: "365", "180"
  std::string last_rescore;                   // managed: what the last change did to the risks

  template <class V>
  void VisitFields(V& v) {
    v(Text("name").Required().Listed(), name);
    v(LongText("description"), description);
    v(TextList("likelihood_scale").Required().Listed()
          .Help("3 to 5 levels, lowest first, each \"Name: description\""),
      likelihood_scale);
    v(TextList("impact_scale").Required().Listed()
          .Help("3 to 5 levels, lowest first, each \"Name: description\""),
      impact_scale);
    v(TextList("levels").Required().Listed().Help("risk levels, lowest first, e.g. low, medium, high"),
      levels);
    v(TextList("matrix").Required()
          .Help("one row per likelihood level (lowest first): the level of each impact, comma-separated"),
      matrix);
    v(Text("appetite").Required().Listed()
          .Help("highest risk level retained without an approver's acceptance"),
      appetite);
    v(TextList("review_days").Required().Help("days between reviews, one per risk level"), review_days);
    v(LongText("last_rescore").Managed().Help("what the last change of the methodology did to the risks"),
      last_rescore);
  }
};

// The built-in methodology: 5 x 5, score = likelihood x impact banded into low (1-4), medium
// (5-9), high (10-16), critical (17-25); appetite medium; reviews yearly to monthly.
RiskMethodology DefaultMethodology();

// A methodology compiled for scoring: dense, checked, cheap to copy.
class RiskScale {
 public:
  // InvalidArgument naming the field (and row or entry) of the first problem.
  static base::Result<RiskScale> Compile(const RiskMethodology& m);

  int likelihoods() const { return likelihoods_; }
  int impacts() const { return impacts_; }
  int level_count() const { return static_cast<int>(levels_.size()); }
  // Level rank (0 = lowest) of a pair on the scales; -1 if either is outside them.
  int Rank(int64_t likelihood, int64_t impact) const;
  const std::string& LevelName(int rank) const { return levels_[static_cast<size_t>(rank)]; }
  int appetite() const { return appetite_; }
  bool AboveAppetite(int rank) const { return rank > appetite_; }
  int ReviewDays(int rank) const { return review_days_[static_cast<size_t>(rank)]; }
  // "Rare" from "Rare: less than once in 10 years"; value is 1-based.
  std::string LikelihoodName(int64_t value) const;
  std::string ImpactName(int64_t value) const;

 private:
  int likelihoods_ = 0;
  int impacts_ = 0;
  std::vector<std::string> likelihood_names_;
  std::vector<std::string> impact_names_;
  std::vector<std::string> levels_;
  std::vector<int> cells_;  // rank of (l, i) at (l - 1) * impacts + (i - 1)
  int appetite_ = 0;
  std::vector<int> review_days_;
};

base::Status CheckRules(const RiskMethodology& m);

}  // namespace aims::domain
