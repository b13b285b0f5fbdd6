// The aims command line: parses argv, runs one command, returns the process exit status.
#pragma once

namespace aims::cli {

int Run(int argc, char** argv);

}  // namespace aims::cli
