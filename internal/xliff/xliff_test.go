package xliff

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func sample() *Doc {
	return &Doc{Files: []File{{
		Original: "agr", SourceLanguage: "en", TargetLanguage: "ru",
		Units: []Unit{
			{
				ID: "term.duration", Extradata: "3f9a61c2",
				Source:    Segment{Text("Within sixty (60) days of "), &Code{ID: "1", CType: "x-chancery-ref", Content: "{ref:final.entry}"}, Text(" & "), &Code{Pair: true, ID: "2", CType: "italic", Children: Segment{Text("<Parties>")}}},
				Target:    Segment{Text("В течение шестидесяти (60) дней "), &Code{ID: "1", CType: "x-chancery-ref", Content: "{ref:final.entry|gen}"}, Text(" и "), &Code{Pair: true, ID: "2", CType: "italic", Children: Segment{Text("«Стороны»")}}},
				HasTarget: true, State: "translated", Approved: "yes",
			},
			{ID: "title.1", Source: Segment{Text("AGREEMENT")}, Notes: []string{"a \"note\""}},
		},
	}}}
}

// TestRoundTrip writes a document and reads it back unchanged, positions
// aside.
func TestRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sample()); err != nil {
		t.Fatal(err)
	}
	got, err := Read(b.Bytes())
	if err != nil {
		t.Fatalf("Read: %v\n%s", err, b.String())
	}
	for i := range got.Files[0].Units {
		u := &got.Files[0].Units[i]
		u.Pos, u.TargetPos = Pos{}, Pos{}
		for _, c := range append(u.Source.Codes(), u.Target.Codes()...) {
			c.Pos = Pos{}
		}
	}
	if !reflect.DeepEqual(got, sample()) {
		t.Errorf("read back:\n%#v\nwant:\n%#v\nfile:\n%s", got, sample(), b.String())
	}
	var again bytes.Buffer
	if err := Write(&again, got); err != nil || again.String() != b.String() {
		t.Errorf("writing what was read gives other bytes (%v)", err)
	}
}

// TestPositions gives units, targets and codes their line and column.
func TestPositions(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sample()); err != nil {
		t.Fatal(err)
	}
	doc, err := Read(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	u := doc.Files[0].Units[0]
	at := func(p Pos, prefix string) {
		t.Helper()
		line := []rune(lines[p.Line-1])
		if !strings.HasPrefix(string(line[p.Col-1:]), prefix) {
			t.Errorf("%d:%d is at %q, want %q", p.Line, p.Col, string(line[p.Col-1:]), prefix)
		}
	}
	at(u.Pos, `<trans-unit id="term.duration"`)
	at(u.TargetPos, `<target state="translated">`)
	at(u.Target.Codes()[0].Pos, `<ph id="1"`)
	at(u.Target.Codes()[1].Pos, `<g id="2"`)
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"not xml", "hello", "1:1: not an XLIFF file: no <xliff> element"},
		{"other root", `<?xml version="1.0"?>` + "\n<html/>", "2:1: the root element is <html>, not <xliff>"},
		{"version 2", `<xliff version="2.0"/>`, `1:1: XLIFF version "2.0": chancery reads XLIFF 1.2`},
		{"unclosed", "<xliff version=\"1.2\">\n<file original=\"a\"><body>\n<trans-unit id=\"x\"><source>a</sourc>", "3:"},
		{"unit without id", "<xliff version=\"1.2\"><file><body>\n  <trans-unit><source>a</source></trans-unit></body></file></xliff>", "2:3: <trans-unit> without an id"},
		{"sub", "<xliff version=\"1.2\"><file><body><trans-unit id=\"a\"><source>a<ph id=\"1\">x<sub>y</sub></ph></source></trans-unit></body></file></xliff>", "1:74: <sub> is not supported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read([]byte(tt.data))
			var se *SyntaxError
			if !errors.As(err, &se) || !strings.HasPrefix(se.Error(), tt.want) {
				t.Errorf("Read = %v, want %q", err, tt.want)
			}
		})
	}
}
