//go:build !linux

package phase

import "time"

// threadCPU is not measured here: CPU totals stay zero.
func threadCPU() time.Duration { return 0 }
