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
/// A pass declares the unit it runs on (Passes.def says the same, with its
/// layer): a `Schema` pass sees the project's canonical DB schema, a
/// `Document` pass its canonical API document, a `Project` pass the whole
/// project (several layers, or both artifacts of one). Defining one (in an
/// anonymous namespace; only the factory is public):
/// \code
///   struct MyPass : SchemaPass<MyPass> {
///     static constexpr llvm::StringLiteral argument = "db-my-check";
///     static constexpr llvm::StringLiteral description = "Checks ...";
///     void run(const db::Schema &schema, AnalysisManager &am,
///              DiagnosticEngine &diags);
///   };
///   std::unique_ptr<Pass> abv::createMyPass() {
///     return std::make_unique<MyPass>();
///   }
/// \endcode
///
/// The IR verifier runs once, after lowering and before the first pass:
/// passes read the IR and never change it.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_PASS_PASS_H
#define ABV_PASS_PASS_H

#include "abv/Basic/Timing.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/TypeName.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace abv {

class DiagnosticEngine;
class Project;
namespace db {
class Schema;
} // namespace db
namespace api {
class Document;
} // namespace api

/// What one run of a pass sees.
enum class PassUnit : unsigned char {
  Schema,   ///< The project's canonical DB schema.
  Document, ///< The project's canonical API document.
  Project   ///< The whole project.
};
llvm::StringRef getPassUnitName(PassUnit unit);

/// The layer a pass's findings belong to.
enum class PassLayer : unsigned char { DB, API, Link, Logic };
llvm::StringRef getPassLayerName(PassLayer layer);

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
    if (!slot) {
      TimingRegion region(timing, TimingKind::Analysis,
                          getAnalysisName(llvm::getTypeName<A>()));
      slot = std::make_unique<Model<A>>(project, *this);
    }
    return static_cast<Model<A> *>(slot.get())->value;
  }

  /// Charges the computation of analyses to \p value (null: not timed).
  void setTiming(Timing *value) { timing = value; }

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

  /// "BindingAnalysis" for "abv::BindingAnalysis".
  static llvm::StringRef getAnalysisName(llvm::StringRef typeName) {
    size_t colons = typeName.rfind("::");
    return colons == llvm::StringRef::npos ? typeName
                                           : typeName.drop_front(colons + 2);
  }

  const Project &project;
  llvm::DenseMap<const void *, std::unique_ptr<Concept>> cache;
  Timing *timing = nullptr;
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
  /// The unit the pass runs on.
  virtual PassUnit getUnit() const = 0;
  /// Runs the pass on its unit of \p project (nothing when the project has
  /// no such unit); reports findings into \p diags.
  virtual void runOn(const Project &project, AnalysisManager &analyses,
                     DiagnosticEngine &diags) = 0;
};

/// CRTP helper: supplies getArgument/getDescription from static members
/// `argument` and `description`.
template <typename Derived> class SchemaPass;
template <typename Derived> class DocumentPass;
template <typename Derived> class ProjectPass;

template <typename Derived> class PassInfoMixin : public Pass {
  // Only the unit mixins below derive from it, for their Derived.
  PassInfoMixin() = default;
  friend Derived;
  friend class SchemaPass<Derived>;
  friend class DocumentPass<Derived>;
  friend class ProjectPass<Derived>;

public:
  llvm::StringRef getArgument() const override { return Derived::argument; }
  llvm::StringRef getDescription() const override {
    return Derived::description;
  }
};

/// A pass over the canonical DB schema: `Derived::run(const db::Schema &,
/// AnalysisManager &, DiagnosticEngine &)`.
template <typename Derived> class SchemaPass : public PassInfoMixin<Derived> {
  SchemaPass() = default;
  friend Derived;

public:
  PassUnit getUnit() const final { return PassUnit::Schema; }
  void runOn(const Project &project, AnalysisManager &analyses,
             DiagnosticEngine &diags) final;
};

/// A pass over the canonical API document: `Derived::run(const
/// api::Document &, AnalysisManager &, DiagnosticEngine &)`.
template <typename Derived> class DocumentPass : public PassInfoMixin<Derived> {
  DocumentPass() = default;
  friend Derived;

public:
  PassUnit getUnit() const final { return PassUnit::Document; }
  void runOn(const Project &project, AnalysisManager &analyses,
             DiagnosticEngine &diags) final;
};

/// A pass over the whole project: `Derived::run(const Project &,
/// AnalysisManager &, DiagnosticEngine &)`.
template <typename Derived> class ProjectPass : public PassInfoMixin<Derived> {
  ProjectPass() = default;
  friend Derived;

public:
  PassUnit getUnit() const final { return PassUnit::Project; }
  void runOn(const Project &project, AnalysisManager &analyses,
             DiagnosticEngine &diags) final {
    static_cast<Derived *>(this)->run(project, analyses, diags);
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
    PassUnit unit;
    PassLayer layer;
    /// Part of the default `abv-verify` pipeline.
    bool inDefaultPipeline;
  };

  /// Registers a pass by factory.
  void add(llvm::StringRef argument, llvm::StringRef description,
           Factory factory, PassUnit unit, PassLayer layer,
           bool inDefaultPipeline = true);
  /// Registers a pass by its create function; the argument, description and
  /// unit are read from one instance.
  void add(std::unique_ptr<Pass> (*create)(), PassLayer layer,
           bool inDefaultPipeline = true);
  /// Registers a pass type.
  template <typename P>
  void add(PassLayer layer, bool inDefaultPipeline = true) {
    add(Factory([] { return std::unique_ptr<Pass>(std::make_unique<P>()); }),
        layer, inDefaultPipeline);
  }
  /// Registers the pass a factory makes.
  void add(const Factory &factory, PassLayer layer,
           bool inDefaultPipeline = true);

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

  /// Run the IR verifier before the first pass (the IR does not change
  /// afterwards: passes only read it). A project that fails it is not
  /// passed to any pass.
  void setVerifyIR(bool value) { verifyIR = value; }
  /// Times the IR verifier, each pass and each analysis into \p value
  /// (null: not timed).
  void setTiming(Timing *value) { timing = value; }

  void run(const Project &project, DiagnosticEngine &diags);

  size_t size() const { return passes.size(); }

private:
  const PassRegistry &registry;
  std::vector<std::unique_ptr<Pass>> passes;
  bool verifyIR = false;
  Timing *timing = nullptr;
};

} // namespace abv

#include "abv/IR/Project.h"

template <typename Derived>
void abv::SchemaPass<Derived>::runOn(const Project &project,
                                     AnalysisManager &analyses,
                                     DiagnosticEngine &diags) {
  if (const db::Schema *schema = project.getDBSchema())
    static_cast<Derived *>(this)->run(*schema, analyses, diags);
}

template <typename Derived>
void abv::DocumentPass<Derived>::runOn(const Project &project,
                                       AnalysisManager &analyses,
                                       DiagnosticEngine &diags) {
  if (const api::Document *document = project.getAPIDocument())
    static_cast<Derived *>(this)->run(*document, analyses, diags);
}

#endif // ABV_PASS_PASS_H
