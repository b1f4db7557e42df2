//===- Pass.h - Passes, analyses, the registry and the manager -*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A pass inspects a Project and emits diagnostics into a DiagnosticEngine;
/// it never prints and never mutates the IR. Passes are registered by name
/// (`db-relations`) so that any tool can run any pipeline
/// (`abv-opt --passes=db-names,db-relations`). Analyses (symbol tables,
/// relation pairings) are computed once per project and cached in the
/// AnalysisManager, LLVM style; passes ask for them.
///
/// Defining a pass (in an anonymous namespace; only the factory is public):
/// \code
///   struct MyPass : PassInfoMixin<MyPass> {
///     static constexpr llvm::StringLiteral argument = "db-my-check";
///     static constexpr llvm::StringLiteral description = "Checks ...";
///     void run(const Project &p, AnalysisManager &am, DiagnosticEngine &d);
///   };
///   registry.add<MyPass>();
/// \endcode
///
//===----------------------------------------------------------------------===//

#ifndef ABV_PASS_PASS_H
#define ABV_PASS_PASS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace abv {

class DiagnosticEngine;
class Project;

//===----------------------------------------------------------------------===//
// Analyses
//===----------------------------------------------------------------------===//

/// Computes and caches analyses of one Project. An analysis is any class
/// with a constructor `A(const Project &, AnalysisManager &)` and a static
/// member `static char ID;` whose address keys the cache.
class AnalysisManager {
public:
  explicit AnalysisManager(const Project &project) : project(project) {}

  template <typename A> A &getAnalysis() {
    auto &slot = cache[&A::ID];
    if (!slot)
      slot = std::make_unique<Model<A>>(project, *this);
    return static_cast<Model<A> *>(slot.get())->value;
  }

  /// Drops every cached analysis.
  void invalidateAll() { cache.clear(); }

  const Project &getProject() const { return project; }

private:
  struct Concept {
    virtual ~Concept() = default;
  };
  template <typename A> struct Model final : Concept {
    Model(const Project &p, AnalysisManager &am) : value(p, am) {}
    A value;
  };

  const Project &project;
  llvm::DenseMap<const void *, std::unique_ptr<Concept>> cache;
};

//===----------------------------------------------------------------------===//
// Passes
//===----------------------------------------------------------------------===//

class Pass {
public:
  virtual ~Pass();
  /// The name used on command lines: "db-relations".
  virtual llvm::StringRef getArgument() const = 0;
  /// One line for --help and `abv-opt --list-passes`.
  virtual llvm::StringRef getDescription() const = 0;
  /// Inspects \p project; reports findings into \p diags.
  virtual void run(const Project &project, AnalysisManager &analyses,
                   DiagnosticEngine &diags) = 0;
};

/// CRTP helper: supplies getArgument/getDescription from static members
/// `argument` and `description`, and forwards run().
template <typename Derived> class PassInfoMixin : public Pass {
public:
  llvm::StringRef getArgument() const override { return Derived::argument; }
  llvm::StringRef getDescription() const override {
    return Derived::description;
  }
};

/// All passes known to a tool, by argument name, in registration order.
class PassRegistry {
public:
  using Factory = std::function<std::unique_ptr<Pass>()>;
  struct Entry {
    std::string argument;
    std::string description;
    Factory factory;
    /// Part of the default `abv-verify` pipeline.
    bool inDefaultPipeline;
  };

  /// Registers a pass by factory.
  void add(llvm::StringRef argument, llvm::StringRef description,
           Factory factory, bool inDefaultPipeline = true);
  /// Registers a pass by its create function; the argument and description
  /// are read from one instance.
  void add(std::unique_ptr<Pass> (*create)(), bool inDefaultPipeline = true);
  /// Registers a PassInfoMixin pass type.
  template <typename P> void add(bool inDefaultPipeline = true) {
    add(
        P::argument, P::description, [] { return std::make_unique<P>(); },
        inDefaultPipeline);
  }

  const Entry *lookup(llvm::StringRef argument) const;
  const std::vector<Entry> &getEntries() const { return entries; }

  /// The registry with every pass ABV has (DB layer, and later layers).
  static PassRegistry &getGlobal();

private:
  std::vector<Entry> entries;
  llvm::StringMap<size_t> byName;
};

/// Runs passes in order over a project.
class PassManager {
public:
  explicit PassManager(const PassRegistry &registry) : registry(registry) {}

  void addPass(std::unique_ptr<Pass> pass) {
    passes.push_back(std::move(pass));
  }
  /// Parses a comma-separated pipeline ("db-names,db-relations") and adds
  /// those passes; fails on an unknown name.
  llvm::Error addPipeline(llvm::StringRef pipeline);
  /// Adds every pass marked inDefaultPipeline.
  void addDefaultPipeline();

  /// Also run the IR verifier before the first pass and after each pass.
  void setVerifyEach(bool value) { verifyEach = value; }

  void run(const Project &project, DiagnosticEngine &diags);

  size_t size() const { return passes.size(); }

private:
  const PassRegistry &registry;
  std::vector<std::unique_ptr<Pass>> passes;
  bool verifyEach = false;
};

} // namespace abv

#endif // ABV_PASS_PASS_H
