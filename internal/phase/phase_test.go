package phase

import (
	"runtime"
	"testing"
	"time"
)

// TestNestedStagesAreExclusive checks that a nested stage's time is not
// also counted in the stage it interrupted.
func TestNestedStagesAreExclusive(t *testing.T) {
	Enabled = true
	defer func() { Enabled = false }()
	before, beforeCount := Totals()
	Enter(Check)
	time.Sleep(10 * time.Millisecond)
	Enter(Lower)
	time.Sleep(100 * time.Millisecond)
	Leave()
	Leave()
	after, afterCount := Totals()
	check, lower := after[Check]-before[Check], after[Lower]-before[Lower]
	if lower < 100*time.Millisecond {
		t.Errorf("lower got %v, want at least the 100ms spent in it", lower)
	}
	// Check's own 10ms, without lower's 100ms.
	if check < 10*time.Millisecond || check >= 100*time.Millisecond {
		t.Errorf("check got %v, want its own 10ms and not lower's 100ms", check)
	}
	if afterCount[Check]-beforeCount[Check] != 1 || afterCount[Lower]-beforeCount[Lower] != 1 {
		t.Errorf("counts: check %d lower %d, want 1 each", afterCount[Check]-beforeCount[Check], afterCount[Lower]-beforeCount[Lower])
	}
}

// TestDisabledRecordsNothing checks that the calls cost nothing when off.
func TestDisabledRecordsNothing(t *testing.T) {
	Enabled = false
	before, _ := Totals()
	Enter(Parse)
	time.Sleep(5 * time.Millisecond)
	Leave()
	after, _ := Totals()
	if after != before {
		t.Errorf("totals changed while disabled: %v -> %v", before, after)
	}
}

// TestCPUTimeIsThreadCPU checks that a stage's CPU time counts work done
// in it and not time spent waiting.
func TestCPUTimeIsThreadCPU(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	Enabled = true
	defer func() { Enabled = false }()
	before := CPUTotals()
	Enter(Specialize)
	for t0 := time.Now(); time.Since(t0) < 30*time.Millisecond; {
	}
	Enter(Parse)
	time.Sleep(60 * time.Millisecond)
	Leave()
	Leave()
	after := CPUTotals()
	// Other processes may take the core while this one spins, so the spin
	// is only bounded by its wall time and compared with the sleep.
	spin, sleep := after[Specialize]-before[Specialize], after[Parse]-before[Parse]
	if spin < 2*time.Millisecond || spin > 50*time.Millisecond {
		t.Errorf("specialize (30ms spinning) got %v of CPU", spin)
	}
	if sleep > 5*time.Millisecond || sleep*4 > spin {
		t.Errorf("parse (60ms asleep) got %v of CPU against %v spinning, want almost none", sleep, spin)
	}
}
