// Package unotest edits a .docx in LibreOffice for tests, as an officer
// would: it starts soffice headless in a private profile, listening on a
// pipe, and drives it through UNO with Debian's python3-uno (run from
// /usr/bin/python3): pressing Enter at the start of a section or at the
// end of its heading, typing a new section heading (before the next one,
// or from the end of the section), accepting or rejecting every tracked
// change, updating the fields, saving as .docx and PDF, and reading every
// paragraph back as LibreOffice shows it (list label and text), before
// saving and after opening the saved file again (Edit), or without saving,
// several files in one LibreOffice (Read).
package unotest

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chancery-dev/chancery/internal/clienttest"
)

//go:embed edit.py
var script string // the UNO driver (a constant: embedded, never assigned)

// Op is one thing the officer does, in order.
type Op struct {
	Kind string `json:"kind"`
	// Section is the 1-based number of the section the operation is at,
	// counting paragraphs in Style.
	Section int    `json:"section,omitempty"`
	Style   string `json:"style,omitempty"` // the UI name of the heading style: "Heading 1"
	Text    string `json:"text,omitempty"`  // what is typed; "\t" is the Tab key
}

// InsertFirst presses Enter at the start of the first paragraph of
// section n (headings in style; the first paragraph shown) and types text
// into the new paragraph.
func InsertFirst(style string, n int, text string) Op {
	return Op{Kind: "insert-first", Style: style, Section: n, Text: text}
}

// HeadingAfter types a new heading after section n: Enter at the start
// of the heading of section n+1, and text typed into the new heading
// paragraph above it. (Enter at the end of the section's last paragraph
// and the heading style applied gives a number one level too deep in
// LibreOffice, which keeps the paragraph's list level when its style
// changes; Word takes the level from the style.)
func HeadingAfter(style string, n int, text string) Op {
	return Op{Kind: "heading-after", Style: style, Section: n, Text: text}
}

// AfterHeading presses Enter at the end of section n's heading, as the
// keyboard does (the new paragraph takes the heading's next style), and
// types text.
func AfterHeading(style string, n int, text string) Op {
	return Op{Kind: "after-heading", Style: style, Section: n, Text: text}
}

// HeadingFromEnd types a new heading after section n the way Word users
// usually do: Enter at the end of the section's last paragraph shown, the
// heading style applied and the paragraph put on the heading's list level
// (Word takes the level from the style; LibreOffice keeps the paragraph's
// and the officer promotes it), and text typed.
func HeadingFromEnd(style string, n int, text string) Op {
	return Op{Kind: "heading-from-end", Style: style, Section: n, Text: text}
}

// AcceptAll accepts every tracked change (Edit > Track Changes > Accept All).
func AcceptAll() Op { return Op{Kind: "accept-all"} }

// RejectAll rejects every tracked change.
func RejectAll() Op { return Op{Kind: "reject-all"} }

// Para is a paragraph as LibreOffice shows it.
type Para struct {
	Label string `json:"label"` // the list label LibreOffice computed: "4.1", "ii."
	Style string `json:"style"`
	Text  string `json:"text"`
	// Hidden marks a paragraph nobody sees: no text, its mark hidden.
	Hidden bool `json:"hidden"`
}

// Shown is how a line of the paragraph reads: label and text.
func (p Para) Shown() string {
	if p.Label == "" {
		return p.Text
	}
	return p.Label + " " + p.Text
}

// Result is the edited document as LibreOffice shows it, after the fields
// were updated (Edited) and after the saved .docx was opened again
// (Reloaded), and the paths of the saved .docx and PDF.
type Result struct {
	Edited   []Para `json:"edited"`
	Reloaded []Para `json:"reloaded"`
	DOCX     string `json:"-"`
	PDF      string `json:"-"`
}

