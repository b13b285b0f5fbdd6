#include "domain/canonical_state.h"

namespace aims::domain::internal {

CanonicalLayout BuildCanonicalLayout(const std::vector<Field>& fields) {
  // Meta keys first, then fields, each with its position in that list.
  std::vector<std::string> keys = {"entity", "id", "record_version", "created_at", "updated_at", "retired_at"};
  for (const Field& f : fields) keys.emplace_back(f.name);
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  CanonicalLayout layout;
  std::vector<int> slot_of(keys.size());
  for (size_t pos = 0; pos < order.size(); ++pos) {
    if (pos > 0) AIMS_ASSERT(keys[order[pos - 1]] != keys[order[pos]]);  // keys are unique
    slot_of[order[pos]] = static_cast<int>(pos);
    std::string prefix;
    base::AppendJsonString(&prefix, keys[order[pos]]);
    prefix.push_back(':');
    layout.prefixes.push_back(std::move(prefix));
  }
  layout.entity = slot_of[0];
  layout.id = slot_of[1];
  layout.version = slot_of[2];
  layout.created = slot_of[3];
  layout.updated = slot_of[4];
  layout.retired = slot_of[5];
  for (size_t i = 0; i < fields.size(); ++i) layout.field_slot.push_back(slot_of[6 + i]);
  return layout;
}

}  // namespace aims::domain::internal
