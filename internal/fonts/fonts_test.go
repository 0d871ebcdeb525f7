package fonts

import (
	"os"
	"strings"
	"testing"
)

func TestEmbeddedFaces(t *testing.T) {
	tests := []struct {
		style     Style
		full      string
		subfamily string
	}{
		{Regular, "Liberation Serif", "Regular"},
		{Bold, "Liberation Serif Bold", "Bold"},
		{Italic, "Liberation Serif Italic", "Italic"},
		{BoldItalic, "Liberation Serif Bold Italic", "Bold Italic"},
	}
	for _, tt := range tests {
		t.Run(tt.style.String(), func(t *testing.T) {
			f, err := Load(tt.style)
			if err != nil {
				t.Fatal(err)
			}
			if f.Family() != Family || f.FullName() != tt.full || f.Subfamily() != tt.subfamily {
				t.Errorf("names = %q, %q, %q; want %q, %q, %q", f.Family(), f.FullName(), f.Subfamily(), Family, tt.full, tt.subfamily)
			}
			if f.Glyphs() < 2600 {
				t.Errorf("Glyphs() = %d, want at least 2600", f.Glyphs())
			}
		})
	}
}

// The alphabets of the drafting languages, both cases, and the punctuation
// of the example MoU.
const (
	russianLetters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
	kazakhLetters  = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
	punctuation    = "“”‘’–—…№«»§"
)

func TestCoverage(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		missing string
	}{
		{"ascii", " !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~", ""},
		{"russian", russianLetters, ""},
		{"kazakh", kazakhLetters, ""},
		{"punctuation", punctuation + "\u00a0", ""},
		{"snowman and friends", "a☃b😀c☃", "☃😀"},
		{"controls are not printed", "a\tb\nc\r", ""},
		{"other controls are", "a\u0007b", "\u0007"},
	}
	for _, s := range Styles() {
		f, err := Load(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			t.Run(s.String()+"/"+tt.name, func(t *testing.T) {
				if got := string(f.Missing(tt.text)); got != tt.missing {
					t.Errorf("Missing(%q) = %q, want %q", tt.text, got, tt.missing)
				}
			})
		}
	}
}

func TestHasMatchesMissing(t *testing.T) {
	f, err := Load(Regular)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []rune{'A', 'ё', 'Ә', 'і', 0x20AC} {
		if !f.Has(r) {
			t.Errorf("Has(%U) = false", r)
		}
	}
	for _, r := range []rune{0, 0x2603, 0x1F600, 0x4E00, -1, 0x110000} {
		if f.Has(r) {
			t.Errorf("Has(%U) = true", r)
		}
	}
}

func TestLicence(t *testing.T) {
	lic := Licence()
	for _, want := range []string{
		"SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007",
		"Copyright (c) 2012 Red Hat, Inc.",
		"Reserved Font Name Liberation",
		"Digitized data copyright (c) 2010 Google Corporation",
	} {
		if !strings.Contains(lic, want) {
			t.Errorf("licence lacks %q", want)
		}
	}
	top, err := os.ReadFile("../../" + LicenceFile)
	if err != nil {
		t.Fatal(err)
	}
	if string(top) != lic {
		t.Errorf("../../%s differs from the embedded copy", LicenceFile)
	}
}

func TestTTFIsACopy(t *testing.T) {
	a, err := TTF(Regular)
	if err != nil {
		t.Fatal(err)
	}
	a[0] = 0xFF
	b, err := TTF(Regular)
	if err != nil {
		t.Fatal(err)
	}
	if b[0] == 0xFF {
		t.Error("TTF returned shared data")
	}
	if _, err := TTF(Style(9)); err == nil || err.Error() != "fonts: no face Style(9)" {
		t.Errorf("TTF(Style(9)) error = %v", err)
	}
}
