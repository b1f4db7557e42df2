//===- DigraphTest.cpp - Tests of the graph behind the cycle checks -------===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//

#include "abv/Analysis/Digraph.h"

#include "gtest/gtest.h"

using namespace abv;
using namespace llvm;

namespace {

using Graph = Digraph<int>;

TEST(DigraphTest, CyclicComponentsAndShortestCycles) {
  // 0 -> 1 -> 2 -> 0 and 2 -> 3 -> 2 (one component {0, 1, 2, 3});
  // 4 -> 4 (a self-loop); 5 -> 6 (no cycle); 7 alone.
  Graph graph(8);
  graph.addEdge(0, 1, 10);
  graph.addEdge(1, 2, 12);
  graph.addEdge(2, 0, 20);
  graph.addEdge(2, 3, 23);
  graph.addEdge(3, 2, 32);
  graph.addEdge(4, 4, 44);
  graph.addEdge(5, 6, 56);
  auto components = graph.getCyclicComponents();
  ASSERT_EQ(components.size(), 2u);
  EXPECT_EQ(std::vector<unsigned>(components[0].begin(), components[0].end()),
            (std::vector<unsigned>{0, 1, 2, 3}));
  EXPECT_EQ(std::vector<unsigned>(components[1].begin(), components[1].end()),
            (std::vector<unsigned>{4}));

  auto cycle = graph.getShortestCycle(0, components[0]);
  std::vector<int> data;
  for (const Graph::Edge *edge : cycle)
    data.push_back(edge->data);
  EXPECT_EQ(data, (std::vector<int>{10, 12, 20}));
  // From 3, the two-step cycle, not the long way round.
  data.clear();
  for (const Graph::Edge *edge : graph.getShortestCycle(3, components[0]))
    data.push_back(edge->data);
  EXPECT_EQ(data, (std::vector<int>{32, 23}));
  auto self = graph.getShortestCycle(4, components[1]);
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(self[0]->data, 44);
}

TEST(DigraphTest, LongChainsAndManySmallCyclesStayLinear) {
  // 100,000 nodes: a chain (deep for a recursive search) closed into one
  // cycle, beside 50,000 two-node cycles (each answered in constant time).
  constexpr unsigned chain = 100000, pairs = 50000;
  Graph graph(chain + 2 * pairs);
  for (unsigned i = 0; i != chain; ++i)
    graph.addEdge(i, (i + 1) % chain, 0);
  for (unsigned i = 0; i != pairs; ++i) {
    unsigned a = chain + 2 * i, b = a + 1;
    graph.addEdge(a, b, 1);
    graph.addEdge(b, a, 2);
  }
  auto components = graph.getCyclicComponents();
  ASSERT_EQ(components.size(), 1u + pairs);
  EXPECT_EQ(components[0].size(), chain);
  EXPECT_EQ(graph.getShortestCycle(0, components[0]).size(), chain);
  size_t total = 0;
  for (size_t i = 1; i != components.size(); ++i)
    total +=
        graph.getShortestCycle(components[i].front(), components[i]).size();
  EXPECT_EQ(total, 2u * pairs);
}

} // namespace
