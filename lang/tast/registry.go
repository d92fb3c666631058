// This file implements the Registry mapping integer ids to trees.
package tast

import "sync"

// Registry maps ids to trees. It is safe for concurrent use: several files
// may be parsed while the runtime looks trees up.
type Registry struct {
	mu    sync.RWMutex
	trees []*Tree // trees[i].ID == i+1
}

// NewRegistry returns an empty registry. Ids start at 1 so 0 never names a tree.
func NewRegistry() *Registry { return &Registry{} }

// Add stores t, sets t.ID and returns it.
func (r *Registry) Add(t *Tree) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.trees = append(r.trees, t)
	t.ID = len(r.trees)
	return t.ID
}

// Get returns the tree with the given id, or nil.
func (r *Registry) Get(id int) *Tree {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if id < 1 || id > len(r.trees) {
		return nil
	}
	return r.trees[id-1]
}

// Len returns the number of stored trees.
func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.trees)
}
