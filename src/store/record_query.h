// RecordQuery: one page of a filtered, sorted list of records, with keyset pagination (the page
// after a given sort key and id), so that page N costs the same as page 1.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/entity_kind.h"

namespace aims::store {

// The sort key of a row: its sort column's value (NULL sorts as the smallest value) and its id.
struct PageKey {
  bool is_int = true;
  int64_t int_value = 0;
  std::string text_value;
  domain::Id id = 0;
};

struct RecordQuery {
  // field name -> value, as text ("true"/"false" for booleans, ids for references); a
  // reference-list field matches records whose list holds the id.
  std::vector<std::pair<std::string, std::string>> equals;
  std::vector<std::pair<std::string, std::string>> not_equals;  // scalar fields only
  // field name -> value: records whose (scalar, non-null) field sorts before the value, e.g.
  // a review date before today.
  std::vector<std::pair<std::string, std::string>> before;
  std::string search;              // case-insensitive substring of any listed text field
  std::string sort = "id";         // a scalar field, or id, created_at, updated_at
  bool descending = false;
  std::optional<PageKey> after;    // the last row of the previous page
  int64_t limit = 50;
  bool include_retired = false;
};

}  // namespace aims::store
