// This file implements counters that let tests and tools see how much
// compiling the engine has done.
package engine

// Batches returns how many modules the engine has handed to the JIT.
func (e *Engine) Batches() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.batch
}
