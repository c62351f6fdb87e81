# Generates ${OUTPUT} from the JSON Schemas listed in ${SCHEMAS} ('|'-separated): one initializer
# {"<name>", R"..."(<schema>)"..."}, per <name>.schema.json, included by src/commands/schema.cpp.
# Run in script mode: cmake -DSCHEMAS=a.schema.json|b.schema.json -DOUTPUT=... -P EmbedSchemas.cmake
set(delimiter "procedura_schema")
string(REPLACE "|" ";" schemas "${SCHEMAS}")
set(content "// Generated from schema/*.schema.json by cmake/EmbedSchemas.cmake. Do not edit.\n")
foreach(schema ${schemas})
  get_filename_component(file_name "${schema}" NAME)
  string(REPLACE ".schema.json" "" name "${file_name}")
  file(READ "${schema}" text)
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${schema} contains the raw-string delimiter ')${delimiter}\"'")
  endif()
  # -Wpedantic (-Woverlength-strings) rejects literals longer than the 65536 that C++ promises.
  string(LENGTH "${text}" length)
  if(length GREATER 65000)
    message(FATAL_ERROR "${schema} is ${length} bytes; split the embedding before it passes 65000")
  endif()
  string(APPEND content "{\"${name}\", R\"${delimiter}(${text})${delimiter}\"},\n")
endforeach()
# Rewrite only on change, so an unrelated edit does not recompile more than needed.
set(existing "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" existing)
endif()
if(NOT existing STREQUAL content)
  file(WRITE "${OUTPUT}" "${content}")
endif()
