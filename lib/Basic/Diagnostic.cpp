//===- Diagnostic.cpp - The diagnostic table ------------------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Materializes Diagnostics.def as a table and implements lookups and
/// message formatting.
///
//===----------------------------------------------------------------------===//

#include "abv/Basic/Diagnostic.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <iterator>
#include <vector>

using namespace abv;
using namespace llvm;

static const DiagInfo diagTable[] = {
#define DIAG(Enum, ID, Name, Sev, Cat, Group, Message)                         \
  {DiagID::Enum,   ID,     Name, Severity::Sev, Category::Cat,                 \
   GroupID::Group, Message},
#include "abv/Basic/Diagnostics.def"
};

static const NoteInfo noteTable[] = {
#define NOTE(Enum, ID, Name, Message) {NoteID::Enum, ID, Name, Message},
#include "abv/Basic/Diagnostics.def"
};

static const GroupInfo groupTable[] = {
#define GROUP(Enum, Name, Description) {GroupID::Enum, Name, Description},
#include "abv/Basic/Diagnostics.def"
};

static const AliasInfo aliasTable[] = {
#define ALIAS(ID, Name, Enum) {ID, Name, DiagID::Enum},
#include "abv/Basic/Diagnostics.def"
};

namespace {
struct SubgroupEdge {
  GroupID parent;
  GroupID child;
};
} // namespace

static const SubgroupEdge subgroupTable[] = {
#define SUBGROUP(Parent, Child) {GroupID::Parent, GroupID::Child},
#include "abv/Basic/Diagnostics.def"
};

ArrayRef<DiagInfo> abv::getAllDiagInfos() { return diagTable; }

const DiagInfo &abv::getDiagInfo(DiagID id) {
  return diagTable[static_cast<unsigned>(id)];
}

const DiagInfo *abv::lookupDiag(StringRef codeOrName) {
  static const StringMap<const DiagInfo *> index = [] {
    StringMap<const DiagInfo *> map;
    for (const DiagInfo &info : diagTable) {
      map[info.code] = &info;
      map[info.name] = &info;
    }
    for (const AliasInfo &alias : aliasTable) {
      const DiagInfo *target = &diagTable[unsigned(alias.target)];
      if (!alias.code.empty())
        map[alias.code] = target;
      map[alias.name] = target;
    }
    return map;
  }();
  auto it = index.find(codeOrName);
  return it == index.end() ? nullptr : it->second;
}

ArrayRef<NoteInfo> abv::getAllNoteInfos() { return noteTable; }

const NoteInfo &abv::getNoteInfo(NoteID id) {
  return noteTable[static_cast<unsigned>(id)];
}

const NoteInfo *abv::lookupNote(StringRef codeOrName) {
  static const StringMap<const NoteInfo *> index = [] {
    StringMap<const NoteInfo *> map;
    for (const NoteInfo &info : noteTable) {
      map[info.code] = &info;
      map[info.name] = &info;
    }
    return map;
  }();
  auto it = index.find(codeOrName);
  return it == index.end() ? nullptr : it->second;
}

ArrayRef<GroupInfo> abv::getAllGroupInfos() { return groupTable; }

const GroupInfo &abv::getGroupInfo(GroupID id) {
  return groupTable[static_cast<unsigned>(id)];
}

const GroupInfo *abv::lookupGroup(StringRef name) {
  for (const GroupInfo &info : groupTable)
    if (info.name == name)
      return &info;
  return nullptr;
}

ArrayRef<AliasInfo> abv::getAllAliases() { return aliasTable; }

namespace {
/// The group structure, computed once from the SUBGROUP rows and the DIAG
/// rows' group column.
struct GroupGraph {
  std::vector<SmallVector<GroupID, 4>> subgroups;
  std::vector<SmallVector<GroupID, 2>> parents;
  std::vector<std::vector<DiagID>> members;

