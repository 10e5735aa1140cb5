package tokens

// Exact reports whether Count is exact for model, that is whether model is
// an OpenAI model whose encoding is known; the tests check which models
// those are.
func Exact(model string) bool { return encodingFor(model) != "" }
