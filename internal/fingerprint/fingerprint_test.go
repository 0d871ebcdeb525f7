package fingerprint

import "testing"

func TestOf(t *testing.T) {
	a := Of("This Agreement is concluded for a period of five (5) years.")
	if len(a) != Size {
		t.Fatalf("Of gave %q, want %d hex digits", a, Size)
	}
	same := []string{
		"This Agreement is concluded for a period of five (5) years.",
		"This Agreement  is concluded\nfor a period of five (5) years. ",
	}
	for _, s := range same {
		if got := Of(s); got != a {
			t.Errorf("Of(%q) = %s, want %s (layout does not count)", s, got, a)
		}
	}
	if Of("This Agreement is concluded for a period of six (6) years.") == a {
		t.Error("a changed word kept the fingerprint")
	}
	// NFD й and NFC й are the same text.
	if Of("й") != Of("й") {
		t.Error("composition changed the fingerprint")
	}
}
