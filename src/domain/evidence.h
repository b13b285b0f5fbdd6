// Evidence: a file that shows a control operates. The file itself lives in the content-addressed
// blob store under its SHA-256; the record says who collected it, from where, what period it
// covers (distinct from when it was uploaded) and until when it is valid.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "domain/field.h"
#include "domain/record_meta.h"

namespace aims::domain {

struct Evidence {
  static constexpr EntityKind kKind = EntityKind::kEvidence;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  RecordMeta meta;
  std::string title;
  std::string description;
  std::string file_name;
  std::string media_type;
  int64_t size_bytes = 0;
  std::string sha256;  // lowercase hex of the file's SHA-256
  std::optional<Id> collected_by;
  std::string source;  // e.g. "CI pipeline", "manual export from HR system"
  std::optional<base::Date> effective_date;
  std::optional<base::Date> observed_from;
  std::optional<base::Date> observed_to;
  std::optional<base::Date> expires_on;
  std::vector<Id> controls;

  template <class V>
  void VisitFields(V& v) {
    v(Text("title").Required().Listed(), title);
    v(LongText("description"), description);
    v(Text("file_name").Listed().Managed(), file_name);
    v(Text("media_type"), media_type);
    v(Int("size_bytes").Managed().Range(0, std::numeric_limits<int64_t>::max()), size_bytes);
    v(Text("sha256").Required().Managed().Help("SHA-256 of the file, hex"), sha256);
    v(Ref("collected_by", EntityKind::kPerson), collected_by);
    v(Text("source").Help("where it was collected from"), source);
    v(DateField("effective_date").Help("the date the evidence speaks for"), effective_date);
    v(DateField("observed_from").Help("start of the observation period"), observed_from);
    v(DateField("observed_to").Help("end of the observation period"), observed_to);
    v(DateField("expires_on").Listed().Help("last day the evidence counts"), expires_on);
    v(RefList("controls", EntityKind::kControl).Listed(), controls);
  }
};

}  // namespace aims::domain
