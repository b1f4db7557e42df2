//===- Digraph.h - A directed graph for the ADT graph algorithms -*- C++
//-*-===//
//
// Part of ABV.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A directed graph over the nodes 0..n-1 with a payload on every edge (the
/// relation field, the `$ref` that makes the edge), specialized for
/// llvm::GraphTraits so that llvm::scc_iterator and the rest of LLVM's graph
/// algorithms run on it. The DB relation graph (required foreign keys,
/// DB040) and the API type graph (required references, API002) are built as
/// Digraphs; both report each cyclic component once, by its shortest cycle.
///
/// scc_iterator visits only what its entry node reaches, so the graph has a
/// hidden entry node with an edge to every node; it forms a component of its
/// own and is never reported.
///
//===----------------------------------------------------------------------===//

#ifndef ABV_ANALYSIS_DIGRAPH_H
#define ABV_ANALYSIS_DIGRAPH_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/GraphTraits.h"
#include "llvm/ADT/SCCIterator.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/iterator.h"

#include <algorithm>
#include <deque>
#include <memory>
#include <vector>

namespace abv {

template <typename EdgeData> class Digraph {
public:
  struct Node;
  struct Edge {
    Node *target;
    EdgeData data;
  };
  struct Node {
    /// The node's index; ~0U for the hidden entry node.
    unsigned index;
    llvm::SmallVector<Edge, 2> edges;
  };

  explicit Digraph(unsigned size) : nodes(size + 1) {
    for (unsigned i = 0; i != size; ++i)
      nodes[i + 1].index = i;
    nodes.front().index = ~0U;
  }

  unsigned size() const { return nodes.size() - 1; }
  Node *getEntry() { return &nodes.front(); }
  Node &getNode(unsigned index) { return nodes[index + 1]; }
  const Node &getNode(unsigned index) const { return nodes[index + 1]; }

  void addEdge(unsigned from, unsigned to, EdgeData data) {
    getNode(from).edges.push_back({&getNode(to), std::move(data)});
  }

  /// The components that hold a cycle (two or more nodes, or one with an
  /// edge to itself), each as its node indices in ascending order; the
  /// components in order of their smallest index.
  std::vector<llvm::SmallVector<unsigned, 4>> getCyclicComponents() {
    finishEntry();
    std::vector<llvm::SmallVector<unsigned, 4>> result;
    for (auto it = llvm::scc_begin(this); !it.isAtEnd(); ++it) {
      const std::vector<Node *> &scc = *it;
      if (scc.size() == 1 &&
          (scc.front()->index == ~0U ||
           !llvm::any_of(scc.front()->edges, [&](const Edge &edge) {
             return edge.target == scc.front();
           })))
        continue;
      llvm::SmallVector<unsigned, 4> members;
      for (Node *node : scc)
        members.push_back(node->index);
      llvm::sort(members);
      result.push_back(std::move(members));
    }
    llvm::sort(result, [](const auto &a, const auto &b) {
      return a.front() < b.front();
    });
    return result;
  }

  /// The edges of a shortest cycle from \p start back to it that stays
  /// inside \p component (sorted node indices), in order; empty if none.
  llvm::SmallVector<const Edge *, 8>
  getShortestCycle(unsigned start, llvm::ArrayRef<unsigned> component) const {
    auto inComponent = [&](unsigned index) {
      return std::binary_search(component.begin(), component.end(), index);
    };
    // Breadth-first from start; via[n] is the edge that first reached n and
    // the node it left from. Sized by the component, not the graph: a graph
    // of many small cycles costs linear time in all.
    llvm::DenseMap<unsigned, std::pair<const Edge *, unsigned>> via;
    std::deque<unsigned> queue{start};
    const Edge *closing = nullptr;
    unsigned closingFrom = ~0U;
    while (!queue.empty() && !closing) {
      unsigned node = queue.front();
      queue.pop_front();
      for (const Edge &edge : getNode(node).edges) {
        unsigned next = edge.target->index;
        if (!inComponent(next))
          continue;
        if (next == start) {
          closing = &edge;
          closingFrom = node;
          break;
        }
        if (!via.try_emplace(next, &edge, node).second)
          continue;
        queue.push_back(next);
      }
    }
    llvm::SmallVector<const Edge *, 8> cycle;
    if (!closing)
      return cycle;
    cycle.push_back(closing);
    for (unsigned node = closingFrom; node != start;) {
      auto [edge, previous] = via.lookup(node);
      cycle.push_back(edge);
      node = previous;
    }
    std::reverse(cycle.begin(), cycle.end());
    return cycle;
  }

private:
  /// Points the hidden entry node at every node (once).
  void finishEntry() {
    Node &entry = nodes.front();
    if (!entry.edges.empty() || size() == 0)
      return;
    for (unsigned i = 0, e = size(); i != e; ++i)
      entry.edges.push_back({&getNode(i), EdgeData()});
  }

  std::vector<Node> nodes;
};

} // namespace abv

namespace llvm {
template <typename EdgeData> struct GraphTraits<abv::Digraph<EdgeData> *> {
  using NodeRef = typename abv::Digraph<EdgeData>::Node *;
  using EdgeT = typename abv::Digraph<EdgeData>::Edge;
  static NodeRef getTarget(const EdgeT &edge) { return edge.target; }
  using ChildIteratorType =
      llvm::mapped_iterator<typename llvm::SmallVector<EdgeT, 2>::iterator,
                            NodeRef (*)(const EdgeT &)>;

  static NodeRef getEntryNode(abv::Digraph<EdgeData> *graph) {
    return graph->getEntry();
  }
  static ChildIteratorType child_begin(NodeRef node) {
    return ChildIteratorType(node->edges.begin(), &getTarget);
  }
  static ChildIteratorType child_end(NodeRef node) {
    return ChildIteratorType(node->edges.end(), &getTarget);
  }
};
} // namespace llvm

#endif // ABV_ANALYSIS_DIGRAPH_H
