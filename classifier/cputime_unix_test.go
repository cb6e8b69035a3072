//go:build unix

package classifier

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user + system) the test process has used,
// all threads included; benchmarks divide work by it to report throughput
// per core that other processes on a shared machine do not distort.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
