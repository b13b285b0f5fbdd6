// The register's pages, generated for every record kind from its field list: a list with
// search, filters, sorting and keyset pages; a detail page with the records that refer to it
// and its ledger history; forms to create and change records (changes name the version they
// were made on: a stale form gets 412 and nothing is overwritten); retiring.
#pragma once

#include "api/router.h"

namespace aims::web {

void AddRecordPages(api::Router& router);

}  // namespace aims::web
