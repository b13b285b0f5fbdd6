#include "web/record_pages_kind.h"

namespace aims::web::record_pages {

void AddKinds2(api::Router& router) {
#define AIMS_ADD_KIND(T) AddKind<domain::T>(router);
  AIMS_RECORD_TYPES_2(AIMS_ADD_KIND)
#undef AIMS_ADD_KIND
}

}  // namespace aims::web::record_pages
