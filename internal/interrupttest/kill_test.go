//go:build unix

package interrupttest

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chancery-dev/chancery/internal/clienttest"
	"github.com/chancery-dev/chancery/internal/gen"
	"github.com/chancery-dev/chancery/internal/output"
)

// killProject is a generated treaty in two versions that differ in the
// wording of the first section, so that every output of one differs from
// the other's.
type killProject struct {
	dir      string
	versions [2]map[string][]byte // file name in the project -> content
}

func newKillProject(t *testing.T, paragraphs int) *killProject {
	t.Helper()
	a := map[string][]byte{}
	for name, f := range gen.Treaty(paragraphs) {
		a[name] = f.Data
	}
	b := map[string][]byte{}
	for name, data := range a {
		b[name] = data
	}
	first := "clauses/treaty/00001.yaml"
	b[first] = bytes.ReplaceAll(a[first], []byte("inform each other"), []byte("inform one another"))
	if bytes.Equal(a[first], b[first]) {
		t.Fatal("the two versions of the generated treaty do not differ")
	}
	p := &killProject{dir: t.TempDir(), versions: [2]map[string][]byte{a, b}}
	p.use(t, 0)
	return p
}

// use makes version v the project's clauses.
func (p *killProject) use(t *testing.T, v int) {
	t.Helper()
	if err := p.write(v); err != nil {
		t.Fatal(err)
	}
}

