#include "web/record_pages.h"

#include "web/record_pages_kind.h"

namespace aims::web {

namespace {

using namespace record_pages;

base::Result<api::Response> RegisterIndex(api::RequestContext& ctx) {
  DataList kinds;
  base::Status status;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    domain::ForEachRecordType([&]<class T>() {
      if (!status.ok()) return;
      auto count = tx.records<T>().Count(false);
      if (!count.ok()) {
        status = count.status();
        return;
      }
      Data k;
      k.set("href", KindPath(T::kKind));
      k.set("label", PluralLabel(T::kKind));
      k.set("count", std::to_string(*count));
      k.set("about", Capitalised(domain::WithArticle(domain::Info(T::kKind).noun)) + " per record; ids like " +
                         domain::DisplayId(T::kKind, 1));
      kinds.push_back(std::move(k));
    });
    return status;
  }));
  Data d;
  d.set("kinds", kinds);
  return Page(ctx, {"Register", "Register"}, Render("register", d));
}

}  // namespace

void AddRecordPages(api::Router& router) {
  api::Route index{api::http::verb::get, "/register", api::Access::Needs(domain::Permission::kRegisterRead), {}, RegisterIndex};
  index.page = true;
  router.Add(std::move(index));
  // In the order of domain::AllRecordTypes.
  record_pages::AddKinds1(router);
  record_pages::AddKinds2(router);
  record_pages::AddKinds3(router);
}

}  // namespace aims::web
