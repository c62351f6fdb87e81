# Generates ${OUTPUT} from the Markdown pages listed in ${PAGES} ('|'-separated paths of
# docs/rules/<rule-id>.md): one initializer {"<rule-id>", R"delim(<page>)delim"}, per page,
# included by src/report/rule_docs.cpp.
# Run in script mode: cmake -DPAGES=a.md|b.md -DOUTPUT=rule_docs.inc -P EmbedRuleDocs.cmake
set(delimiter "procedura_doc")
string(REPLACE "|" ";" pages "${PAGES}")
set(content "// Generated from docs/rules/*.md by cmake/EmbedRuleDocs.cmake. Do not edit.\n")
foreach(page ${pages})
  get_filename_component(rule_id "${page}" NAME_WE)
  file(READ "${page}" text)
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${page} contains the raw-string delimiter ')${delimiter}\"'")
  endif()
  string(APPEND content "{\"${rule_id}\", R\"${delimiter}(${text})${delimiter}\"},\n")
endforeach()
# Rewrite only on change, so an unrelated doc edit does not recompile more than needed.
set(existing "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" existing)
endif()
if(NOT existing STREQUAL content)
  file(WRITE "${OUTPUT}" "${content}")
endif()
