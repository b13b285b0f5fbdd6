#include "catalog/catalog.h"

namespace aims::catalog {

std::optional<ItemKind> ItemKindFromName(std::string_view name) {
  for (size_t i = 0; i < kItemKindNames.size(); ++i) {
    if (kItemKindNames[i] == name) return static_cast<ItemKind>(i);
  }
  return std::nullopt;
}

std::string_view ItemKindName(ItemKind kind) { return kItemKindNames[static_cast<size_t>(kind)]; }

std::optional<Relation> RelationFromName(std::string_view name) {
  for (size_t i = 0; i < kRelationNames.size(); ++i) {
    if (kRelationNames[i] == name) return static_cast<Relation>(i);
  }
  return std::nullopt;
}

std::string_view RelationName(Relation relation) {
  return kRelationNames[static_cast<size_t>(relation)];
}

Framework::Framework(LibraryInfo info, std::vector<Item> items)
    : info_(std::move(info)), items_(std::move(items)) {
  for (size_t i = 0; i < items_.size(); ++i) {
    index_.emplace(items_[i].id, i);
    if (!items_[i].parent.empty()) ++child_count_[items_[i].parent];
  }
}

const Item* Framework::Find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  return it == index_.end() ? nullptr : &items_[it->second];
}

bool Framework::HasChildren(std::string_view id) const {
  return child_count_.count(std::string(id)) > 0;
}

bool Framework::IsRequirement(const Item& item) const {
  switch (item.kind) {
    case ItemKind::kControl:
    case ItemKind::kSubcategory:
      return true;
    case ItemKind::kClause:
      return !HasChildren(item.id);
    default:
      return false;
  }
}

std::vector<const Item*> Framework::Requirements() const {
  std::vector<const Item*> out;
  for (const Item& item : items_) {
    if (IsRequirement(item)) out.push_back(&item);
  }
  return out;
}

std::vector<const Item*> Framework::OfKind(ItemKind kind,
                                           std::optional<std::string_view> parent) const {
  std::vector<const Item*> out;
  for (const Item& item : items_) {
    if (item.kind == kind && (!parent || item.parent == *parent)) out.push_back(&item);
  }
  return out;
}

std::string Framework::Label() const {
  return info_.id + "@" + info_.version + "#" + std::to_string(info_.revision);
}

}  // namespace aims::catalog
