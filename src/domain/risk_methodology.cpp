#include "domain/risk_methodology.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace aims::domain {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "Rare: less than once in 10 years" -> "Rare".
std::string NameOf(std::string_view entry) {
  size_t colon = entry.find(':');
  return std::string(Trim(colon == std::string_view::npos ? entry : entry.substr(0, colon)));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

base::Status CheckScale(const std::vector<std::string>& scale, std::string_view field,
                        std::vector<std::string>* names) {
  if (scale.size() < kMinScaleLevels || scale.size() > kMaxScaleLevels) {
    return base::Status::InvalidArgument("needs 3 to 5 levels, got " + std::to_string(scale.size()),
                                         std::string(field));
  }
  for (size_t i = 0; i < scale.size(); ++i) {
    std::string name = NameOf(scale[i]);
    if (name.empty()) {
      return base::Status::InvalidArgument("level " + std::to_string(i + 1) + " has no name",
                                           std::string(field));
    }
    for (const auto& earlier : *names) {
      if (Lower(earlier) == Lower(name)) {
        return base::Status::InvalidArgument("level name \"" + name + "\" is used twice",
                                             std::string(field));
      }
    }
    names->push_back(std::move(name));
  }
  return base::Status::OK();
}

}  // namespace

RiskMethodology DefaultMethodology() {
  RiskMethodology m;
  m.name = "aims default 5x5";
  m.description =
      "Score = likelihood x impact on two five-level scales, banded into four levels: low 1-4, "
      "medium 5-9, high 10-16, critical 17-25.";
  m.likelihood_scale = {"Rare: not expected in the system's lifetime",
                        "Unlikely: could happen, not expected this year",
                        "Possible: may well happen this year",
                        "Likely: expected to happen this year",
                        "Almost certain: happening or expected repeatedly"};
  m.impact_scale = {"Negligible: no noticeable effect on people or the organisation",
                    "Minor: small, easily reversed effect on a few people",
                    "Moderate: real harm to some people or a breach of an obligation",
                    "Major: serious or lasting harm to many people, or a legal sanction",
                    "Severe: irreversible harm to people or society, or loss of licence to operate"};
  m.levels = {"low", "medium", "high", "critical"};
  for (int l = 1; l <= 5; ++l) {
    std::string row;
    for (int i = 1; i <= 5; ++i) {
      int score = l * i;
      std::string_view level = score >= 17 ? "critical" : score >= 10 ? "high" : score >= 5 ? "medium" : "low";
      row += (i > 1 ? ", " : "") + std::string(level);
    }
    m.matrix.push_back(std::move(row));
  }
  m.appetite = "medium";
  m.review_days = {"365", "180", "90", "30"};
  return m;
}

