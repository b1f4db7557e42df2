# Locates LLVM 19 (static Support), the ANTLR 4 C++ runtime and tool,
# nlohmann/json (unit tests only), libyaml and GoogleTest, all from Debian
# 12 packages.

# LLVM's version file wants an exact major.minor, so find any LLVM and check.
if(NOT LLVM_DIR)
  set(LLVM_DIR /usr/lib/llvm-19/lib/cmake/llvm)
endif()
find_package(LLVM REQUIRED CONFIG)
if(NOT LLVM_VERSION_MAJOR EQUAL 19)
  message(FATAL_ERROR "ABV needs LLVM 19, found ${LLVM_PACKAGE_VERSION} "
                      "(set LLVM_DIR)")
endif()
message(STATUS "LLVM ${LLVM_PACKAGE_VERSION} at ${LLVM_DIR}")
# Debian's LLVM is built without exceptions; ABV needs them (ANTLR, json),
# so take only the definitions and include dirs, never LLVM's cxxflags.
separate_arguments(ABV_LLVM_DEFINITIONS NATIVE_COMMAND ${LLVM_DEFINITIONS})
add_definitions(${ABV_LLVM_DEFINITIONS})
include_directories(SYSTEM ${LLVM_INCLUDE_DIRS})
llvm_map_components_to_libnames(ABV_LLVM_LIBS support)
set(LLVM_TOOLS_BINARY_DIR ${LLVM_TOOLS_BINARY_DIR} CACHE PATH "")

find_package(antlr4-runtime REQUIRED CONFIG)
find_program(ANTLR4_TOOL antlr4 REQUIRED)
# clang rejects one include of Debian's umbrella header; use a copy without
# it, placed ahead of the system one (gcc accepts either).
set(ABV_ANTLR_SHIM_DIR ${CMAKE_BINARY_DIR}/antlr4-shim)
file(READ ${ANTLR4_INCLUDE_DIR}/antlr4-runtime.h ABV_ANTLR_UMBRELLA)
string(REPLACE "#include \"misc/InterpreterDataReader.h\"" ""
       ABV_ANTLR_UMBRELLA "${ABV_ANTLR_UMBRELLA}")
file(WRITE ${ABV_ANTLR_SHIM_DIR}/antlr4-runtime.h "${ABV_ANTLR_UMBRELLA}")

find_package(nlohmann_json 3.10 REQUIRED CONFIG)

# libyaml (Debian: libyaml-dev) reads OpenAPI documents written in YAML.
find_package(PkgConfig REQUIRED)
pkg_check_modules(YAML REQUIRED IMPORTED_TARGET yaml-0.1)

find_package(Python3 REQUIRED COMPONENTS Interpreter)

# abv_add_library(<name> <sources...> [LINK <libs...>])
# A static library of one ABV area.
function(abv_add_library name)
  cmake_parse_arguments(ARG "" "" "LINK" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PUBLIC ${ARG_LINK})
endfunction()

# abv_add_tool(<name> <sources...> [LINK <libs...>])
function(abv_add_tool name)
  cmake_parse_arguments(ARG "" "" "LINK" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${ARG_LINK})
  abv_add_sanitizer_defaults(${name})
endfunction()

# Every executable of a sanitizer build gets ASan defaults (see the file).
function(abv_add_sanitizer_defaults name)
  if(ABV_ENABLE_SANITIZERS)
    target_sources(${name} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/AsanDefaults.cpp)
  endif()
endfunction()
