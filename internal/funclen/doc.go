// Package funclen holds a test, and nothing else, that keeps every
// non-test function in the module to at most 80 lines, so each reads on
// one screen. Functions over the limit when the rule came in are listed
// with their length at the time; they may shrink but not grow, and no
// new function may join them.
//
// Its test imports the standard library and internal/golden (for the
// -update flag every test package accepts); nothing imports it.
package funclen