  GroupGraph() {
    size_t numGroups = std::size(groupTable);
    subgroups.resize(numGroups);
    parents.resize(numGroups);
    members.resize(numGroups);
    for (const SubgroupEdge &edge : subgroupTable) {
      subgroups[unsigned(edge.parent)].push_back(edge.child);
      parents[unsigned(edge.child)].push_back(edge.parent);
    }
    // A diagnostic is a member of its group and of every group above it.
    for (const DiagInfo &info : diagTable) {
      std::vector<bool> seen(numGroups);
      SmallVector<GroupID, 8> work{info.group};
      while (!work.empty()) {
        GroupID group = work.pop_back_val();
        if (seen[unsigned(group)])
          continue;
        seen[unsigned(group)] = true;
        members[unsigned(group)].push_back(info.id);
        for (GroupID parent : parents[unsigned(group)])
          work.push_back(parent);
      }
    }
  }

  static const GroupGraph &get() {
    static const GroupGraph graph;
    return graph;
  }
};
} // namespace

ArrayRef<GroupID> abv::getSubgroups(GroupID id) {
  return GroupGraph::get().subgroups[unsigned(id)];
}

ArrayRef<GroupID> abv::getParentGroups(GroupID id) {
  return GroupGraph::get().parents[unsigned(id)];
}

ArrayRef<DiagID> abv::getGroupMembers(GroupID id) {
  return GroupGraph::get().members[unsigned(id)];
}

SmallVector<GroupID, 4> abv::getEnclosingGroups(DiagID id) {
  // Breadth first from the row's own group, so finer groups come first.
  SmallVector<GroupID, 4> groups{getDiagInfo(id).group};
  for (size_t i = 0; i < groups.size(); ++i)
    for (GroupID parent : getParentGroups(groups[i]))
      if (!llvm::is_contained(groups, parent))
        groups.push_back(parent);
  return groups;
}

bool abv::resolveDiagnostics(StringRef name, SmallVectorImpl<DiagID> &out) {
  if (const DiagInfo *info = lookupDiag(name)) {
    out.push_back(info->id);
    return true;
  }
  if (const GroupInfo *group = lookupGroup(name)) {
    ArrayRef<DiagID> members = getGroupMembers(group->id);
    out.append(members.begin(), members.end());
    return true;
  }
  return false;
}

StringRef abv::getSeverityName(Severity severity) {
  switch (severity) {
  case Severity::Ignored:
    return "ignored";
  case Severity::Note:
    return "note";
  case Severity::Remark:
    return "remark";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  llvm_unreachable("unknown severity");
}

StringRef abv::getCategoryName(Category category) {
  switch (category) {
  case Category::Input:
    return "input";
  case Category::Syntax:
    return "syntax";
  case Category::DB:
    return "db";
  case Category::API:
    return "api";
  case Category::Logic:
    return "logic";
  case Category::Link:
    return "link";
  case Category::Reference:
    return "reference";
  case Category::Conformance:
    return "conformance";
  case Category::Test:
    return "test";
  }
  llvm_unreachable("unknown category");
}

std::optional<Category> abv::parseCategory(StringRef name) {
  for (unsigned i = 0; i <= unsigned(Category::Test); ++i)
    if (getCategoryName(Category(i)) == name)
      return Category(i);
  return std::nullopt;
}

std::optional<Severity> abv::parseSeverity(StringRef name) {
  return StringSwitch<std::optional<Severity>>(name)
      .Case("ignored", Severity::Ignored)
      .Case("note", Severity::Note)
      .Case("remark", Severity::Remark)
      .Case("warning", Severity::Warning)
      .Case("error", Severity::Error)
      .Default(std::nullopt);
}

std::string abv::formatDiagMessage(StringRef format,
                                   ArrayRef<std::string> args) {
  std::string out;
  out.reserve(format.size() + 32);
  for (size_t i = 0, e = format.size(); i != e; ++i) {
    char c = format[i];
    if (c != '%' || i + 1 == e) {
      out += c;
      continue;
    }
    char next = format[i + 1];
    if (next == '%') {
      out += '%';
      ++i;
      continue;
    }
    if (next < '0' || next > '9') {
      out += c;
      continue;
    }
    unsigned index = 0;
    size_t j = i + 1;
    while (j != e && format[j] >= '0' && format[j] <= '9')
      index = index * 10 + unsigned(format[j++] - '0');
    out += index < args.size() ? args[index] : std::string("<?>");
    i = j - 1;
  }
  return out;
}
