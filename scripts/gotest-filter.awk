# Filters `go test -v` output for logs people read (make test, CI): drops
# the per-subtest chatter (=== RUN/PAUSE/CONT/NAME, passing and skipped
# subtests) and keeps everything else: failures with their output, each
# top-level test's "--- PASS: TestX (12.34s)" wall time, and package lines.
/^=== (RUN|PAUSE|CONT|NAME) / { next }
/^ +--- (PASS|SKIP): / { next }
{ print; fflush() }
