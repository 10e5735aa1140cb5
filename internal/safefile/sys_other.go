//go:build !unix

package safefile

import "syscall"

const (
	syscallNonblock = 0
	syscallENOTDIR  = syscall.ENOTDIR
)
