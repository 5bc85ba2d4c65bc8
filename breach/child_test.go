package breach

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// childEnv tells a re-executed test binary to play a child process of a
// test instead of running the tests: its value is the role, and the
// arguments follow in childArgsEnv.
const (
	childEnv     = "BREACH_TEST_CHILD"
	childArgsEnv = "BREACH_TEST_CHILD_ARGS"
)

func TestMain(m *testing.M) {
	if role := os.Getenv(childEnv); role != "" {
		os.Exit(runChild(role, os.Getenv(childArgsEnv)))
	}
	os.Exit(m.Run())
}

// childCommand returns a command that runs this test binary as a child
// with the role and the ledger path.
func childCommand(t testing.TB, role, path string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childEnv+"="+role, childArgsEnv+"="+path)
	cmd.Stderr = os.Stderr
	return cmd
}

// runChild plays a role and returns the exit code:
//
//   - "lock": try to open the ledger at path for appending, report
//     whether it was locked, then replay it for reading and report how
//     many records it holds;
//   - "append": open the ledger at path, syncing every append, then open
//     and report records without end, writing "ack opened <id>" and "ack
//     reported <id>" to stdout after each append has returned, until
//     killed.
func runChild(role, path string) int {
	switch role {
	case "lock":
		lf, err := OpenFile(path, FileOptions{})
		switch {
		case errors.Is(err, ErrLocked):
			fmt.Printf("locked: %v\n", err)
		case err != nil:
			fmt.Printf("error: %v\n", err)
		default:
			fmt.Printf("opened %d records\n", lf.Len())
			lf.Close()
		}
		f, err := os.Open(path)
		if err != nil {
			fmt.Printf("error: %v\n", err)
			return 1
		}
		defer f.Close()
		recs, err := Replay(f)
		fmt.Printf("replayed %d records: %v\n", len(recs), err)
		return 0
	case "append":
		return appendUntilKilled(path)
	}
	fmt.Fprintf(os.Stderr, "unknown child role %q\n", role)
	return 2
}

func appendUntilKilled(path string) int {
	lf, err := OpenFile(path, FileOptions{SyncEvery: 1})
	if err != nil {
		fmt.Printf("error: %v\n", err)
		return 1
	}
	out := bufio.NewWriter(os.Stdout)
	ack := func(event, id string) {
		fmt.Fprintf(out, "ack %s %s\n", event, id)
		out.Flush()
	}
	prefix := strconv.Itoa(os.Getpid()) + "-" + strconv.Itoa(lf.Len())
	// A bound, in case the parent never kills us.
	for i := range 100_000 {
		id := prefix + "-" + strconv.Itoa(i)
		r, err := lf.Open(availabilityFacts(id), wallDay)
		if err != nil {
			fmt.Printf("error: %v\n", err)
			return 1
		}
		ack(evOpened, id)
		if i%2 == 0 {
			if _, err := lf.Report(id, "cause "+id, r.Facts().DetectedAt.Add(time.Duration(i)*time.Second)); err != nil {
				fmt.Printf("error: %v\n", err)
				return 1
			}
			ack(evReported, id)
		}
	}
	lf.Close()
	return 0
}
