#include "catalog/catalog_set.h"

#include <charconv>

namespace aims::catalog {

int CompareEditions(std::string_view a, std::string_view b) {
  while (!a.empty() || !b.empty()) {
    auto next = [](std::string_view* s) {
      size_t dot = s->find('.');
      std::string_view part = s->substr(0, dot);
      *s = dot == std::string_view::npos ? std::string_view() : s->substr(dot + 1);
      return part;
    };
    std::string_view pa = next(&a), pb = next(&b);
    long long na = 0, nb = 0;
    auto ra = std::from_chars(pa.data(), pa.data() + pa.size(), na);
    auto rb = std::from_chars(pb.data(), pb.data() + pb.size(), nb);
    bool numeric = ra.ec == std::errc() && ra.ptr == pa.data() + pa.size() &&
                   rb.ec == std::errc() && rb.ptr == pb.data() + pb.size();
    if (numeric) {
      if (na != nb) return na < nb ? -1 : 1;
    } else if (int c = pa.compare(pb); c != 0) {
      return c < 0 ? -1 : 1;
    }
  }
  return 0;
}

bool CatalogSet::EditionOrder::operator()(const std::pair<std::string, int64_t>& a,
                                          const std::pair<std::string, int64_t>& b) const {
  int c = CompareEditions(a.first, b.first);
  if (c != 0) return c < 0;
  return a.second < b.second;
}

base::Status CatalogSet::AddFramework(std::shared_ptr<const Framework> framework) {
  const LibraryInfo& info = framework->info();
  auto& editions = frameworks_[info.id];
  auto key = std::make_pair(info.version, info.revision);
  auto it = editions.find(key);
  if (it != editions.end()) {
    if (it->second->items().size() == framework->items().size()) return base::Status::OK();
    return base::Status::AlreadyExists("a different catalog with the same edition and revision "
                                       "is already registered; raise the revision",
                                       framework->Label());
  }
  editions.emplace(key, std::move(framework));
  return base::Status::OK();
}

base::Status CatalogSet::AddCrosswalk(std::shared_ptr<const Crosswalk> cw) {
  // A crosswalk names an edition, not a revision: an id counts if some revision of that edition
  // has it (a later revision that drops an item does not invalidate older crosswalks).
  const Framework* from = FindEdition(cw->from.catalog, cw->from.version);
  const Framework* to = FindEdition(cw->to.catalog, cw->to.version);
  auto in_edition = [&](const CatalogRef& ref, std::string_view id) {
    auto it = frameworks_.find(ref.catalog);
    if (it == frameworks_.end()) return false;
    for (const auto& [key, fw] : it->second) {
      if (CompareEditions(key.first, ref.version) == 0 && fw->Find(id)) return true;
    }
    return false;
  };
  if (!from) {
    return base::Status::NotFound("crosswalk source catalog " + cw->from.catalog + "@" +
                                      cw->from.version + " is not registered",
                                  cw->info.id);
  }
  if (!to) {
    return base::Status::NotFound("crosswalk target catalog " + cw->to.catalog + "@" +
                                      cw->to.version + " is not registered",
                                  cw->info.id);
  }
  for (const RelationRow& row : cw->relations) {
    std::string where = cw->info.id + ":" + std::to_string(row.line);
    if (!in_edition(cw->from, row.from)) {
      return base::Status::InvalidArgument(
          "\"" + row.from + "\" is not an item of " + from->Label(), where + ": from");
    }
    if (!in_edition(cw->to, row.to)) {
      return base::Status::InvalidArgument("\"" + row.to + "\" is not an item of " + to->Label(),
                                           where + ": to");
    }
  }
  for (auto& existing : crosswalks_) {
    if (existing->info.id == cw->info.id && existing->info.revision == cw->info.revision) {
      return base::Status::OK();
    }
  }
  crosswalks_.push_back(std::move(cw));
  return base::Status::OK();
}

const Framework* CatalogSet::Latest(std::string_view id) const {
  auto it = frameworks_.find(id);
  if (it == frameworks_.end() || it->second.empty()) return nullptr;
  return it->second.rbegin()->second.get();
}

const Framework* CatalogSet::Find(std::string_view id, std::string_view edition,
                                  int64_t revision) const {
  auto it = frameworks_.find(id);
  if (it == frameworks_.end()) return nullptr;
  auto e = it->second.find(std::make_pair(std::string(edition), revision));
  return e == it->second.end() ? nullptr : e->second.get();
}

const Framework* CatalogSet::FindEdition(std::string_view id, std::string_view edition) const {
  auto it = frameworks_.find(id);
  if (it == frameworks_.end()) return nullptr;
  const Framework* best = nullptr;
  for (const auto& [key, fw] : it->second) {
    if (CompareEditions(key.first, edition) == 0) best = fw.get();  // highest revision wins
  }
  return best;
}

std::vector<const Framework*> CatalogSet::Frameworks() const {
  std::vector<const Framework*> out;
  for (const auto& [id, editions] : frameworks_) {
    for (const auto& [key, fw] : editions) out.push_back(fw.get());
  }
  return out;
}

std::vector<const Crosswalk*> CatalogSet::Crosswalks() const {
  std::vector<const Crosswalk*> out;
  for (const auto& cw : crosswalks_) out.push_back(cw.get());
  return out;
}

base::Result<const Item*> CatalogSet::ResolveRequirement(std::string_view ref) const {
  size_t colon = ref.find(':');
  if (colon == std::string_view::npos) {
    return base::Status::InvalidArgument("\"" + std::string(ref) +
                                         "\" is not <framework>:<id>, e.g. iso42001:A.6.2.8");
  }
  std::string_view id = ref.substr(0, colon), item_id = ref.substr(colon + 1);
  const Framework* fw = Latest(id);
  if (!fw) return base::Status::NotFound("unknown framework \"" + std::string(id) + "\"");
  const Item* item = fw->Find(item_id);
  if (!item) {
    return base::Status::NotFound("\"" + std::string(item_id) + "\" is not an item of " +
                                  fw->Label());
  }
  return item;
}

}  // namespace aims::catalog
