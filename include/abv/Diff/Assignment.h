//===- Assignment.h - Optimal one-to-one assignment ------------*- C++ -*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The assignment problem the semantic diff solves for every dimension
/// (entities, columns, endpoints, DTOs): given rows (a candidate's items),
/// columns (a reference's items) and what pairing each row with each column
/// is worth, pair them one to one so that the total is as large as
/// possible. A row or a column may stay unpaired: an item with no
/// counterpart is a finding, not a forced match.
///
/// The solver is the Hungarian method (Kuhn-Munkres) in its shortest
/// augmenting path form: each step finds, with Dijkstra over reduced costs
/// (Johnson potentials), the augmenting path that adds the most weight, and
/// the solver stops when no path adds any. Only the allowed pairs are edges,
/// so the cost is O(k (E + V log V)) for k pairs found, E allowed pairs and
/// V rows and columns: the diff allows each item its few best partners, so
/// E grows linearly and the whole solve about quadratically.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_DIFF_ASSIGNMENT_H
#define ABV_DIFF_ASSIGNMENT_H

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace abv::diff {

/// One allowed pairing of row \c row with column \c column, worth
/// \c weight. Edges of weight zero or less are never chosen.
struct AssignmentEdge {
  unsigned row;
  unsigned column;
  double weight;
};

/// The assignment of largest total weight over \p edges: for each row, the
/// column paired with it, or -1. Each column is paired at most once; an
/// edge listed twice counts with its larger weight. Among assignments of
/// equal weight the result is deterministic (it depends on the edges'
/// order only through their weights and indices).
std::vector<int> solveAssignment(unsigned numRows, unsigned numColumns,
                                 llvm::ArrayRef<AssignmentEdge> edges);

} // namespace abv::diff

#endif // ABV_DIFF_ASSIGNMENT_H
