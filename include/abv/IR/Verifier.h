//===- Verifier.h - Structural invariants of the IR ------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks the invariants every frontend must establish (names present,
/// ranges valid and inside one buffer, relation info exactly on model-typed
/// fields, index fields non-empty, ...). A violation is a bug in ABV, not
/// in the input, and is reported as IR001.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_IR_VERIFIER_H
#define ABV_IR_VERIFIER_H

namespace abv {

class DiagnosticEngine;
class Project;

/// Verifies \p project; returns true when it is well-formed.
bool verifyProject(const Project &project, DiagnosticEngine &diags);

} // namespace abv

#endif // ABV_IR_VERIFIER_H
