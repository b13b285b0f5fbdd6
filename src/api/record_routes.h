// The JSON API over the register's records, one set of routes per record kind under
// /api/v1/{plural}: list (filters, search, sort, keyset cursor), create, read (with ETag),
// update (PATCH with If-Match: a stale version is refused with 412, so no update is lost), retire
// (DELETE; records are never erased: the ledger keeps their history), and the record's ledger
// history. Evidence files are uploaded and downloaded through their own two routes.
#pragma once

#include "api/router.h"

namespace aims::api {

void AddRecordRoutes(Router& router);

}  // namespace aims::api