base::Result<RiskScale> RiskScale::Compile(const RiskMethodology& m) {
  RiskScale s;
  AIMS_TRY(CheckScale(m.likelihood_scale, "likelihood_scale", &s.likelihood_names_));
  AIMS_TRY(CheckScale(m.impact_scale, "impact_scale", &s.impact_names_));
  s.likelihoods_ = static_cast<int>(m.likelihood_scale.size());
  s.impacts_ = static_cast<int>(m.impact_scale.size());
  if (m.levels.size() < 2 || m.levels.size() > 6) {
    return base::Status::InvalidArgument("needs 2 to 6 risk levels, got " + std::to_string(m.levels.size()),
                                         "levels");
  }
  for (const auto& level : m.levels) {
    std::string name(Trim(level));
    if (name.empty()) return base::Status::InvalidArgument("a risk level has no name", "levels");
    for (const auto& earlier : s.levels_) {
      if (Lower(earlier) == Lower(name)) {
        return base::Status::InvalidArgument("risk level \"" + name + "\" is listed twice", "levels");
      }
    }
    s.levels_.push_back(std::move(name));
  }
  auto rank_of = [&](std::string_view name) -> int {
    for (size_t i = 0; i < s.levels_.size(); ++i) {
      if (Lower(s.levels_[i]) == Lower(Trim(name))) return static_cast<int>(i);
    }
    return -1;
  };

  if (m.matrix.size() != static_cast<size_t>(s.likelihoods_)) {
    return base::Status::InvalidArgument(
        "needs one row per likelihood level (" + std::to_string(s.likelihoods_) + "), got " +
            std::to_string(m.matrix.size()),
        "matrix");
  }
  s.cells_.assign(static_cast<size_t>(s.likelihoods_ * s.impacts_), 0);
  for (int l = 0; l < s.likelihoods_; ++l) {
    std::string where = "matrix row " + std::to_string(l + 1);
    std::string_view row = m.matrix[static_cast<size_t>(l)];
    int i = 0;
    while (true) {
      size_t comma = row.find(',');
      std::string_view cell = Trim(row.substr(0, comma));
      if (i == s.impacts_) {
        return base::Status::InvalidArgument("has more than " + std::to_string(s.impacts_) +
                                                 " cells (one per impact level)",
                                             where);
      }
      int rank = rank_of(cell);
      if (rank < 0) {
        return base::Status::InvalidArgument(
            "cell " + std::to_string(i + 1) + " \"" + std::string(cell) + "\" is not a risk level", where);
      }
      s.cells_[static_cast<size_t>(l * s.impacts_ + i)] = rank;
      ++i;
      if (comma == std::string_view::npos) break;
      row.remove_prefix(comma + 1);
    }
    if (i != s.impacts_) {
      return base::Status::InvalidArgument("has " + std::to_string(i) + " cells, needs " +
                                               std::to_string(s.impacts_) + " (one per impact level)",
                                           where);
    }
  }
  // A higher likelihood or impact never lowers the level: otherwise a risk could get "safer"
  // by being judged worse.
  for (int l = 0; l < s.likelihoods_; ++l) {
    for (int i = 0; i < s.impacts_; ++i) {
      int here = s.cells_[static_cast<size_t>(l * s.impacts_ + i)];
      bool lower_right = i > 0 && here < s.cells_[static_cast<size_t>(l * s.impacts_ + i - 1)];
      bool lower_up = l > 0 && here < s.cells_[static_cast<size_t>((l - 1) * s.impacts_ + i)];
      if (lower_right || lower_up) {
        return base::Status::InvalidArgument(
            "cell " + std::to_string(i + 1) + " is lower than the cell " +
                (lower_right ? "to its left" : "in the row before") +
                ": a higher likelihood or impact may not lower the level",
            "matrix row " + std::to_string(l + 1));
      }
    }
  }

  s.appetite_ = rank_of(m.appetite);
  if (s.appetite_ < 0) {
    return base::Status::InvalidArgument("\"" + m.appetite + "\" is not one of the risk levels", "appetite");
  }
  if (m.review_days.size() != s.levels_.size()) {
    return base::Status::InvalidArgument("needs one number of days per risk level (" +
                                             std::to_string(s.levels_.size()) + "), got " +
                                             std::to_string(m.review_days.size()),
                                         "review_days");
  }
  for (size_t i = 0; i < m.review_days.size(); ++i) {
    std::string_view text = Trim(m.review_days[i]);
    int days = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
    if (ec != std::errc() || end != text.data() + text.size() || days < 1 || days > 3660) {
      return base::Status::InvalidArgument("entry " + std::to_string(i + 1) + " \"" + std::string(text) +
                                               "\" is not a number of days from 1 to 3660",
                                           "review_days");
    }
    s.review_days_.push_back(days);
  }
  return s;
}

int RiskScale::Rank(int64_t likelihood, int64_t impact) const {
  if (likelihood < 1 || likelihood > likelihoods_ || impact < 1 || impact > impacts_) return -1;
  return cells_[static_cast<size_t>((likelihood - 1) * impacts_ + (impact - 1))];
}

std::string RiskScale::LikelihoodName(int64_t value) const {
  if (value < 1 || value > likelihoods_) return std::to_string(value);
  return likelihood_names_[static_cast<size_t>(value - 1)];
}

std::string RiskScale::ImpactName(int64_t value) const {
  if (value < 1 || value > impacts_) return std::to_string(value);
  return impact_names_[static_cast<size_t>(value - 1)];
}

base::Status CheckRules(const RiskMethodology& m) { return RiskScale::Compile(m).status(); }

}  // namespace aims::domain
