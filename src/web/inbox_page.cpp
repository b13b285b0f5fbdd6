#include "web/inbox_page.h"

#include "base/clock.h"
#include "service/inbox.h"
#include "web/record_view.h"
#include "web/session_pages.h"
#include "web/view.h"

namespace aims::web {

namespace {

constexpr std::pair<std::string_view, std::string_view> kSections[] = {
    {"approval", "Waiting for your approval"},
    {"incident", "Incident reporting clocks"},
    {"review", "Reviews due"},
    {"evidence", "Evidence expiring"},
    {"training", "Your training"},
};

base::Result<api::Response> InboxPage(api::RequestContext& ctx) {
  std::vector<service::InboxItem> items;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(items, service::InboxFor(tx, ctx.principal->person, ctx.principal->permissions, base::Now()));
    return base::Status::OK();
  }));
  Data d;
  DataList sections;
  for (const auto& [kind, title] : kSections) {
    DataList list;
    for (const auto& it : items) {
      if (it.kind != kind) continue;
      Data row;
      row.set("text", it.text);
      row.set("href", RecordPath(it.record_kind, it.record));
      row.set("overdue", it.overdue);
      list.push_back(std::move(row));
    }
    if (list.empty()) continue;
    Data s;
    s.set("kind", std::string(kind));
    s.set("title", std::string(title));
    s.set("count", std::to_string(list.size()));
    s.set("items", list);
    sections.push_back(std::move(s));
  }
  d.set("sections", sections);
  d.set("empty", items.empty());
  d.set("count", std::to_string(items.size()));
  d.set("no_person", !ctx.principal->person.has_value());
  return Page(ctx, {"Inbox", "Inbox"}, Render("inbox", d));
}

}  // namespace

void AddInboxPage(api::Router& router) {
  AddPage(router, api::http::verb::get, "/inbox", api::Access::Needs(domain::Permission::kRegisterRead), InboxPage);
}

}  // namespace aims::web
