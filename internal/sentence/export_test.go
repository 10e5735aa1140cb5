package sentence

// Names the external tests need, which import internal/article and so
// cannot be in package sentence.
var (
	SameContent = sameContent
	PunktCases  = punktCases
)

// Version is splitVersion, which TestSplitLock locks.
const Version = splitVersion
