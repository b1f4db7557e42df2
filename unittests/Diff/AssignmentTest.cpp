//===- AssignmentTest.cpp - Tests of the optimal assignment solver --------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The Hungarian solver against exhaustive search on small problems
/// (square, rectangular, sparse, with ties and with pairs not worth
/// taking), and its behaviour on degenerate input.
///
//===----------------------------------------------------------------------===//

#include "abv/Diff/Assignment.h"

#include "gtest/gtest.h"

#include <random>
#include <set>

using namespace abv::diff;

namespace {

double totalWeight(const std::vector<int> &assignment,
                   const std::vector<std::vector<double>> &weights) {
  double total = 0;
  for (size_t row = 0; row != assignment.size(); ++row)
    if (assignment[row] >= 0)
      total += weights[row][assignment[row]];
  return total;
}

/// The best total over every partial one-to-one assignment.
double bruteForce(unsigned row, std::vector<bool> &used,
                  const std::vector<std::vector<double>> &weights) {
  if (row == weights.size())
    return 0;
  double best = bruteForce(row + 1, used, weights); // Leave the row unpaired.
  for (size_t column = 0; column != used.size(); ++column) {
    if (used[column] || weights[row][column] <= 0)
      continue;
    used[column] = true;
    best = std::max(best,
                    weights[row][column] + bruteForce(row + 1, used, weights));
    used[column] = false;
  }
  return best;
}

void expectValid(const std::vector<int> &assignment, unsigned numColumns,
                 const std::vector<std::vector<double>> &weights) {
  std::set<int> seen;
  for (size_t row = 0; row != assignment.size(); ++row) {
    int column = assignment[row];
    if (column < 0)
      continue;
    ASSERT_LT(column, int(numColumns));
    EXPECT_TRUE(seen.insert(column).second) << "column paired twice";
    EXPECT_GT(weights[row][column], 0) << "a pair worth nothing was taken";
  }
}

TEST(AssignmentTest, Empty) {
  EXPECT_TRUE(solveAssignment(0, 0, {}).empty());
  EXPECT_EQ(solveAssignment(3, 0, {}), (std::vector<int>{-1, -1, -1}));
  EXPECT_EQ(solveAssignment(2, 5, {}), (std::vector<int>{-1, -1}));
}

TEST(AssignmentTest, GreedyIsNotOptimal) {
  // Greedy takes (0,0) = 10 and then (1,1) = 1; the optimum is 9 + 9.
  std::vector<AssignmentEdge> edges = {
      {0, 0, 10}, {0, 1, 9}, {1, 0, 9}, {1, 1, 1}};
  EXPECT_EQ(solveAssignment(2, 2, edges), (std::vector<int>{1, 0}));
}

TEST(AssignmentTest, PairsNotWorthTakingStayUnpaired) {
  std::vector<AssignmentEdge> edges = {{0, 0, 0.0}, {1, 1, -3}, {2, 0, 0.5}};
  EXPECT_EQ(solveAssignment(3, 2, edges), (std::vector<int>{-1, -1, 0}));
}

TEST(AssignmentTest, RepeatedEdgesKeepTheLargerWeight) {
  std::vector<AssignmentEdge> edges = {{0, 0, 1}, {0, 0, 5}, {1, 0, 3}};
  EXPECT_EQ(solveAssignment(2, 1, edges), (std::vector<int>{0, -1}));
}

TEST(AssignmentTest, OutOfRangeEdgesAreIgnored) {
  std::vector<AssignmentEdge> edges = {{5, 0, 1}, {0, 7, 1}, {0, 0, 2}};
  EXPECT_EQ(solveAssignment(1, 1, edges), (std::vector<int>{0}));
}

TEST(AssignmentTest, LongAugmentingPath) {
  // Each row prefers the column the next row needs: the last pair forces a
  // chain of re-assignments.
  const unsigned n = 50;
  std::vector<AssignmentEdge> edges;
  for (unsigned i = 0; i != n; ++i) {
    edges.push_back({i, i, 1.0});
    if (i + 1 != n)
      edges.push_back({i, i + 1, 1.5});
  }
  std::vector<int> result = solveAssignment(n, n, edges);
  // The optimum: rows 0..n-2 shifted (1.5 each), the last row unpaired
  // (n-1 = 49 pairs, 73.5) beats the identity (50).
  double total = 0;
  for (unsigned i = 0; i != n; ++i)
    if (result[i] >= 0)
      total += result[i] == int(i) ? 1.0 : 1.5;
  EXPECT_DOUBLE_EQ(total, 1.5 * (n - 1));
}

TEST(AssignmentTest, MatchesExhaustiveSearch) {
  std::mt19937 random(20240611);
  std::uniform_int_distribution<unsigned> size(1, 6);
  std::uniform_int_distribution<int> coin(0, 9);
  std::uniform_int_distribution<int> value(-3, 12);
  for (unsigned trial = 0; trial != 3000; ++trial) {
    unsigned numRows = size(random), numColumns = size(random);
    std::vector<std::vector<double>> weights(
        numRows, std::vector<double>(numColumns, 0.0));
    std::vector<AssignmentEdge> edges;
    for (unsigned row = 0; row != numRows; ++row)
      for (unsigned column = 0; column != numColumns; ++column) {
        if (coin(random) < 3)
          continue; // Sparse: not an allowed pair.
        // Small integers make ties frequent.
        double weight = value(random) / 4.0;
        weights[row][column] = weight;
        edges.push_back({row, column, weight});
      }
    std::vector<int> result = solveAssignment(numRows, numColumns, edges);
    ASSERT_EQ(result.size(), numRows);
    expectValid(result, numColumns, weights);
    std::vector<bool> used(numColumns, false);
    EXPECT_NEAR(totalWeight(result, weights), bruteForce(0, used, weights),
                1e-9)
        << "trial " << trial;
  }
}

TEST(AssignmentTest, Deterministic) {
  std::vector<AssignmentEdge> edges = {
      {0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}, {2, 2, 1}};
  std::vector<int> first = solveAssignment(3, 3, edges);
  for (int i = 0; i != 10; ++i)
    EXPECT_EQ(solveAssignment(3, 3, edges), first);
}

} // namespace
