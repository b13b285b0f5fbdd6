# aims_embed_files(<target> <namespace> <files...>): compiles the files into <target> as byte
# arrays, reachable through `std::span<const EmbeddedFile> <namespace>::Files()` declared in
# base/embedded_file.h. Re-run whenever an embedded file changes.
function(aims_embed_files target ns)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_${ns}_embedded.cpp")  # one per namespace: a target may embed several sets
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${ns} -DBASE=${CMAKE_SOURCE_DIR}
            "-DFILES=${ARGN}" -P "${CMAKE_SOURCE_DIR}/cmake/embed_files_gen.cmake"
    DEPENDS ${ARGN} "${CMAKE_SOURCE_DIR}/cmake/embed_files_gen.cmake"
    COMMENT "Embedding ${ns} files"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
