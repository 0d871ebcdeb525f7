// Package fingerprint names a version of a text with a short hash, so that
// a translation can record which version of the base-language text it
// translates (translated: {ru: 3f9a61c2} on a unit). Layout does not
// count: the text is composed (NFC) and its runs of white space folded
// before hashing, so re-wrapping a YAML scalar keeps its fingerprint.
package fingerprint

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Size is the length of a fingerprint in hex digits.
const Size = 8

// Of returns the fingerprint of text as written (its markup included).
func Of(text string) string {
	folded := strings.Join(strings.Fields(norm.NFC.String(text)), " ")
	sum := sha256.Sum256([]byte(folded))
	return hex.EncodeToString(sum[:])[:Size]
}