func (p *killProject) write(v int) error {
	for name, data := range p.versions[v] {
		path := filepath.Join(p.dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func chanceryCmd(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	cmd, err := chanceryCommand(dir, args...)
	if err != nil {
		t.Fatal(err)
	}
	return cmd
}

func chanceryCommand(dir string, args ...string) (*exec.Cmd, error) {
	// testscript.Main (TestMain) puts this test binary on PATH as
	// "chancery".
	exe, err := exec.LookPath("chancery")
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1715558400")
	return cmd, nil
}

// readOutputs reads every file of an output directory.
func readOutputs(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := readDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func readDir(dir string) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		files[e.Name()] = data
	}
	return files, nil
}

// outputChecker checks an output with the real clients (qpdf for PDF,
// archive/zip for DOCX), remembering the contents it already passed.
type outputChecker struct {
	qpdf string
	mu   sync.Mutex
	good map[[32]byte]bool
}

func (c *outputChecker) check(name string, data []byte) error {
	sum := sha256.Sum256(data)
	c.mu.Lock()
	known := c.good[sum]
	c.mu.Unlock()
	if known {
		return nil
	}
	switch filepath.Ext(name) {
	case ".pdf":
		f, err := os.CreateTemp("", "kill-*.pdf")
		if err != nil {
			return err
		}
		defer os.Remove(f.Name())
		f.Write(data)
		f.Close()
		if out, err := exec.Command(c.qpdf, "--check", f.Name()).CombinedOutput(); err != nil {
			return fmt.Errorf("qpdf --check: %v\n%s", err, out)
		}
	case ".docx":
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return fmt.Errorf("zip: %v", err)
		}
		for _, zf := range zr.File {
			r, err := zf.Open()
			if err != nil {
				return fmt.Errorf("zip %s: %v", zf.Name, err)
			}
			_, err = bytes.NewBuffer(nil).ReadFrom(r) // checks the CRC
			r.Close()
			if err != nil {
				return fmt.Errorf("zip %s: %v", zf.Name, err)
			}
		}
	}
	c.mu.Lock()
	c.good[sum] = true
	c.mu.Unlock()
	return nil
}

// TestKillDuringBuild kills builds of a generated 1,000-paragraph treaty at
// seeded random moments, with SIGKILL and SIGTERM, and checks after each
// that every output is complete and is either its version before the build
// or the one the build was writing; then a build must find and leave no
// hidden file of the killed one. Replay a failure with the seed it prints:
// CHANCERY_KILL_SEED=N go test -run TestKillDuringBuild ./internal/interrupttest
func TestKillDuringBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test skipped with -short")
	}
	checker := &outputChecker{qpdf: clienttest.Command(t, "qpdf", "qpdf"), good: map[[32]byte]bool{}}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("CHANCERY_KILL_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("CHANCERY_KILL_SEED=%q: %v", s, err)
		}
	}
	t.Logf("seed %d (replay: CHANCERY_KILL_SEED=%d go test -run TestKillDuringBuild ./internal/interrupttest)", seed, seed)
	const wantKills = 100

	p := newKillProject(t, 1000)
	out := filepath.Join(p.dir, "out")

	// The two versions' outputs, built in full; the second build also
	// measures how long a build takes and how long it writes.
	var want [2]map[string][]byte
	var total, writing time.Duration
	for v := range 2 {
		p.use(t, v)
		start := time.Now()
		cmd := chanceryCmd(t, p.dir, "build")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		firstHidden := watchHidden(out, cmd)
		total = time.Since(start)
		if !firstHidden.IsZero() {
			writing = time.Since(firstHidden)
		}
		if err := cmd.ProcessState; err == nil || !err.Success() {
			t.Fatalf("build of version %d failed: %v", v, cmd.ProcessState)
		}
		want[v] = readOutputs(t, out)
		for name, data := range want[v] {
			if err := checker.check(name, data); err != nil {
				t.Fatalf("the complete build's %s: %v", name, err)
			}
		}
	}
	if len(want[0]) != 3 || !slices.Equal(sortedKeys(want[0]), sortedKeys(want[1])) {
		t.Fatalf("outputs %v and %v, want the same three", sortedKeys(want[0]), sortedKeys(want[1]))
	}
	for name := range want[0] {
		if bytes.Equal(want[0][name], want[1][name]) {
			t.Fatalf("%s is the same in both versions", name)
		}
	}
	if writing <= 0 {
		writing = total / 10
	}
	t.Logf("a build takes %s, of which %s writing", total.Round(time.Millisecond), writing.Round(time.Millisecond))

	// Workers kill builds side by side, each in its own copy of the
	// project: on an idle machine that halves the time, and on a busy one
	// it keeps the test's share of the processors.
	base := readOutputs(t, out) // version 1, complete
	var mu sync.Mutex
	var sum killStats
	outOfTime := false
	var wg sync.WaitGroup
	for w := range killWorkers {
		wp := &killProject{dir: t.TempDir(), versions: p.versions}
		wp.use(t, 1)
		if err := os.MkdirAll(filepath.Join(wp.dir, "out"), 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range base {
			if err := os.WriteFile(filepath.Join(wp.dir, "out", name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		k := &killer{p: wp, want: want, checker: checker, writing: writing, total: total,
			rng: rand.New(rand.NewPCG(seed, uint64(w))), kills: (wantKills + killWorkers - 1) / killWorkers}
		k.deadline, _ = t.Deadline()
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := k.run()
			mu.Lock()
			defer mu.Unlock()
			sum.add(k.stats)
			outOfTime = outOfTime || k.outOfTime
			if err != nil {
				t.Errorf("seed %d, worker %d, kill %d: %v", seed, w, k.stats.kills, err)
			}
		}()
	}
	wg.Wait()
	t.Logf("%d kills (%d SIGTERM, %d SIGKILL; %d in the write phase): %d missing, %d truncated, %d leftovers",
		sum.kills, sum.sigterms, sum.kills-sum.sigterms, sum.duringWrite, sum.missing, sum.truncated, sum.leftovers)
	switch {
	case sum.kills >= wantKills || t.Failed():
	case outOfTime && sum.kills >= minKills:
		// A machine so busy that a build takes many seconds cannot make
		// a hundred kills within the test timeout; what was done is
		// checked all the same, and the shortfall is said.
		t.Logf("only %d of %d kills before the test timeout: the machine is busy (a build took %s); run with -timeout 30m for all", sum.kills, wantKills, total.Round(time.Millisecond))
	default:
		t.Errorf("seed %d: %d kills, want %d", seed, sum.kills, wantKills)
	}
}

// minKills is the fewest kills that pass when the test timeout cuts the
// test short on a busy machine.
const minKills = 20

// killWorkers is how many builds are killed side by side.
const killWorkers = 4

type killStats struct {
	kills, duringWrite, sigterms, missing, truncated, leftovers int
}

func (s *killStats) add(o killStats) {
	s.kills += o.kills
	s.duringWrite += o.duringWrite
	s.sigterms += o.sigterms
	s.missing += o.missing
	s.truncated += o.truncated
	s.leftovers += o.leftovers
}

// killer kills builds in one project directory until it has killed kills
// of them.
type killer struct {
	p              *killProject
	want           [2]map[string][]byte
	checker        *outputChecker
	writing, total time.Duration
	rng            *rand.Rand
	kills          int
	stats          killStats
	deadline       time.Time // of the test binary; zero if none
	outOfTime      bool      // stopped before kills because the deadline was near
}

func (k *killer) run() error {
	out := filepath.Join(k.p.dir, "out")
	current := map[string][]byte{}
	for name, data := range k.want[1] {
		current[name] = data
	}
	version := 1
	// checkOutputs: every output exists and is its previous or its new
	// version, complete; current is updated to what is there now.
	checkOutputs := func(next int) error {
		now, err := readDir(out)
		if err != nil {
			return err
		}
		for name := range k.want[0] {
			data, ok := now[name]
			if !ok {
				k.stats.missing++
				return fmt.Errorf("%s is missing", name)
			}
			if !bytes.Equal(data, current[name]) && !bytes.Equal(data, k.want[next][name]) {
				k.stats.truncated++
				return fmt.Errorf("%s (%d bytes) is neither its previous version (%d bytes) nor the new one (%d bytes)", name, len(data), len(current[name]), len(k.want[next][name]))
			}
			if err := k.checker.check(name, data); err != nil {
				k.stats.truncated++
				return fmt.Errorf("%s: %v", name, err)
			}
			current[name] = data
		}
		return nil
	}
	for attempt := 0; k.stats.kills < k.kills; attempt++ {
		if attempt > 4*k.kills {
			return fmt.Errorf("only %d of %d attempts killed a running build", k.stats.kills, attempt)
		}
		if !k.deadline.IsZero() && time.Until(k.deadline) < 45*time.Second {
			// Stop with the figures rather than be stopped by the test
			// timeout without them; TestKillDuringBuild says so.
			k.outOfTime = true
			return nil
		}
		next := 1 - version
		if err := k.p.write(next); err != nil {
			return err
		}
		sig := syscall.SIGKILL
		if k.rng.IntN(2) == 0 {
			sig = syscall.SIGTERM
		}
		cmd, err := chanceryCommand(k.p.dir, "build")
		if err != nil {
			return err
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			return err
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		// A third of the kills fall anywhere in the build, the rest in
		// its write phase, where an output could be lost.
		inWrite := k.rng.IntN(3) != 0
		if inWrite {
			if !waitHidden(out, exited) {
				version = next
				if err := checkOutputs(next); err != nil {
					return err
				}
				continue // the build ended before it wrote: no kill
			}
			sleepOrExit(time.Duration(k.rng.Int64N(int64(k.writing))), exited)
		} else {
			sleepOrExit(time.Duration(k.rng.Int64N(int64(k.total+k.total/10))), exited)
		}
		if cmd.Process.Signal(sig) != nil {
			<-exited
			version = next
			if err := checkOutputs(next); err != nil {
				return err
			}
			continue // it had finished
		}
		<-exited
		st := cmd.ProcessState
		if st.Success() {
			version = next
			if err := checkOutputs(next); err != nil {
				return err
			}
			continue
		}
		k.stats.kills++
		if inWrite {
			k.stats.duringWrite++
		}
		if sig == syscall.SIGTERM {
			k.stats.sigterms++
			// A handled SIGTERM is a clean exit: 143 and no hidden
			// file. (One that lands before the handler is installed
			// kills the process before it wrote anything.)
			if st.ExitCode() == 143 {
				if !strings.Contains(stderr.String(), "interrupted by SIGTERM") {
					return fmt.Errorf("exit 143 without the interruption message: %s", stderr.String())
				}
				if l, _ := output.Leftovers(out); len(l) > 0 {
					k.stats.leftovers++
					return fmt.Errorf("SIGTERM left %v", l)
				}
			} else if ws, ok := st.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
				return fmt.Errorf("after SIGTERM: %v\n%s", st, stderr.String())
			}
		}
		if err := checkOutputs(next); err != nil {
			return err
		}
		// The next build finishes or rolls back what the killed one left
		// and removes its hidden files. Writing the text alone keeps the
		// test short; the PDF and DOCX still go through recovery.
		after, err := chanceryCommand(k.p.dir, "build", "--formats", "txt")
		if err != nil {
			return err
		}
		if msg, err := after.CombinedOutput(); err != nil {
			return fmt.Errorf("build after the kill: %v\n%s", err, msg)
		}
		if err := checkOutputs(next); err != nil {
			return err
		}
		if !bytes.Equal(current["treaty.en.txt"], k.want[next]["treaty.en.txt"]) {
			return fmt.Errorf("the build after the kill did not write the text")
		}
		if l, err := output.Leftovers(out); err != nil || len(l) > 0 {
			k.stats.leftovers++
			return fmt.Errorf("leftovers after the next build: %v %v", l, err)
		}
		if now, _ := readDir(out); len(now) != 3 {
			return fmt.Errorf("%d files in out/, want 3", len(now))
		}
		version = next
	}
	return nil
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// watchHidden waits for cmd to end and returns when a hidden file of the
// writer first appeared in dir (zero if never seen).
func watchHidden(dir string, cmd *exec.Cmd) time.Time {
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	var first time.Time
	for {
		select {
		case <-exited:
			return first
		default:
		}
		if first.IsZero() && hasHidden(dir) {
			first = time.Now()
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// waitHidden polls dir until a hidden file of the writer appears (true) or
// the process exits (false).
func waitHidden(dir string, exited <-chan struct{}) bool {
	for {
		select {
		case <-exited:
			return false
		default:
		}
		if hasHidden(dir) {
			return true
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func hasHidden(dir string) bool {
	l, err := output.Leftovers(dir)
	return err == nil && len(l) > 0
}

func sleepOrExit(d time.Duration, exited <-chan struct{}) {
	select {
	case <-time.After(d):
	case <-exited:
	}
}

// TestConcurrentBuilds starts two builds into one output directory at once:
// the lock lets one write while the other waits, and the directory holds
// one complete set of outputs and nothing else.
func TestConcurrentBuilds(t *testing.T) {
	p := newKillProject(t, 200)
	out := filepath.Join(p.dir, "out")
	var cmds [2]*exec.Cmd
	var outs [2]bytes.Buffer
	for i := range cmds {
		cmds[i] = chanceryCmd(t, p.dir, "build")
		cmds[i].Stdout = &outs[i]
		cmds[i].Stderr = &outs[i]
	}
	for _, c := range cmds {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			// Only the lock may refuse a build.
			if !strings.Contains(outs[i].String(), "is in use by another chancery process") {
				t.Errorf("build %d: %v\n%s", i, err, outs[i].String())
			}
		}
	}
	got := readOutputs(t, out)
	ref := chanceryCmd(t, p.dir, "build", "-o", "ref")
	if msg, err := ref.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, msg)
	}
	want := readOutputs(t, filepath.Join(p.dir, "ref"))
	if !slices.Equal(sortedKeys(got), sortedKeys(want)) {
		t.Fatalf("out/ holds %v, want %v", sortedKeys(got), sortedKeys(want))
	}
	for name := range want {
		if !bytes.Equal(got[name], want[name]) {
			t.Errorf("%s differs from a build alone", name)
		}
	}
}

// TestLockedOutputDirectory: while another process holds the output
// directory, a build waits CHANCERY_LOCK_WAIT, then fails with a message
// that says what to do, and writes nothing.
func TestLockedOutputDirectory(t *testing.T) {
	p := newKillProject(t, 20)
	out := filepath.Join(p.dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	held, err := output.Lock(out, output.LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()
	cmd := chanceryCmd(t, p.dir, "build")
	cmd.Env = append(cmd.Env, "CHANCERY_LOCK_WAIT=300ms")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit %v, want 1", err)
	}
	want := "chancery: waiting for another chancery process to finish writing out ...\n" +
		"chancery: out is in use by another chancery process (a build or a watch) and stayed locked for 300ms; wait for it to finish or stop it, then run this again\n"
	var got strings.Builder
	for _, line := range strings.SplitAfter(stderr.String(), "\n") {
		if strings.HasPrefix(line, "chancery: ") {
			got.WriteString(line)
		}
	}
	if got.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("out/ holds %d files", len(entries))
	}
}

// TestInterruptExits130: Ctrl-C (SIGINT) during a build stops it with exit
// status 130, the message, and no hidden file in the output directory.
func TestInterruptExits130(t *testing.T) {
	p := newKillProject(t, 1000)
	out := filepath.Join(p.dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := chanceryCmd(t, p.dir, "build")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Long enough for the handler to be installed, far too short for a
	// 1,000-paragraph build to finish.
	time.Sleep(200 * time.Millisecond)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Fatalf("exit status %d (%v), want 130\n%s", code, cmd.ProcessState, stderr.String())
	}
	if !strings.HasSuffix(stderr.String(), "chancery: interrupted by SIGINT; nothing was written\n") {
		t.Errorf("stderr ends %q", stderr.String())
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("out/ holds %d files after the interrupted build", len(entries))
	}
}
