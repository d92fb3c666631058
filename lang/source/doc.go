// Package source holds source files, byte-offset positions and located
// diagnostics. Positions are cheap int32 offsets; line and column are
// computed only when a message is rendered.
package source
