//===- Assignment.cpp - Optimal one-to-one assignment ---------------------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Maximum-weight bipartite matching as a min-cost flow from a source
/// through rows and columns to a sink, solved by successive shortest paths.
/// Edge costs are the negated weights. The first potentials are the
/// shortest distances of the layered graph (0 for rows, the least cost into
/// each column, their minimum for the sink), so every reduced cost starts
/// non-negative and Dijkstra applies. After each search every potential
/// grows by its distance capped at the sink's, which keeps reduced costs
/// non-negative (Dijkstra stops as soon as the sink is settled). Successive
/// shortest path costs never decrease, so the first path that would not add
/// weight ends the solve with a maximum-weight matching.
///
//===----------------------------------------------------------------------===//

#include "abv/Diff/Assignment.h"

#include "llvm/ADT/IntEqClasses.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>

using namespace abv;
using namespace abv::diff;
using namespace llvm;

namespace {
constexpr double Infinity = std::numeric_limits<double>::infinity();
/// Gains smaller than this are rounding noise, not a better assignment.
constexpr double Epsilon = 1e-12;

struct Arc {
  unsigned column;
  double weight;
};
} // namespace

/// Solves one problem whose arcs are prepared (by row, in column order,
/// without repeats).
static std::vector<int> solveArcs(unsigned numRows, unsigned numColumns,
                                  const std::vector<std::vector<Arc>> &arcs) {
  std::vector<int> columnOfRow(numRows, -1);
  // Nodes: rows [0, numRows), columns [numRows, numRows + numColumns), the
  // sink last. The source is implicit: it reaches every unpaired row.
  const unsigned sink = numRows + numColumns;
  const unsigned numNodes = sink + 1;
  std::vector<double> potential(numNodes, 0.0);
  for (unsigned row = 0; row != numRows; ++row)
    for (const Arc &arc : arcs[row])
      potential[numRows + arc.column] =
          std::min(potential[numRows + arc.column], -arc.weight);
  for (unsigned column = 0; column != numColumns; ++column)
    potential[sink] = std::min(potential[sink], potential[numRows + column]);

  std::vector<int> rowOfColumn(numColumns, -1);
  std::vector<double> weightOfRow(numRows, 0.0);
  std::vector<double> dist(numNodes);
  std::vector<int> prev(numNodes);
  std::vector<char> done(numNodes);
  using Entry = std::pair<double, unsigned>;

  for (unsigned step = 0, steps = std::min(numRows, numColumns); step != steps;
       ++step) {
    std::fill(dist.begin(), dist.end(), Infinity);
    std::fill(prev.begin(), prev.end(), -1);
    std::fill(done.begin(), done.end(), 0);
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    auto relax = [&](unsigned node, double d, int from) {
      if (d < dist[node]) {
        dist[node] = d;
        prev[node] = from;
        queue.emplace(d, node);
      }
    };
    // The source's potential stays 0: its edges to unpaired rows cost 0.
    for (unsigned row = 0; row != numRows; ++row)
      if (columnOfRow[row] < 0)
        relax(row, std::max(0.0, -potential[row]), -1);
    while (!queue.empty()) {
      auto [d, node] = queue.top();
      queue.pop();
      if (done[node] || d > dist[node])
        continue;
      done[node] = 1;
      if (node == sink)
        break;
      if (node < numRows) {
        for (const Arc &arc : arcs[node]) {
          if (columnOfRow[node] == int(arc.column))
            continue;
          unsigned to = numRows + arc.column;
          double reduced = -arc.weight + potential[node] - potential[to];
          relax(to, d + std::max(0.0, reduced), node);
        }
        continue;
      }
      unsigned column = node - numRows;
      if (rowOfColumn[column] < 0) {
        relax(sink, d + std::max(0.0, potential[node] - potential[sink]), node);
      } else {
        unsigned row = rowOfColumn[column];
        double reduced = weightOfRow[row] + potential[node] - potential[row];
        relax(row, d + std::max(0.0, reduced), node);
      }
    }
    if (dist[sink] == Infinity)
      break;
    // The path's real cost; a path that does not lower the cost (add
    // weight) ends the solve.
    if (dist[sink] + potential[sink] >= -Epsilon)
      break;
    double cap = dist[sink];
    for (unsigned node = 0; node != numNodes; ++node)
      potential[node] += std::min(dist[node], cap);
    // Augment along the path: it alternates row -> column (a new pair) and
    // column -> row (a pair given up).
    unsigned node = prev[sink];
    while (true) {
      unsigned column = node - numRows;
      unsigned row = prev[node];
      double weight = 0;
      for (const Arc &arc : arcs[row])
        if (arc.column == column)
          weight = arc.weight;
      int previousColumn = columnOfRow[row];
      columnOfRow[row] = column;
      weightOfRow[row] = weight;
      rowOfColumn[column] = row;
      if (prev[row] < 0)
        break;
      node = prev[row];
      assert(int(node - numRows) == previousColumn && "path must alternate");
      (void)previousColumn;
    }
  }
  return columnOfRow;
}

