package lower

import (
	"fmt"
	"strings"
)

// Parallel is a parallel edition: one copy of a document lowered in two or
// three languages and aligned block by block, so that a writer can set the
// languages side by side in columns, one row per block (4.1 facing 4.1).
type Parallel struct {
	ID       string
	Langs    []string      // the columns, in the order of the document's languages
	Editions []*Instrument // one per column
	Rows     []Row
	Final    bool
	Copy     Copy
	// Marking is the markings of the editions joined: "DRAFT / ПРОЕКТ".
	Marking string
}

// Row is one block in every language: Cells[i] is the block of
// Editions[i] with Address, nil when that edition lacks it.
type Row struct {
	Address string
	Cells   []Block
}

// Name is the parallel edition's part of an output name: "agr.en-ru".
func (p *Parallel) Name() string { return p.ID + "." + strings.Join(p.Langs, "-") }

// Align makes the parallel edition of editions of one document and copy,
// in the order given: a row per block of the first edition, in its order,
// then any block that only later editions have, each matched by address.
func Align(editions []*Instrument) (*Parallel, error) {
	if len(editions) < 2 {
		return nil, fmt.Errorf("lower: a parallel edition needs two languages or more, have %d", len(editions))
	}
	first := editions[0]
	p := &Parallel{ID: first.ID, Editions: editions, Final: first.Final, Copy: first.Copy}
	var markings []string
	index := make([]map[string]Block, len(editions))
	for i, in := range editions {
		if in.ID != first.ID || in.Copy != first.Copy {
			return nil, fmt.Errorf("lower: %s%s and %s%s are not editions of one copy", first.ID, first.Copy.Suffix(), in.ID, in.Copy.Suffix())
		}
		p.Langs = append(p.Langs, in.Lang)
		if in.Marking != "" {
			markings = append(markings, in.Marking)
		}
		index[i] = map[string]Block{}
		for _, b := range in.Blocks {
			index[i][b.Address()] = b
		}
	}
	p.Marking = strings.Join(markings, " / ")
	seen := map[string]bool{}
	for _, in := range editions {
		for _, b := range in.Blocks {
			addr := b.Address()
			if seen[addr] {
				continue
			}
			seen[addr] = true
			row := Row{Address: addr, Cells: make([]Block, len(editions))}
			for i := range editions {
				row.Cells[i] = index[i][addr]
			}
			p.Rows = append(p.Rows, row)
		}
	}
	return p, nil
}
