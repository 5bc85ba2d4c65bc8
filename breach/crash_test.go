package breach

import (
	"bufio"
	"errors"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCrashKill starts a child process that appends to a ledger file,
// syncing every append and acknowledging each on stdout once Append has
// returned, and kills it (SIGKILL on Unix) at a random instant: while it
// starts, replays, or appends. 200 times (40 with -short). After each
// kill the parent reopens the ledger: the open succeeds, or reports a
// torn tail that TruncateTorn clears, and every append acknowledged
// before the kill is there. The next child appends to the same file, so
// each run also checks appends after a crash and a recovery. The file is
// started afresh every 25 kills to keep replays short.
func TestCrashKill(t *testing.T) {
	kills := 200
	if testing.Short() {
		kills = 40
	}
	rng := rand.New(rand.NewPCG(16, 2026))
	dir := t.TempDir()
	var path string
	var acked map[string]string // id → last acknowledged event
	var torn, killedBeforeAck, acks int
	for k := range kills {
		if k%25 == 0 {
			path = filepath.Join(dir, "crash-"+strconv.Itoa(k)+".jsonl")
			acked = make(map[string]string)
		}
		cmd := childCommand(t, "append", path)
		stdout, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		lines := make(chan []string, 1)
		go func() {
			var got []string
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				got = append(got, sc.Text())
			}
			io.Copy(io.Discard, stdout)
			lines <- got
		}()
		// A random instant within the child's first 50 ms: some kills land
		// while it starts or replays, most while it appends.
		time.Sleep(time.Duration(rng.Int64N(int64(50 * time.Millisecond))))
		require.NoError(t, cmd.Process.Kill())
		got := <-lines
		cmd.Wait()

		n := 0
		for _, l := range got {
			f := strings.Fields(l)
			if len(f) != 3 || f[0] != "ack" {
				t.Fatalf("kill %d: child wrote %q", k, l)
			}
			acked[f[2]] = f[1]
			n++
			acks++
		}
		if n == 0 {
			killedBeforeAck++
		}

		lf, err := OpenFile(path, FileOptions{})
		var te *TornError
		switch {
		case err == nil:
		case errors.As(err, &te) && lf != nil:
			torn++
			require.NoError(t, lf.TruncateTorn(te.Offset), "kill %d", k)
		default:
			t.Fatalf("kill %d: reopen failed: %v", k, err)
		}
		for id, event := range acked {
			r, ok := lf.Record(id)
			switch {
			case !ok:
				t.Fatalf("kill %d: acknowledged record %s is missing", k, id)
			case event == evReported && !r.IsReported():
				t.Fatalf("kill %d: acknowledged report of %s is missing", k, id)
			}
		}
		require.NoError(t, lf.Close())
	}
	t.Logf("%d kills, %d acknowledged appends: %d kills before the first acknowledgement, %d left a torn line",
		kills, acks, killedBeforeAck, torn)
}