std::vector<int> abv::diff::solveAssignment(unsigned numRows,
                                            unsigned numColumns,
                                            ArrayRef<AssignmentEdge> edges) {
  std::vector<int> columnOfRow(numRows, -1);
  if (numRows == 0 || numColumns == 0)
    return columnOfRow;

  // Adjacency by row, in column order, keeping the best of repeated edges.
  std::vector<std::vector<Arc>> arcs(numRows);
  for (const AssignmentEdge &edge : edges)
    if (edge.row < numRows && edge.column < numColumns && edge.weight > 0)
      arcs[edge.row].push_back({edge.column, edge.weight});
  for (std::vector<Arc> &list : arcs) {
    llvm::sort(list, [](const Arc &a, const Arc &b) {
      return a.column != b.column ? a.column < b.column : a.weight > b.weight;
    });
    list.erase(std::unique(list.begin(), list.end(),
                           [](const Arc &a, const Arc &b) {
                             return a.column == b.column;
                           }),
               list.end());
  }

  // Rows and columns that no edge connects are independent problems: solve
  // each connected component on its own (a diff's edges form many small
  // ones), so that no step pays for the whole problem.
  IntEqClasses components(numRows + numColumns);
  for (unsigned row = 0; row != numRows; ++row)
    for (const Arc &arc : arcs[row])
      components.join(row, numRows + arc.column);
  components.compress();
  unsigned numComponents = components.getNumClasses();
  std::vector<std::vector<unsigned>> rowsOf(numComponents),
      columnsOf(numComponents);
  for (unsigned row = 0; row != numRows; ++row)
    if (!arcs[row].empty())
      rowsOf[components[row]].push_back(row);
  for (unsigned column = 0; column != numColumns; ++column)
    columnsOf[components[numRows + column]].push_back(column);
  std::vector<unsigned> localColumn(numColumns);
  for (unsigned id = 0; id != numComponents; ++id) {
    const std::vector<unsigned> &rows = rowsOf[id];
    const std::vector<unsigned> &columns = columnsOf[id];
    if (rows.empty())
      continue;
    for (unsigned i = 0, e = columns.size(); i != e; ++i)
      localColumn[columns[i]] = i;
    std::vector<std::vector<Arc>> local(rows.size());
    for (unsigned i = 0, e = rows.size(); i != e; ++i)
      for (const Arc &arc : arcs[rows[i]])
        local[i].push_back({localColumn[arc.column], arc.weight});
    std::vector<int> result = solveArcs(rows.size(), columns.size(), local);
    for (unsigned i = 0, e = rows.size(); i != e; ++i)
      if (result[i] >= 0)
        columnOfRow[rows[i]] = columns[result[i]];
  }
  return columnOfRow;
}