// Edit opens docx in LibreOffice, does ops, updates the fields, saves and
// reads back. It skips the test when LibreOffice or python3-uno is missing
// (fails under CI=true).
func Edit(t testing.TB, docx []byte, ops ...Op) Result {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.docx")
	if err := os.WriteFile(in, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	stdout := drive(t, dir, in, out, opsJSON(t, ops))
	var r Result
	if err := json.Unmarshal(stdout, &r); err != nil {
		t.Fatalf("UNO driver output: %v\n%s", err, stdout)
	}
	r.DOCX, r.PDF = out+".docx", out+".pdf"
	return r
}

// Job is a file for Read and what the officer does in it.
type Job struct {
	DOCX []byte
	Ops  []Op
}

// Read opens the file of each job in one LibreOffice, does its operations,
// updates the fields and returns its paragraphs as LibreOffice shows them,
// without saving. It skips like Edit.
func Read(t testing.TB, jobs ...Job) [][]Para {
	t.Helper()
	dir := t.TempDir()
	type job struct {
		Path string `json:"path"`
		Ops  []Op   `json:"ops"`
	}
	var list []job
	for i, j := range jobs {
		in := filepath.Join(dir, fmt.Sprintf("in%d.docx", i))
		if err := os.WriteFile(in, j.DOCX, 0o644); err != nil {
			t.Fatal(err)
		}
		ops := j.Ops
		if ops == nil {
			ops = []Op{} // a JSON list, not null
		}
		list = append(list, job{in, ops})
	}
	b, err := json.Marshal(list)
	if err != nil {
		t.Fatal(err)
	}
	stdout := drive(t, dir, "read", string(b))
	var r [][]Para
	if err := json.Unmarshal(stdout, &r); err != nil || len(r) != len(jobs) {
		t.Fatalf("UNO driver output (%v): %s", err, stdout)
	}
	return r
}

func opsJSON(t testing.TB, ops []Op) string {
	t.Helper()
	if ops == nil {
		ops = []Op{} // a JSON list, not null
	}
	b, err := json.Marshal(ops)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// drive starts soffice in a private profile under dir, runs the UNO
// driver with args after the pipe's name and returns what it printed. A
// driver that crashes (pyuno has segfaulted on a busy machine) is run once more, with a fresh soffice and profile; any other
// failure, or a second crash, fails the test.
func drive(t testing.TB, dir string, args ...string) []byte {
	t.Helper()
	out, err := driveOnce(t, filepath.Join(dir, "profile"), args...)
	var exit *exec.ExitError
	if errors.As(err, &exit) && crashed(exit) {
		t.Logf("UNO driver crashed, once more with a fresh LibreOffice: %v", err)
		out, err = driveOnce(t, filepath.Join(dir, "profile-again"), args...)
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// crashed tells whether a process died of a crash (a segmentation fault
// or an abort), not of a timeout's kill or its own exit.
func crashed(exit *exec.ExitError) bool {
	ws, ok := exit.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && (ws.Signal() == syscall.SIGSEGV || ws.Signal() == syscall.SIGABRT)
}

// driveOnce is one run of drive, with the LibreOffice profile in profile.
func driveOnce(t testing.TB, profile string, args ...string) ([]byte, error) {
	t.Helper()
	soffice := clienttest.Command(t, "soffice", "libreoffice-writer-nogui")
	python := clienttest.Python(t, "uno", "python3-uno")
	pipe := fmt.Sprintf("chancery_unotest_%d_%d", os.Getpid(), time.Now().UnixNano())
	office := exec.Command(soffice,
		"-env:UserInstallation=file://"+profile,
		"--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
		"--accept=pipe,name="+pipe+";urp;")
	office.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var officeOut bytes.Buffer
	office.Stdout, office.Stderr = &officeOut, &officeOut
	if err := office.Start(); err != nil {
		t.Fatalf("soffice: %v", err)
	}
	exited := make(chan struct{})
	go func() { office.Wait(); close(exited) }()
	defer func() {
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			// Only the process group this call started.
			syscall.Kill(-office.Process.Pid, syscall.SIGKILL)
			<-exited
		}
	}()

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, append([]string{"-c", script, pipe}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("UNO driver: %w\n%s\nsoffice: %s", err, stderr.String(), officeOut.String())
	}
	return stdout, nil
}

// Find returns the index of the first paragraph whose text contains s, or
// -1.
func Find(ps []Para, s string) int {
	for i, p := range ps {
		if strings.Contains(p.Text, s) {
			return i
		}
	}
	return -1
}

// Text joins the paragraphs as LibreOffice shows them, one a line.
func Text(ps []Para) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Shown()
	}
	return strings.Join(lines, "\n")
}
