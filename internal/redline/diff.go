package redline

// OpKind says whether a piece of text was kept, deleted or inserted.
type OpKind int

// The kinds of Op.
const (
	Equal OpKind = iota
	Delete
	Insert
)

// maxCells bounds the memory of one word alignment (about 32 MB).
const maxCells = 4 << 20

// Op is a run of tokens of one kind.
type Op struct {
	Kind   OpKind
	Tokens []Token
}

// Words diffs two token lists at word granularity: a longest common
// subsequence of keys, with deletions placed before insertions in each
// changed stretch. Equal runs show the new tokens (a renumbered reference
// shows its new number).
func Words(old, new []Token) []Op {
	// Trim the common prefix and suffix first: most edits are small.
	pre := 0
	for pre < len(old) && pre < len(new) && old[pre].Key == new[pre].Key {
		pre++
	}
	suf := 0
	for suf < len(old)-pre && suf < len(new)-pre && old[len(old)-1-suf].Key == new[len(new)-1-suf].Key {
		suf++
	}
	a, b := old[pre:len(old)-suf], new[pre:len(new)-suf]
	var ops []Op
	add := func(kind OpKind, t Token) {
		if n := len(ops); n > 0 && ops[n-1].Kind == kind {
			ops[n-1].Tokens = append(ops[n-1].Tokens, t)
			return
		}
		ops = append(ops, Op{Kind: kind, Tokens: []Token{t}})
	}
	for _, t := range new[:pre] {
		add(Equal, t)
	}
	if len(a)*len(b) > maxCells {
		// Too large to align word by word: show it replaced whole.
		for _, t := range a {
			add(Delete, t)
		}
		for _, t := range b {
			add(Insert, t)
		}
		for _, t := range new[len(new)-suf:] {
			add(Equal, t)
		}
		return ops
	}
	// table[i][j] = LCS length of a[i:] and b[j:].
	table := make([][]int, len(a)+1)
	for i := range table {
		table[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i].Key == b[j].Key {
				table[i][j] = table[i+1][j+1] + 1
			} else {
				table[i][j] = max(table[i+1][j], table[i][j+1])
			}
		}
	}
	var dels, inss []Token
	flush := func() {
		for _, t := range dels {
			add(Delete, t)
		}
		for _, t := range inss {
			add(Insert, t)
		}
		dels, inss = nil, nil
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i].Key == b[j].Key:
			flush()
			add(Equal, b[j])
			i++
			j++
		case j == len(b) || i < len(a) && table[i+1][j] >= table[i][j+1]:
			dels = append(dels, a[i])
			i++
		default:
			inss = append(inss, b[j])
			j++
		}
	}
	flush()
	for _, t := range new[len(new)-suf:] {
		add(Equal, t)
	}
	return ops
}

// HasChanges reports whether ops hold any deletion or insertion.
func HasChanges(ops []Op) bool {
	for _, op := range ops {
		if op.Kind != Equal {
			return true
		}
	}
	return false
}
