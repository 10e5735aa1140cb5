//go:build unix

package safefile

import "syscall"

const (
	// syscallNonblock keeps CheckOutput's probe of a device from waiting.
	syscallNonblock = syscall.O_NONBLOCK
	syscallENOTDIR  = syscall.ENOTDIR
)
