// Bulk import of any register from CSV: paste or pick a file, match its columns to the
// register's fields (guessed from the header), see a dry run of what would be created, updated
// or refused (by row, line and column), then import all rows in one transaction (or skip the
// bad ones on request). Rows go through the same validation and ownership checks as the API.
#pragma once

#include "api/router.h"

namespace aims::web {

void AddImportPage(api::Router& router);

}  // namespace aims::web
