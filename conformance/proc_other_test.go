//go:build !unix

// This file is the fallback for systems without process groups.
package conformance

import "os/exec"

// setProcessGroup keeps exec's default cancellation: kill the process.
func setProcessGroup(cmd *exec.Cmd) {}
