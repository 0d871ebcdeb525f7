package lazyre

import "testing"

func TestNewCompilesOnceOnFirstUse(t *testing.T) {
	re := New(`^(\d+)-(\w+)$`)
	if m := re().FindStringSubmatch("12-ab"); len(m) != 3 || m[1] != "12" || m[2] != "ab" {
		t.Fatalf("FindStringSubmatch = %q", m)
	}
	if re() != re() {
		t.Error("each call compiled the expression again")
	}
}

func TestNewPanicsOnFirstUseOfAnInvalidExpression(t *testing.T) {
	re := New(`(`) // declaring it does not compile it
	defer func() {
		if recover() == nil {
			t.Error("an invalid expression did not panic on first use")
		}
	}()
	re()
}
